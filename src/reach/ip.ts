/**
 * Addresses as numbers and address sets as sorted, disjoint intervals
 * (BigInt, so IPv4 and IPv6 share one implementation): CIDR parsing,
 * union, intersection, difference, size, and the public (internet) part of
 * the address space. No per-address loops anywhere.
 */
import { isIPv4, isIPv6 } from 'node:net';

export type Family = 4 | 6;

/** Immutable: parseCidr hands the same object to every caller of one text. */
export interface Cidr {
  readonly family: Family;
  readonly lo: bigint;
  readonly hi: bigint;
  readonly prefix: number;
  readonly text: string;
}

const BITS: Record<Family, number> = { 4: 32, 6: 128 };

export function bitsOf(family: Family): number {
  return BITS[family];
}

/** A dotted quad already checked by isIPv4: digits and dots only, so one pass over the characters (no split, no BigInt per octet). */
function v4(text: string): bigint {
  let n = 0;
  let octet = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      n = n * 256 + octet;
      octet = 0;
    } else octet = octet * 10 + (c - 48);
  }
  return BigInt(n * 256 + octet);
}

function v6(text: string): bigint {
  let s = text;
  // An embedded IPv4 tail (::ffff:10.0.0.1).
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const n = v4(dotted[1]!);
    s = `${s.slice(0, dotted.index)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** An address as a number, or undefined when it is not one. */
export function parseIp(text: string): { family: Family; value: bigint } | undefined {
  if (isIPv4(text)) return { family: 4, value: v4(text) };
  if (isIPv6(text)) return { family: 6, value: v6(text) };
  return undefined;
}

/** `a.b.c.d/n` or `x::/n` as its first and last address; host bits are ignored (AWS normalises them). */
export function parseCidr(text: string): Cidr | undefined {
  // The same few CIDRs (0.0.0.0/0, each subnet's, each office's) recur in thousands of rules: parse each text once.
  if (cidrCache.has(text)) return cidrCache.get(text);
  if (cidrCache.size >= CIDR_CACHE_MAX) cidrCache.clear();
  const c = parseCidrText(text);
  cidrCache.set(text, c);
  return c;
}

const CIDR_CACHE_MAX = 100_000;
const cidrCache = new Map<string, Cidr | undefined>();

function parseCidrText(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash));
  const prefix = Number(text.slice(slash + 1));
  if (!ip || !/^\d{1,3}$/.test(text.slice(slash + 1)) || prefix > BITS[ip.family]) return undefined;
  const host = BigInt(BITS[ip.family] - prefix);
  const size = 1n << host;
  const lo = (ip.value >> host) << host;
  return { family: ip.family, lo, hi: lo + size - 1n, prefix, text };
}

export function formatIp(family: Family, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((value >> BigInt((7 - i) * 16)) & 0xffffn).toString(16));
  // The longest run of zero groups becomes "::".
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

/**
 * A set of addresses of one family: sorted, disjoint, non-adjacent closed
 * intervals, flattened `[lo0, hi0, lo1, hi1, ...]`. Immutable.
 */
export class AddrSet {
  private constructor(
    readonly family: Family,
    readonly ranges: readonly bigint[],
  ) {}

  static empty(family: Family): AddrSet {
    return new AddrSet(family, []);
  }

  static all(family: Family): AddrSet {
    return new AddrSet(family, [0n, (1n << BigInt(BITS[family])) - 1n]);
  }

  static of(family: Family, intervals: readonly (readonly [bigint, bigint])[]): AddrSet {
    const sorted = [...intervals].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out: bigint[] = [];
    for (const [lo, hi] of sorted) {
      const n = out.length;
      if (n > 0 && lo <= out[n - 1]! + 1n) {
        if (hi > out[n - 1]!) out[n - 1] = hi;
      } else out.push(lo, hi);
    }
    return new AddrSet(family, out);
  }

  static fromCidrs(family: Family, cidrs: readonly Cidr[]): AddrSet {
    return AddrSet.of(
      family,
      cidrs.filter((c) => c.family === family).map((c) => [c.lo, c.hi] as const),
    );
  }

  static point(family: Family, value: bigint): AddrSet {
    return new AddrSet(family, [value, value]);
  }

  get isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  /** How many addresses. */
  get size(): bigint {
    let n = 0n;
    for (let i = 0; i < this.ranges.length; i += 2) n += this.ranges[i + 1]! - this.ranges[i]! + 1n;
    return n;
  }

  /** The lowest address (a representative of the set). */
  get first(): bigint | undefined {
    return this.ranges[0];
  }

  has(value: bigint): boolean {
    const r = this.ranges;
    let lo = 0;
    let hi = r.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (value < r[2 * mid]!) hi = mid - 1;
      else if (value > r[2 * mid + 1]!) lo = mid + 1;
      else return true;
    }
    return false;
  }

  union(other: AddrSet): AddrSet {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    const pairs: [bigint, bigint][] = [];
    for (const s of [this, other]) for (let i = 0; i < s.ranges.length; i += 2) pairs.push([s.ranges[i]!, s.ranges[i + 1]!]);
    return AddrSet.of(this.family, pairs);
  }

  intersect(other: AddrSet): AddrSet {
    const a = this.ranges;
    const b = other.ranges;
    const out: bigint[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const lo = a[i]! > b[j]! ? a[i]! : b[j]!;
      const hi = a[i + 1]! < b[j + 1]! ? a[i + 1]! : b[j + 1]!;
      if (lo <= hi) out.push(lo, hi);
      if (a[i + 1]! < b[j + 1]!) i += 2;
      else j += 2;
    }
    return new AddrSet(this.family, out);
  }

  subtract(other: AddrSet): AddrSet {
    if (this.isEmpty || other.isEmpty) return this;
    const out: bigint[] = [];
    const b = other.ranges;
    let j = 0;
    for (let i = 0; i < this.ranges.length; i += 2) {
      let lo = this.ranges[i]!;
      const hi = this.ranges[i + 1]!;
      while (j < b.length && b[j + 1]! < lo) j += 2;
      let k = j;
      while (k < b.length && b[k]! <= hi && lo <= hi) {
        if (b[k]! > lo) out.push(lo, b[k]! - 1n);
        lo = b[k + 1]! + 1n;
        k += 2;
      }
      if (lo <= hi) out.push(lo, hi);
    }
    return new AddrSet(this.family, out);
  }

  contains(other: AddrSet): boolean {
    return other.subtract(this).isEmpty;
  }

  overlaps(other: AddrSet): boolean {
    return !this.intersect(other).isEmpty;
  }

  /** The set as the fewest CIDR blocks. */
  toCidrs(): string[] {
    const bits = BigInt(BITS[this.family]);
    const out: string[] = [];
    for (let i = 0; i < this.ranges.length; i += 2) {
      let lo = this.ranges[i]!;
      const hi = this.ranges[i + 1]!;
      while (lo <= hi) {
        let host = 0n;
        while (host < bits && (lo & ((1n << (host + 1n)) - 1n)) === 0n && lo + (1n << (host + 1n)) - 1n <= hi) host++;
        out.push(`${formatIp(this.family, lo)}/${bits - host}`);
        lo += 1n << host;
      }
    }
    return out;
  }

  equals(other: AddrSet): boolean {
    return this.family === other.family && this.ranges.length === other.ranges.length && this.ranges.every((v, i) => v === other.ranges[i]);
  }
}

const cidrSet = (family: Family, texts: string[]) => AddrSet.fromCidrs(family, texts.map((t) => parseCidr(t)!));

/**
 * Addresses that are not the internet: RFC 1918 private space, carrier-grade
 * NAT (100.64.0.0/10), link-local, loopback, "this network", multicast and
 * reserved space for IPv4; for IPv6 everything outside global unicast
 * (2000::/3), which leaves out unique-local (fc00::/7) and link-local (fe80::/10).
 */
export const NOT_INTERNET: Record<Family, AddrSet> = {
  4: cidrSet(4, ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/4', '240.0.0.0/4']),
  6: AddrSet.all(6).subtract(cidrSet(6, ['2000::/3'])),
};

/** The internet's addresses of a family. */
export const PUBLIC: Record<Family, AddrSet> = { 4: AddrSet.all(4).subtract(NOT_INTERNET[4]), 6: AddrSet.all(6).subtract(NOT_INTERNET[6]) };

/**
 * Whether a set of addresses stands for "the internet": it holds at least as
 * many public addresses as one block of `prefix` bits (a /8 by default), so
 * 0.0.0.0/1 and 128.0.0.0/1 count as much as 0.0.0.0/0, and an office /28 does not.
 */
export function isInternetSized(set: AddrSet, prefix: number): boolean {
  const bits = BITS[set.family];
  const needed = 1n << BigInt(Math.max(0, bits - Math.min(prefix, bits)));
  return set.intersect(PUBLIC[set.family]).size >= needed;
}

/** A CIDR as "the internet" (see isInternetSized); false when it does not parse. */
export function isInternetRange(cidr: string, prefix: number): boolean {
  const c = parseCidr(cidr);
  return c !== undefined && isInternetSized(AddrSet.fromCidrs(c.family, [c]), prefix);
}
