/**
 * Port sets as interval arithmetic: sorted, disjoint, non-adjacent closed
 * ranges flattened `[lo0, hi0, lo1, hi1, ...]` over 0-65535, and traffic as
 * a port set per protocol. Never a loop over single ports.
 */

export type PortSet = readonly number[];

export const NO_PORTS: PortSet = [];
export const ALL_PORTS: PortSet = [0, 65535];

export function portRange(from: number, to: number): PortSet {
  return from > to ? NO_PORTS : [Math.max(0, from), Math.min(65535, to)];
}

export function portsOf(ranges: readonly (readonly [number, number])[]): PortSet {
  const sorted = ranges.filter(([a, b]) => a <= b).sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of sorted) {
    const n = out.length;
    if (n > 0 && lo <= out[n - 1]! + 1) out[n - 1] = Math.max(out[n - 1]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function unionPorts(a: PortSet, b: PortSet): PortSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  // A linear merge of two sorted range lists (the hot path of every pair of interfaces: no tuples, no sort).
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let lo: number;
    let hi: number;
    if (j >= b.length || (i < a.length && a[i]! <= b[j]!)) {
      lo = a[i]!;
      hi = a[i + 1]!;
      i += 2;
    } else {
      lo = b[j]!;
      hi = b[j + 1]!;
      j += 2;
    }
    const n = out.length;
    if (n > 0 && lo <= out[n - 1]! + 1) {
      if (hi > out[n - 1]!) out[n - 1] = hi;
    } else out.push(lo, hi);
  }
  return out;
}

export function intersectPorts(a: PortSet, b: PortSet): PortSet {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]!, b[j]!);
    const hi = Math.min(a[i + 1]!, b[j + 1]!);
    if (lo <= hi) out.push(lo, hi);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

export function subtractPorts(a: PortSet, b: PortSet): PortSet {
  if (a.length === 0 || b.length === 0) return a;
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let lo = a[i]!;
    const hi = a[i + 1]!;
    while (j < b.length && b[j + 1]! < lo) j += 2;
    let k = j;
    while (k < b.length && b[k]! <= hi && lo <= hi) {
      if (b[k]! > lo) out.push(lo, b[k]! - 1);
      lo = b[k + 1]! + 1;
      k += 2;
    }
    if (lo <= hi) out.push(lo, hi);
  }
  return out;
}

export function samePorts(a: PortSet, b: PortSet): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function portCount(a: PortSet): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 2) n += a[i + 1]! - a[i]! + 1;
  return n;
}

export function hasPort(a: PortSet, port: number): boolean {
  for (let i = 0; i < a.length; i += 2) if (a[i]! <= port && port <= a[i + 1]!) return true;
  return false;
}

/** `22, 80-90, 443` (`all` for 0-65535). */
export function formatPorts(a: PortSet): string {
  if (samePorts(a, ALL_PORTS)) return 'all';
  const parts: string[] = [];
  for (let i = 0; i < a.length; i += 2) parts.push(a[i] === a[i + 1] ? String(a[i]) : `${a[i]}-${a[i + 1]}`);
  return parts.join(', ');
}

/** The ranges as `[from, to]` pairs (evidence). */
export function portPairs(a: PortSet): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < a.length; i += 2) out.push([a[i]!, a[i + 1]!]);
  return out;
}

// ---------------------------------------------------------------------------
// Traffic: ports per protocol
// ---------------------------------------------------------------------------

/**
 * What may pass: TCP and UDP ports, and whether ICMP (ICMPv6 for IPv6) does.
 * Other IP protocols (ESP, GRE, ...) are not modelled.
 */
export interface Traffic {
  readonly tcp: PortSet;
  readonly udp: PortSet;
  readonly icmp: boolean;
}

export const NOTHING: Traffic = { tcp: NO_PORTS, udp: NO_PORTS, icmp: false };
export const EVERYTHING: Traffic = { tcp: ALL_PORTS, udp: ALL_PORTS, icmp: true };

export type Protocol = 'tcp' | 'udp' | 'icmp';

const TCP = new Set(['tcp', '6']);
const UDP = new Set(['udp', '17']);
const ICMP = new Set(['icmp', 'icmpv6', '1', '58']);

/**
 * The traffic of a security-group rule or NACL entry: `-1` every protocol;
 * TCP/UDP over `[from, to]` (all ports when undefined); ICMP whatever its type.
 * An IP protocol that is none of these admits nothing we model.
 */
export function trafficOf(protocol: string, range?: { from: number; to: number }): Traffic {
  const p = protocol.toLowerCase();
  if (p === '-1' || p === 'all') return EVERYTHING;
  const ports = range ? portRange(range.from, range.to) : ALL_PORTS;
  if (TCP.has(p)) return { tcp: ports, udp: NO_PORTS, icmp: false };
  if (UDP.has(p)) return { tcp: NO_PORTS, udp: ports, icmp: false };
  if (ICMP.has(p)) return { tcp: NO_PORTS, udp: NO_PORTS, icmp: true };
  return NOTHING;
}

export function union(a: Traffic, b: Traffic): Traffic {
  if (isNothing(b)) return a;
  if (isNothing(a)) return b;
  return { tcp: unionPorts(a.tcp, b.tcp), udp: unionPorts(a.udp, b.udp), icmp: a.icmp || b.icmp };
}

export function intersect(a: Traffic, b: Traffic): Traffic {
  // Shortcuts that allocate nothing: most pairs meet everything or nothing somewhere on their way.
  if (a === b || b === EVERYTHING) return a;
  if (a === EVERYTHING) return b;
  if (isNothing(a)) return a;
  if (isNothing(b)) return b;
  return { tcp: intersectPorts(a.tcp, b.tcp), udp: intersectPorts(a.udp, b.udp), icmp: a.icmp && b.icmp };
}

export function subtract(a: Traffic, b: Traffic): Traffic {
  return { tcp: subtractPorts(a.tcp, b.tcp), udp: subtractPorts(a.udp, b.udp), icmp: a.icmp && !b.icmp };
}

export function isNothing(t: Traffic): boolean {
  return t.tcp.length === 0 && t.udp.length === 0 && !t.icmp;
}

export function sameTraffic(a: Traffic, b: Traffic): boolean {
  return samePorts(a.tcp, b.tcp) && samePorts(a.udp, b.udp) && a.icmp === b.icmp;
}

/** `tcp 22, 443; udp 53; icmp` or `nothing`. */
export function formatTraffic(t: Traffic): string {
  const parts: string[] = [];
  if (t.tcp.length) parts.push(`tcp ${formatPorts(t.tcp)}`);
  if (t.udp.length) parts.push(`udp ${formatPorts(t.udp)}`);
  if (t.icmp) parts.push('icmp');
  return parts.length ? parts.join('; ') : 'nothing';
}

/** Traffic as evidence: `{ tcp: "22, 443", udp: "53", icmp: true }`, empty protocols left out. */
export function trafficEvidence(t: Traffic): { tcp?: string; udp?: string; icmp?: true } {
  const e: { tcp?: string; udp?: string; icmp?: true } = {};
  if (t.tcp.length) e.tcp = formatPorts(t.tcp);
  if (t.udp.length) e.udp = formatPorts(t.udp);
  if (t.icmp) e.icmp = true;
  return e;
}

/** The first port of each range, per protocol (where a path is explained). */
export function representatives(t: Traffic): { protocol: Protocol; port: number }[] {
  const out: { protocol: Protocol; port: number }[] = [];
  for (let i = 0; i < t.tcp.length; i += 2) out.push({ protocol: 'tcp', port: t.tcp[i]! });
  for (let i = 0; i < t.udp.length; i += 2) out.push({ protocol: 'udp', port: t.udp[i]! });
  if (t.icmp) out.push({ protocol: 'icmp', port: 0 });
  return out;
}

export function single(protocol: Protocol, port: number): Traffic {
  if (protocol === 'icmp') return { tcp: NO_PORTS, udp: NO_PORTS, icmp: true };
  return protocol === 'tcp' ? { tcp: [port, port], udp: NO_PORTS, icmp: false } : { tcp: NO_PORTS, udp: [port, port], icmp: false };
}
