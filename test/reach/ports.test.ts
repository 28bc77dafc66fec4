/**
 * Port-set and traffic arithmetic against a reference that spells every port
 * out (a 65,536-entry bitmap): union (a linear merge), intersection (with its
 * shortcuts for everything and nothing) and difference give exactly the
 * reference's ports on seeded random sets, and results stay normalised
 * (sorted, disjoint, non-adjacent), which equality of sets relies on.
 * CIDR parsing, now cached per text, answers as before.
 */
import { describe, expect, it } from 'vitest';
import { parseCidr } from '../../src/reach/ip.js';
import { EVERYTHING, intersect, intersectPorts, NOTHING, portsOf, subtract, subtractPorts, union, unionPorts, type PortSet, type Traffic } from '../../src/reach/ports.js';

let seed = 7;
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);

/** A random port set: a few ranges, some adjacent or overlapping, some at the ends of the range. */
function randomSet(): PortSet {
  const ranges: [number, number][] = [];
  for (let i = rand(5); i > 0; i--) {
    const lo = rand(4) === 0 ? 0 : rand(65536);
    const hi = rand(4) === 0 ? 65535 : Math.min(65535, lo + rand(rand(2) === 0 ? 3 : 5000));
    ranges.push([lo, hi]);
  }
  return portsOf(ranges);
}

const bits = (s: PortSet) => {
  const b = new Uint8Array(65536);
  for (let i = 0; i < s.length; i += 2) b.fill(1, s[i]!, s[i + 1]! + 1);
  return b;
};
const fromBits = (b: Uint8Array): number[] => {
  const out: number[] = [];
  for (let p = 0; p < 65536; p++) {
    if (!b[p]) continue;
    const lo = p;
    while (p + 1 < 65536 && b[p + 1]) p++;
    out.push(lo, p);
  }
  return out;
};
const ref = (a: PortSet, b: PortSet, op: (x: number, y: number) => number) => {
  const x = bits(a);
  const y = bits(b);
  return fromBits(x.map((v, i) => op(v, y[i]!)));
};

describe('port sets', () => {
  const pairs = Array.from({ length: 150 }, () => [randomSet(), randomSet()] as const);

  it('union, intersection and difference equal the per-port reference, normalised', () => {
    for (const [a, b] of pairs) {
      expect([...unionPorts(a, b)]).toEqual(ref(a, b, (x, y) => x | y));
      expect([...intersectPorts(a, b)]).toEqual(ref(a, b, (x, y) => x & y));
      expect([...subtractPorts(a, b)]).toEqual(ref(a, b, (x, y) => x & (1 - y)));
    }
  });

  it('merges adjacent ranges into one', () => {
    expect([...unionPorts([22, 22], [23, 80])]).toEqual([22, 80]);
    expect([...unionPorts([0, 10, 20, 30], [11, 19])]).toEqual([0, 30]);
    expect([...unionPorts([443, 443], [80, 80])]).toEqual([80, 80, 443, 443]);
  });

  it('traffic intersection shortcuts give what the long way gives', () => {
    const t: Traffic = { tcp: [22, 22, 443, 443], udp: [53, 53], icmp: true };
    expect(intersect(t, EVERYTHING)).toEqual(t);
    expect(intersect(EVERYTHING, t)).toEqual(t);
    expect(intersect(t, NOTHING)).toEqual(NOTHING);
    expect(intersect(NOTHING, t)).toEqual(NOTHING);
    expect(intersect(t, t)).toEqual(t);
    expect(intersect(t, { tcp: [0, 100], udp: [], icmp: false })).toEqual({ tcp: [22, 22], udp: [], icmp: false });
    expect(union(subtract(t, { tcp: [22, 22], udp: [], icmp: true }), { tcp: [22, 22], udp: [], icmp: true })).toEqual(t);
  });
});

describe('parseCidr', () => {
  it('answers the same for a text parsed again (one object per text), and undefined for a bad one every time', () => {
    const a = parseCidr('10.1.2.0/24');
    expect(a).toEqual({ family: 4, lo: 0x0a010200n, hi: 0x0a0102ffn, prefix: 24, text: '10.1.2.0/24' });
    expect(parseCidr('10.1.2.0/24')).toBe(a);
    expect(parseCidr('10.1.2.9/24')).toEqual({ family: 4, lo: 0x0a010200n, hi: 0x0a0102ffn, prefix: 24, text: '10.1.2.9/24' });
    expect(parseCidr('255.255.255.255/32')).toEqual({ family: 4, lo: 0xffffffffn, hi: 0xffffffffn, prefix: 32, text: '255.255.255.255/32' });
    expect(parseCidr('10.1.2.0/33')).toBeUndefined();
    expect(parseCidr('10.1.2.0/33')).toBeUndefined();
    expect(parseCidr('10.1.256.0/24')).toBeUndefined();
  });
});
