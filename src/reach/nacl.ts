/**
 * Network ACLs, stateless and in rule order: the traffic one direction of an
 * ACL lets through to or from one address, and the entry that decided each
 * part (for the path evidence). Return traffic is judged on the ephemeral
 * ports the client's side of the connection uses.
 */
import type { NetworkAcl, NetworkAclEntry } from '../inventory/types.js';
import { parseCidr, type Family } from './ip.js';
import { EVERYTHING, intersect, intersectPorts, isNothing, NOTHING, portRange, subtract, trafficOf, union, type PortSet, type Protocol, type Traffic } from './ports.js';

/** The ports a client picks its end of a connection from: AWS's advice for NACLs covers every OS (1024-65535). */
export const EPHEMERAL: PortSet = portRange(1024, 65535);

interface CompiledEntry {
  entry: NetworkAclEntry;
  lo: bigint;
  hi: bigint;
  family: Family;
  traffic: Traffic;
}

const compiled = new WeakMap<NetworkAcl, { in: CompiledEntry[]; out: CompiledEntry[] }>();
// The answer depends only on the ACL, the direction and the address: one walk per address, not one per pair of interfaces.
const answers = new WeakMap<NetworkAcl, Record<'in4' | 'in6' | 'out4' | 'out6', Map<bigint, Traffic>>>();

function entriesOf(acl: NetworkAcl): { in: CompiledEntry[]; out: CompiledEntry[] } {
  let c = compiled.get(acl);
  if (!c) {
    const all = [...acl.entries]
      .sort((a, b) => a.ruleNumber - b.ruleNumber)
      .flatMap((entry): CompiledEntry[] => {
        const cidr = parseCidr(entry.cidr);
        if (!cidr) return [];
        return [{ entry, lo: cidr.lo, hi: cidr.hi, family: cidr.family, traffic: trafficOf(entry.protocol, entry.portRange) }];
      });
    c = { in: all.filter((e) => !e.entry.egress), out: all.filter((e) => e.entry.egress) };
    compiled.set(acl, c);
  }
  return c;
}

/**
 * What one direction of an ACL lets through for a peer address: walking the
 * entries in rule order, each decides the traffic no earlier entry decided
 * (allow adds it, deny takes it out); the implicit final entry denies the rest.
 * No ACL (a subnet the snapshot does not describe) lets nothing through.
 */
export function naclAllowed(acl: NetworkAcl | undefined, direction: 'in' | 'out', family: Family, peer: bigint): Traffic {
  if (!acl) return NOTHING;
  let memo = answers.get(acl);
  if (!memo) answers.set(acl, (memo = { in4: new Map(), in6: new Map(), out4: new Map(), out6: new Map() }));
  const byPeer = memo[`${direction}${family}`];
  let allowed = byPeer.get(peer);
  if (!allowed) byPeer.set(peer, (allowed = walk(acl, direction, family, peer)));
  return allowed;
}

function walk(acl: NetworkAcl, direction: 'in' | 'out', family: Family, peer: bigint): Traffic {
  let undecided: Traffic = EVERYTHING;
  let allowed: Traffic = NOTHING;
  for (const e of entriesOf(acl)[direction]) {
    if (e.family !== family || peer < e.lo || peer > e.hi) continue;
    if (e.entry.action === 'allow') allowed = union(allowed, intersect(e.traffic, undecided));
    undecided = subtract(undecided, e.traffic);
    if (isNothing(undecided)) break;
  }
  return allowed;
}

/** The entry that decides `protocol`/`port` for a peer address (undefined: the implicit final deny). */
export function naclDecider(acl: NetworkAcl | undefined, direction: 'in' | 'out', family: Family, peer: bigint, protocol: Protocol, port: number): NetworkAclEntry | undefined {
  if (!acl) return undefined;
  for (const e of entriesOf(acl)[direction]) {
    if (e.family !== family || peer < e.lo || peer > e.hi) continue;
    const t = e.traffic;
    const matches = protocol === 'icmp' ? t.icmp : intersectPorts(protocol === 'tcp' ? t.tcp : t.udp, [port, port]).length > 0;
    if (matches) return e.entry;
  }
  return undefined;
}

/**
 * Forward traffic kept only where the return path is open: TCP needs some
 * ephemeral TCP port back, UDP some ephemeral UDP port, ICMP ICMP.
 */
export function withReturn(forward: Traffic, back: Traffic): Traffic {
  return {
    tcp: intersectPorts(back.tcp, EPHEMERAL).length > 0 ? forward.tcp : [],
    udp: intersectPorts(back.udp, EPHEMERAL).length > 0 ? forward.udp : [],
    icmp: forward.icmp && back.icmp,
  };
}

/** The first ephemeral port a return entry admits, for the evidence. */
export function returnPort(back: Traffic, protocol: Protocol): number {
  if (protocol === 'icmp') return 0;
  const ports = intersectPorts(protocol === 'tcp' ? back.tcp : back.udp, EPHEMERAL);
  return ports[0] ?? EPHEMERAL[0]!;
}
