/**
 * Network helpers shared by the security-group and NACL checks: what counts
 * as "anywhere", and which ports a rule or entry covers.
 */
import type { NetworkAclEntry, Observed, SecurityGroupRule } from './types.js';

/** A CIDR of prefix length 0 (0.0.0.0/0, ::/0) stands for the whole internet. */
export function isAnywhere(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}

/**
 * The "anywhere" CIDRs a security-group rule admits: direct CIDRs, and the
 * entries of a referenced prefix list. `{ ok: false }` when the prefix list's
 * entries could not be read: the caller must report `error`, not pass.
 */
export function anywhereSources(rule: SecurityGroupRule): Observed<string[]> {
  const peer = rule.peer;
  switch (peer.kind) {
    case 'cidr4':
    case 'cidr6':
      return { ok: true, value: isAnywhere(peer.value) ? [peer.value] : [] };
    case 'prefixList':
      if (!peer.cidrs.ok) return peer.cidrs;
      return { ok: true, value: peer.cidrs.value.filter(isAnywhere).map((c) => `${c} (via ${peer.value})`) };
    case 'securityGroup':
      return { ok: true, value: [] };
  }
}


const TCP_UDP = new Set(['tcp', 'udp', '6', '17']);

/** True when the rule admits every protocol (`-1`) or a port-bearing protocol over every port. */
export function coversAllTraffic(rule: SecurityGroupRule): boolean {
  if (rule.protocol === '-1') return true;
  return TCP_UDP.has(rule.protocol) && (rule.fromPort === undefined || (rule.fromPort <= 0 && (rule.toPort ?? 65535) >= 65535));
}

/** True when the rule admits TCP or UDP traffic to `port` (protocol -1 covers every port). */
export function coversPort(rule: SecurityGroupRule, port: number): boolean {
  if (rule.protocol === '-1') return true;
  if (!TCP_UDP.has(rule.protocol)) return false;
  if (rule.fromPort === undefined) return true;
  return rule.fromPort <= port && port <= (rule.toPort ?? rule.fromPort);
}

/** The ports of `ports` that the rule covers, sorted. */
export function coveredPorts(rule: SecurityGroupRule, ports: readonly number[]): number[] {
  return [...new Set(ports.filter((p) => coversPort(rule, p)))].sort((a, b) => a - b);
}

/** The rule's port range as evidence: `all` or `from-to`. */
export function portText(rule: SecurityGroupRule): string {
  if (rule.protocol === '-1' || rule.fromPort === undefined) return 'all';
  return rule.fromPort === rule.toPort ? String(rule.fromPort) : `${rule.fromPort}-${rule.toPort}`;
}

/** True when a NACL entry matches TCP/UDP traffic to `port`. */
export function naclEntryCoversPort(entry: NetworkAclEntry, port: number): boolean {
  if (entry.protocol === '-1') return true;
  if (entry.protocol !== '6' && entry.protocol !== '17') return false;
  if (!entry.portRange) return true;
  return entry.portRange.from <= port && port <= entry.portRange.to;
}

/**
 * The entry that decides inbound traffic from the internet at large to `port`
 * over one address family: the lowest-numbered inbound entry whose CIDR is
 * "anywhere" and which matches the port. Narrower entries never decide for
 * "anywhere": they cover only part of the internet. Undefined: the implicit
 * final deny (`*`) applies.
 */
export function naclDecidingEntry(entries: readonly NetworkAclEntry[], port: number, ipv6: boolean): NetworkAclEntry | undefined {
  let best: NetworkAclEntry | undefined;
  for (const e of entries) {
    if (e.egress || e.ipv6 !== ipv6 || !isAnywhere(e.cidr) || !naclEntryCoversPort(e, port)) continue;
    if (!best || e.ruleNumber < best.ruleNumber) best = e;
  }
  return best;
}
