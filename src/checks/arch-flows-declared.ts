import type { JSONSchemaType } from 'ajv';
import { analysisOf, driftSeverity, pathsFor, portClassOf } from '../reach/analysis.js';
import { formatTraffic, isNothing, subtract, trafficEvidence } from '../reach/ports.js';
import { tierSpec } from '../reach/profile.js';
import { accountRef, flowRef, NETWORK_CALLS, otherRegionFailures } from '../reach/refs.js';
import { defineCheck, describeFailure, fail, notApplicable, pass } from './define.js';
import type { Outcome } from './types.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/** Destination interfaces quoted in one result (the count says how many more). */
const SHOWN = 10;

export default defineCheck<Params>({
  id: 'arch-flows-declared',
  title: 'Every flow that can reach a tier is declared in the architecture profile',
  severity: 'high',
  resourceType: 'AWS::EC2::TierFlow',
  requires: [...NETWORK_CALLS],
  crossResource: true,
  needsArchitecture: true,
  rationale:
    'Segmentation is only as good as the paths that exist: a security-group rule, NACL entry or route broader than the design lets a tier ' +
    'be reached from where the design says it cannot (the database from the DMZ, SSH from the internet), which is what PCI DSS 1.2-1.4, ' +
    'MAS TRM 11.2 and RBI network segmentation ask to prevent. Each result holds one source (the internet, a named network or a tier) ' +
    'against one tier: the traffic that actually gets through (routes on both sides, NACLs both ways, security groups) minus what the ' +
    'profile declares, with the path of each port range as evidence. Severity follows the destination tier (public low, internal medium, ' +
    'restricted and management high), one step up for administration or database ports and one step up from outside the account.',
  remediation:
    'For each undeclared port range, follow the path in the evidence to the rule that admits it (the security-group rule first, then the ' +
    'NACL entry and the route) and narrow or remove it; or, when the flow is needed, declare it in the architecture profile (flows: from, ' +
    'to, protocol, ports) through your change process so the design and the account agree.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const a = analysisOf(inv);
    if (!a) return [notApplicable(accountRef(inv, 'AWS::EC2::TierFlow'), 'no architecture profile was given (scan --arch FILE): flows were not judged')];
    const out: Outcome[] = [];
    for (const cell of a.cells) {
      const ref = flowRef(inv, cell.from, cell.to, cell.region);
      const unknown = [...cell.unknown, ...otherRegionFailures(inv, cell.regions, cell.region)];
      const where = `${cell.from} -> ${cell.to} in ${cell.region}`;
      const declared = trafficEvidence(cell.declared);
      if (isNothing(cell.undeclared)) {
        if (unknown.length > 0) {
          out.push({ status: 'error', resource: ref, message: `${where}: could not be decided, data the flows depend on could not be read`, evidence: { failedCalls: unknown.slice(0, 10).map(describeFailure) } });
          continue;
        }
        out.push(
          pass(ref, isNothing(cell.actual) ? `Nothing reaches ${cell.to} from ${cell.from} in ${cell.region}.` : `${where}: only declared traffic gets through (${formatTraffic(cell.actual)}).`, {
            from: cell.from,
            to: cell.to,
            declared,
            reachable: trafficEvidence(cell.actual),
          }),
        );
        continue;
      }
      const hit = cell.destinations.filter((d) => !isNothing(subtract(d.traffic, cell.declared)));
      const destinations = hit.slice(0, SHOWN).map((d) => {
        const extra = subtract(d.traffic, cell.declared);
        return { networkInterface: d.eni.eni.id, subnet: d.eni.subnet.id, undeclared: trafficEvidence(extra), paths: pathsFor(a, cell, d, extra) };
      });
      const sensitivity = tierSpec(a.profile, cell.to)!.sensitivity;
      const severity = driftSeverity(sensitivity, cell.undeclared, cell.kind);
      const evidence: Record<string, unknown> = {
        from: cell.from,
        to: cell.to,
        tierSensitivity: sensitivity,
        portClass: portClassOf(cell.undeclared),
        declared,
        reachable: trafficEvidence(cell.actual),
        undeclared: trafficEvidence(cell.undeclared),
        destinations,
      };
      if (hit.length > SHOWN) evidence['destinationsNotShown'] = hit.length - SHOWN;
      if (unknown.length > 0) evidence['failedCalls'] = unknown.slice(0, 10).map(describeFailure);
      const declaredText = isNothing(cell.declared) ? 'declares nothing' : `declares ${formatTraffic(cell.declared)}`;
      out.push({
        ...fail(ref, `${where}: ${formatTraffic(cell.undeclared)} gets through to ${hit.length} interface(s) (${hit.slice(0, 3).map((d) => d.eni.eni.id).join(', ')}${hit.length > 3 ? ', ...' : ''}); the profile ${declaredText}.`, evidence),
        severity,
      });
    }
    return out;
  },
});
