/**
 * Network helpers shared by the security-group and NACL checks: what counts
 * as "anywhere", and which ports a rule or entry covers.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { Observed } from './base.js';
import type { NetworkAclEntry, SecurityGroupRule } from '../services/ec2/types.js';

/** `a.b.c.d/n` with a real IPv4 address and 0 <= n <= 32. */
export function isCidr4(cidr: string): boolean {
  const m = /^([0-9.]+)\/(\d{1,2})$/.exec(cidr);
  return m !== null && isIPv4(m[1]!) && Number(m[2]) <= 32;
}

/** An IPv6 address and a prefix length 0-128. */
export function isCidr6(cidr: string): boolean {
  const m = /^([0-9A-Fa-f:.]+)\/(\d{1,3})$/.exec(cidr);
  return m !== null && isIPv6(m[1]!) && Number(m[2]) <= 128;
}

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

/**
 * True when the rule admits every protocol (`-1`) or TCP/UDP over every port.
 * Port 0 is reserved, so 1–65535 counts as every port too.
 */
export function coversAllTraffic(rule: SecurityGroupRule): boolean {
  if (rule.protocol === '-1') return true;
  return TCP_UDP.has(rule.protocol) && (rule.fromPort === undefined || (rule.fromPort <= 1 && (rule.toPort ?? 65535) >= 65535));
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

const ICMP = new Set(['icmp', 'icmpv6', '1', '58']);

/**
 * The rule's port range as evidence: `all` or `from-to` (the API's -1 means
 * all). For ICMP the "ports" are a type and code: `type 8`, `type 3 code 4`.
 */
export function portText(rule: SecurityGroupRule): string {
  if (rule.protocol === '-1' || rule.fromPort === undefined || rule.fromPort === -1) return 'all';
  if (ICMP.has(rule.protocol)) {
    return rule.toPort === undefined || rule.toPort === -1 ? `type ${rule.fromPort}` : `type ${rule.fromPort} code ${rule.toPort}`;
  }
  return rule.fromPort === rule.toPort ? String(rule.fromPort) : `${rule.fromPort}-${rule.toPort}`;
}

/** True when a NACL entry matches TCP/UDP traffic to `port`. */
export function naclEntryCoversPort(entry: NetworkAclEntry, port: number): boolean {
  if (entry.protocol === '-1') return true;
  if (!TCP_UDP.has(entry.protocol)) return false;
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

/** A security-group rule as evidence: protocol, port range and the peer or "anywhere" source it names. */
export interface RuleRow {
  protocol: string;
  ports: string;
  source: string;
}

function rowKey(r: RuleRow): string {
  return `${r.protocol}\u0000${r.ports}\u0000${r.source}`;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** The first port of a row: `all` first, ICMP types (not ports) last. */
function rowStart(row: RuleRow): number {
  if (row.ports === 'all') return -1;
  const start = Number.parseInt(row.ports, 10);
  return Number.isNaN(start) ? 65536 : start;
}

/** Evidence order: by first port, then port text, protocol and source. */
export function compareRuleRows(a: RuleRow, b: RuleRow): number {
  return rowStart(a) - rowStart(b) || cmp(a.ports, b.ports) || cmp(a.protocol, b.protocol) || cmp(a.source, b.source);
}

/** Evidence rows, deduplicated and sorted by `compareRuleRows`. */
export function sortRuleRows(rows: readonly RuleRow[]): RuleRow[] {
  return [...new Map(rows.map((r) => [rowKey(r), r])).values()].sort(compareRuleRows);
}

/** An ingress rule that admits traffic from anywhere, with one "anywhere" source it admits. */
export interface OpenRule {
  rule: SecurityGroupRule;
  row: RuleRow;
}

/**
 * The rules among `rules` that `relevant` selects and that admit traffic
 * from anywhere, one entry per "anywhere" source, deduplicated and sorted by
 * `compareRuleRows`. Only selected rules have their prefix lists consulted;
 * the first one whose entries could not be read gives `{ ok: false }`: the
 * caller reports `error`.
 */
export function rulesFromAnywhere(
  rules: readonly SecurityGroupRule[],
  relevant: (rule: SecurityGroupRule) => boolean = () => true,
): Observed<OpenRule[]> {
  const open = new Map<string, OpenRule>();
  for (const rule of rules) {
    if (!relevant(rule)) continue;
    const sources = anywhereSources(rule);
    if (!sources.ok) return sources;
    for (const source of sources.value) {
      const row = { protocol: rule.protocol, ports: portText(rule), source };
      open.set(rowKey(row), { rule, row });
    }
  }
  return { ok: true, value: [...open.values()].sort((a, b) => compareRuleRows(a.row, b.row)) };
}

/**
 * True when the rule covers some port that is not in `allowed`: protocol -1
 * and TCP/UDP rules without a range span 0-65535. Rules of other protocols
 * (ICMP, ...) cover no port.
 */
export function coversPortOutside(rule: SecurityGroupRule, allowed: ReadonlySet<number>): boolean {
  if (rule.protocol !== '-1' && !TCP_UDP.has(rule.protocol)) return false;
  let from = 0;
  let to = 65535;
  if (rule.protocol !== '-1' && rule.fromPort !== undefined) {
    from = rule.fromPort;
    to = rule.toPort ?? rule.fromPort;
  }
  let inside = 0;
  for (const p of allowed) if (from <= p && p <= to) inside++;
  return inside < to - from + 1;
}

/** A NACL entry's port range as evidence: `all` or `from-to` (or the single port). */
export function naclPortText(entry: NetworkAclEntry): string {
  if (entry.protocol === '-1' || !entry.portRange) return 'all';
  const { from, to } = entry.portRange;
  return from === to ? String(from) : `${from}-${to}`;
}
