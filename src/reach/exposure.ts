/**
 * For the exposure checks (a security-group rule open to 0.0.0.0/0 or ::/0):
 * whether any interface of the group is actually reachable from the internet
 * on the ports the rule opens, with the path as evidence. The rule is wrong
 * either way (the check still fails); a host that is open raises the
 * result's severity one step, so a report tells the open host from the rule
 * that no packet can use.
 */
import type { CallError, Inventory, SecurityGroup, SecurityGroupRule } from '../inventory/types.js';
import type { Severity } from '../checks/types.js';
import { DEFAULT_BROADER_THAN } from '../inventory/net.js';
import { reachOf, type ExternalReach, type FlowPath } from './engine.js';
import { key, type EniM } from './model.js';
import { formatTraffic, intersect, isNothing, NOTHING, portsOf, subtract, trafficOf, union, type Traffic } from './ports.js';
import { NETWORK_CALLS } from './refs.js';

export interface ExposureEvidence {
  /** true: an interface of the group gets the rule's ports from the internet; false: none does; null: not known. */
  reachableFromInternet: boolean | null;
  /** The interfaces that are reachable (at most 10), with the ports and one path each. */
  exposedInterfaces?: { networkInterface: string; attachedTo: string | null; ports: string; path: FlowPath | null }[];
  /** Why no interface is reachable (the first interface's reason), or why it is not known. */
  reachability?: string;
}

/** The traffic a rule admits, for the families its anywhere-sources cover. */
export function ruleTraffic(rule: SecurityGroupRule): Traffic {
  return trafficOf(rule.protocol, rule.fromPort === undefined ? undefined : { from: rule.fromPort, to: rule.toPort ?? rule.fromPort });
}

/** TCP and UDP on the listed ports. */
export function portListTraffic(ports: readonly number[]): Traffic {
  const set = portsOf(ports.map((p) => [p, p] as const));
  return { tcp: set, udp: set, icmp: false };
}

/** Everything but TCP and UDP on the listed ports (ICMP not considered, as ec2-sg-public-ports-authorised does). */
export function outsidePorts(t: Traffic, allowed: readonly number[]): Traffic {
  return { ...subtract(t, portListTraffic(allowed)), icmp: false };
}

const RAISED: Record<Severity, Severity> = { critical: 'critical', high: 'critical', medium: 'high', low: 'medium', info: 'info' };

/** The severity of a failing exposure result whose host is reachable. */
export const raised = (s: Severity): Severity => RAISED[s];

const SHOWN = 10;

function networkFailure(inv: Inventory, region: string): CallError | undefined {
  for (const op of NETWORK_CALLS) {
    const failed = inv.failures.get(op)?.get(region);
    if (failed) return failed;
    const bad = inv.unreadable.get(op)?.get(region)?.[0];
    if (bad) return bad.error;
  }
  return undefined;
}

/**
 * The reach engine's `internetPrefix` for a check's `broaderThan` (the one
 * notion of "the internet" both use): a public range broader than /N counts
 * as anywhere in the check, so a set of public addresses as large as one /N
 * block is the internet to the engine. The default (8) is the engine's own
 * default, so the exposure checks and the drift checks share one analysis.
 * Never below /3: IPv6's whole internet (2000::/3) must still count.
 */
export const internetPrefixFor = (broaderThan: number): number => Math.max(3, broaderThan);

/**
 * `open`: per address family, the traffic the failing rules admit from
 * anywhere (and that the check objects to); `broaderThan`: the check's
 * parameter (see internetPrefixFor).
 */
export function internetExposure(inv: Inventory, sg: SecurityGroup, open: { ipv4: Traffic; ipv6: Traffic }, broaderThan: number = DEFAULT_BROADER_THAN): ExposureEvidence {
  const missing = networkFailure(inv, sg.region);
  if (missing) {
    return { reachableFromInternet: null, reachability: `not known: ${missing.service}:${missing.operation} in ${missing.region} is missing or unreadable (${missing.code}), so whether a host is open was not computed` };
  }
  const reach = reachOf(inv, { internetPrefix: internetPrefixFor(broaderThan) });
  const members = reach.model.sgs.get(key(sg.region, sg.id))?.members ?? [];
  if (members.length === 0) return { reachableFromInternet: false, reachability: `no network interface uses ${sg.id}` };
  const exposed: NonNullable<ExposureEvidence['exposedInterfaces']> = [];
  let firstReason: string | undefined;
  let unknown = false;
  // Interfaces of one class get one answer (reach.fromInternet): judge each class once, not each member,
  // and copy a path for a member only when it is quoted (at most SHOWN are).
  const byClass = new Map<EniM, { r: ExternalReach; hit: Traffic; ports: string; path: FlowPath | null }>();
  let anyExposed = false;
  for (const m of members) {
    const rep = m.cls?.rep ?? m;
    let c = byClass.get(rep);
    if (!c) {
      const r = reach.fromInternet(rep);
      const hit = union(intersect(r.byFamily.ipv4, open.ipv4), intersect(r.byFamily.ipv6, open.ipv6));
      const path = isNothing(hit) ? null : (r.paths.find((p) => !isNothing(intersect(hit, trafficOf(p.protocol, { from: p.port, to: p.port })))) ?? null);
      byClass.set(rep, (c = { r, hit, ports: isNothing(hit) ? '' : formatTraffic(hit), path }));
    }
    if (c.r.unknown.length > 0) unknown = true;
    if (isNothing(c.hit)) {
      if (firstReason === undefined) {
        const r = m === rep ? c.r : reach.fromInternet(m);
        firstReason = `${m.eni.id}: ${r.blockedBy ?? `only ${formatTraffic(r.traffic)} reaches it, none of the rule's ports`}`;
      }
      continue;
    }
    anyExposed = true;
    if (exposed.length >= SHOWN) continue;
    const path = c.path === null || m === rep ? c.path : { ...c.path, destination: m.eni.id };
    exposed.push({ networkInterface: m.eni.id, attachedTo: m.eni.instanceId ?? m.eni.description ?? null, ports: c.ports, path });
  }
  if (anyExposed) return { reachableFromInternet: true, exposedInterfaces: exposed };
  // A route through a prefix list whose entries could not be read: not known, never "not reachable".
  if (unknown) return { reachableFromInternet: null, reachability: 'not known: data the routes or rules depend on could not be read' };
  return { reachableFromInternet: false, reachability: `no interface of ${sg.id} is reachable from the internet on these ports (${members.length} interface(s); ${firstReason})` };
}

/** Per family, the union of the rules' traffic, each rule counted for the families of its sources. */
export function openTraffic(rows: { rule: SecurityGroupRule; sources: string[] }[], keep: (t: Traffic) => Traffic): { ipv4: Traffic; ipv6: Traffic } {
  let ipv4: Traffic = NOTHING;
  let ipv6: Traffic = NOTHING;
  for (const { rule, sources } of rows) {
    const t = keep(ruleTraffic(rule));
    if (sources.some((s) => !s.split(' ')[0]!.includes(':'))) ipv4 = union(ipv4, t);
    if (sources.some((s) => s.split(' ')[0]!.includes(':'))) ipv6 = union(ipv6, t);
  }
  return { ipv4, ipv6 };
}
