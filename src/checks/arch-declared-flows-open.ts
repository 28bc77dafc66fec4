import type { JSONSchemaType } from 'ajv';
import { analysisOf, type Analysis, type Cell } from '../reach/analysis.js';
import { formatTraffic, isNothing, representatives, trafficEvidence } from '../reach/ports.js';
import { INTERNET } from '../reach/profile.js';
import { accountRef, flowRef, NETWORK_CALLS, otherRegionFailures } from '../reach/refs.js';
import { defineCheck, describeFailure, fail, notApplicable, pass } from './define.js';
import type { Outcome } from './types.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/**
 * Why each of the first few blocked port ranges does not get through. Of the
 * first interfaces on either side, the pair whose groups let the port through
 * is quoted first (its reason is a route or an ACL: the layer that breaks the
 * design); NAT gateways, which open no connection, are not senders.
 */
function why(a: Analysis, cell: Cell): { protocol: string; port: number; reason: string }[] {
  const receivers = (a.placements.find((p) => p.tier.name === cell.to && p.region === cell.region)?.interfaces ?? []).filter((e) => e.active).slice(0, 10);
  if (receivers.length === 0) return [];
  const out: { protocol: string; port: number; reason: string }[] = [];
  for (const { protocol, port } of representatives(cell.blocked).slice(0, 5)) {
    let reason: string;
    if (cell.kind === 'tier') {
      const neighbours = a.reach.model.neighbours.get(receivers[0]!.subnet.vpc.key) ?? new Set<string>();
      const senders = a.placements
        .filter((p) => p.tier.name === cell.from)
        .flatMap((p) => p.interfaces.filter((e) => e.active && e.eni.interfaceType !== 'nat_gateway' && neighbours.has(e.subnet.vpc.key)))
        .slice(0, 10);
      if (senders.length === 0) reason = `no VPC of tier ${cell.from} is peered or attached to a transit gateway with ${receivers[0]!.subnet.vpc.id}`;
      else {
        const all = senders.flatMap((s) => receivers.map((d) => `from ${s.eni.id} to ${d.eni.id}: ${a.reach.diagnosePair(s, d, protocol, port)}`));
        reason = all.find((r) => !/: no (ingress|egress) rule/.test(r)) ?? all[0]!;
      }
    } else {
      const networks = a.profile.networks.map((n) => ({ name: n.name, cidrs: n.cidrs }));
      const receiver = receivers[0]!;
      const ext =
        cell.from === INTERNET
          ? a.reach.fromSource(receiver, { internet: true, excluded: networks })
          : a.reach.fromSource(receiver, { internet: false, network: networks.find((n) => n.name === cell.from)! });
      reason = `to ${receiver.eni.id}: ${isNothing(ext.traffic) ? ext.blockedBy : `only ${formatTraffic(ext.traffic)} gets through`}`;
    }
    out.push({ protocol, port, reason });
  }
  return out;
}

export default defineCheck<Params>({
  id: 'arch-declared-flows-open',
  title: 'Every flow the architecture profile declares can get through',
  severity: 'info',
  resourceType: 'AWS::EC2::TierFlow',
  requires: [...NETWORK_CALLS],
  crossResource: true,
  needsArchitecture: true,
  rationale:
    'A declared flow that no route, ACL entry and security-group rule lets through is a mismatch between the design and the account: the ' +
    'document the auditor was given does not describe the network (PCI DSS 1.2.3 and 1.2.4 ask for accurate diagrams), or the service it ' +
    'describes cannot work. It is information, not a security failure: severity info weighs nothing in any score, never makes a control ' +
    'fail and fails the gate only with --fail-on info.',
  remediation:
    'Compare the blocked ports and the reason given with the design: either the profile is out of date (remove or correct the flow), or the ' +
    'implementation is missing a route, an ACL entry or a security-group rule (add the narrowest one that carries the declared flow).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const a = analysisOf(inv);
    if (!a) return [notApplicable(accountRef(inv, 'AWS::EC2::TierFlow'), 'no architecture profile was given (scan --arch FILE): declared flows were not tested')];
    const out: Outcome[] = [];
    const pairs = [...new Map(a.profile.flows.map((f) => [`${f.from}|${f.to}`, f])).values()];
    if (pairs.length === 0) return [notApplicable(accountRef(inv, 'AWS::EC2::TierFlow'), 'the architecture profile declares no flow')];
    for (const flow of pairs) {
      const cells = a.cells.filter((c) => c.from === flow.from && c.to === flow.to);
      if (cells.length === 0) {
        out.push(notApplicable(flowRef(inv, flow.from, flow.to, 'global'), `Tier ${flow.to} has no interface that could receive the declared flow from ${flow.from}.`, { from: flow.from, to: flow.to }));
        continue;
      }
      const senders = a.placements.filter((p) => p.tier.name === flow.from).flatMap((p) => p.interfaces.filter((e) => e.active));
      for (const cell of cells) {
        const ref = flowRef(inv, cell.from, cell.to, cell.region);
        const evidence: Record<string, unknown> = { from: cell.from, to: cell.to, declared: trafficEvidence(cell.declared), reachable: trafficEvidence(cell.actual) };
        if (cell.kind === 'tier' && senders.length === 0) {
          out.push(notApplicable(ref, `Tier ${cell.from} has no interface that could send the declared flow to ${cell.to}.`, evidence));
          continue;
        }
        if (isNothing(cell.blocked)) {
          out.push(pass(ref, `${cell.from} -> ${cell.to} in ${cell.region}: every declared port gets through (${formatTraffic(cell.declared)}).`, evidence));
          continue;
        }
        const unknown = [...cell.unknown, ...otherRegionFailures(inv, cell.regions, cell.region)];
        if (unknown.length > 0) {
          out.push({ status: 'error', resource: ref, message: `${cell.from} -> ${cell.to} in ${cell.region}: could not be decided, data the flows depend on could not be read`, evidence: { ...evidence, failedCalls: unknown.slice(0, 10).map(describeFailure) } });
          continue;
        }
        out.push(
          fail(ref, `${cell.from} -> ${cell.to} in ${cell.region}: declared ${formatTraffic(cell.blocked)} cannot get through (information: the design and the account disagree).`, {
            ...evidence,
            blocked: trafficEvidence(cell.blocked),
            why: why(a, cell),
          }),
        );
      }
    }
    return out;
  },
});
