/**
 * Network helpers shared by the security-group and NACL checks: what counts
 * as "anywhere", and which ports a rule or entry covers.
 */
import { BlockList, isIPv6 } from 'node:net';
import type { Observed } from './base.js';
import type { NetworkAclEntry, SecurityGroupRule } from '../services/ec2/types.js';

// node:net's IPv4 grammar (no leading zeros), as one pattern tested in place: isIPv4 and a capturing
// exec allocated two match arrays and a substring per CIDR, ~100k CIDRs at 100k resources.
const IPV4_OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const IPV4 = new RegExp(`^(?:${IPV4_OCTET}\\.){3}${IPV4_OCTET}$`);
// A prefix of one or two digits whose value is at most 32 ("07" included, as Number() read it).
const IPV4_CIDR = new RegExp(`^(?:${IPV4_OCTET}\\.){3}${IPV4_OCTET}/(?:[0-2]?[0-9]|3[0-2])$`);

/** A dotted-quad IPv4 address, as node:net's isIPv4 reads it. */
export function isIp4(address: string): boolean {
  return IPV4.test(address);
}

/** `a.b.c.d/n` with a real IPv4 address and 0 <= n <= 32. */
export function isCidr4(cidr: string): boolean {
  return IPV4_CIDR.test(cidr);
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
 * Default for `broaderThan`: a public range with a prefix shorter than /8
 * (0.0.0.0/1, 2000::/3, ...) is the internet in all but name.
 */
export const DEFAULT_BROADER_THAN = 8;

/** Parameter schema and doc shared by every check that judges "from anywhere". */
export const broaderThanSchema = { type: 'integer', minimum: 1, maximum: 128 } as const;
export const broaderThanDoc =
  'A public source range (not RFC 1918, CGNAT 100.64.0.0/10, link-local, or IPv6 unique-local / link-local) with a prefix ' +
  'shorter than this counts as the internet, like /0 (IPv4 and IPv6)';

interface Block { net: string; prefix: number; family: 'ipv4' | 'ipv6' }

function parseCidr(cidr: string): Block | undefined {
  const c = cidr.trim();
  if (isCidr4(c)) { const [net, p] = c.split('/'); return { net: net!, prefix: Number(p), family: 'ipv4' }; }
  if (isCidr6(c)) { const [net, p] = c.split('/'); return { net: net!, prefix: Number(p), family: 'ipv6' }; }
  return undefined;
}

/** True when CIDR `inner` lies wholly inside CIDR `outer` (same family). */
function within(inner: Block, outer: Block): boolean {
  if (inner.family !== outer.family || inner.prefix < outer.prefix) return false;
  const list = new BlockList();
  list.addSubnet(outer.net, outer.prefix, outer.family);
  return list.check(inner.net, inner.family);
}

/** Non-public space: RFC 1918, CGNAT (RFC 6598), link-local; IPv6 unique-local (RFC 4193) and link-local. */
const NON_PUBLIC: readonly Block[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', 'fc00::/7', 'fe80::/10']
  .map((c) => parseCidr(c)!);

/**
 * Why a source CIDR counts as "from anywhere", or undefined when it does not:
 * `/0` always; otherwise a public range (not wholly inside non-public space)
 * whose prefix is shorter than `broaderThan`. Unparseable text never counts
 * here (the adapter has already rejected it).
 */
export function anywhereReason(cidr: string, broaderThan: number = DEFAULT_BROADER_THAN): string | undefined {
  if (isAnywhere(cidr)) return 'anywhere';
  const block = parseCidr(cidr);
  if (!block || block.prefix >= broaderThan) return undefined;
  if (NON_PUBLIC.some((np) => within(block, np))) return undefined;
  return `public range broader than /${broaderThan}`;
}

/** A source as evidence: `0.0.0.0/0` as is, a broad public range with the reason it counts. */
function anywhereText(cidr: string, broaderThan: number): string | undefined {
  const reason = anywhereReason(cidr, broaderThan);
  if (reason === undefined) return undefined;
  return reason === 'anywhere' ? cidr : `${cidr} (${reason})`;
}

/**
 * The "anywhere" CIDRs a security-group rule admits: direct CIDRs, and the
 * entries of a referenced prefix list; a broad public range (see
 * `anywhereReason`) says why it counts: `0.0.0.0/1 (public range broader than
 * /8)`. `{ ok: false }` when the prefix list's entries could not be read: the
 * caller must report `error`, not pass.
 */
export function anywhereSources(rule: SecurityGroupRule, broaderThan: number = DEFAULT_BROADER_THAN): Observed<string[]> {
  const peer = rule.peer;
  switch (peer.kind) {
    case 'cidr4':
    case 'cidr6': {
      const text = anywhereText(peer.value, broaderThan);
      return { ok: true, value: text === undefined ? [] : [text] };
    }
    case 'prefixList': {
      if (!peer.cidrs.ok) return peer.cidrs;
      const out: string[] = [];
      for (const c of peer.cidrs.value) {
        const reason = anywhereReason(c, broaderThan);
        if (reason !== undefined) out.push(reason === 'anywhere' ? `${c} (via ${peer.value})` : `${c} (via ${peer.value}; ${reason})`);
      }
      return { ok: true, value: out };
    }
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
 * The inbound allow entries that let the internet reach `port` over one
 * address family, lowest rule number first: the lowest-numbered "anywhere"
 * (/0) entry for the port when it allows (narrower entries never decide
 * for the internet at large; the implicit final deny applies when no /0
 * entry matches), and each allow entry for a broad
 * public range (`anywhereReason`) that no lower-numbered deny entry for the
 * port wholly covers (0.0.0.0/1 and 128.0.0.0/1 at rules 100 and 110 are
 * the internet as much as 0.0.0.0/0 is).
 */
export function naclOpenEntries(
  entries: readonly NetworkAclEntry[],
  port: number,
  ipv6: boolean,
  broaderThan: number = DEFAULT_BROADER_THAN,
): { entry: NetworkAclEntry; reason: string }[] {
  const inbound = entries
    .filter((e) => !e.egress && e.ipv6 === ipv6 && naclEntryCoversPort(e, port))
    .sort((a, b) => a.ruleNumber - b.ruleNumber);
  const open: { entry: NetworkAclEntry; reason: string }[] = [];
  const denies: Block[] = []; // deny entries met so far, lower-numbered than the current one
  for (const e of inbound) {
    const reason = anywhereReason(e.cidr, broaderThan);
    if (e.action === 'deny') {
      const block = parseCidr(e.cidr);
      if (block) denies.push(block);
    }
    if (reason === undefined) continue;
    if (reason === 'anywhere') {
      if (e.action === 'allow') open.push({ entry: e, reason });
      break; // /0 decides for everything after it
    }
    if (e.action !== 'allow') continue;
    const range = parseCidr(e.cidr)!;
    if (!denies.some((d) => within(range, d))) open.push({ entry: e, reason });
  }
  return open;
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
  broaderThan: number = DEFAULT_BROADER_THAN,
): Observed<OpenRule[]> {
  const open = new Map<string, OpenRule>();
  for (const rule of rules) {
    if (!relevant(rule)) continue;
    const sources = anywhereSources(rule, broaderThan);
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
