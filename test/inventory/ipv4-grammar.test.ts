// isCidr4 and isIp4 test one pattern in place instead of calling node:net's
// isIPv4 on a captured substring: they must accept exactly what node:net does.
import { isIPv4 } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isCidr4, isIp4 } from '../../src/inventory/net.js';

const OCTETS = ['0', '1', '01', '9', '10', '99', '100', '199', '200', '249', '250', '255', '256', '300', '00', '', 'a', '-1', ' 1'];
const PREFIXES = ['0', '00', '07', '8', '24', '32', '33', '99', '100', '', '-1', '3 '];

/** What a CIDR is, built from node:net: a dotted quad, a slash, a prefix of 1-2 digits up to 32. */
function expectedCidr(text: string): boolean {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return false;
  const prefix = text.slice(slash + 1);
  return isIPv4(text.slice(0, slash)) && /^\d{1,2}$/.test(prefix) && Number(prefix) <= 32;
}

describe('IPv4 grammar', () => {
  it('accepts exactly the addresses and CIDRs node:net accepts, on every combination of tricky octets', () => {
    let accepted = 0;
    for (const a of OCTETS) for (const b of ['0', '255', '256', '01']) for (const c of OCTETS) for (const d of OCTETS) {
      const address = `${a}.${b}.${c}.${d}`;
      expect(isIp4(address), address).toBe(isIPv4(address));
      for (const p of PREFIXES) {
        const cidr = `${address}/${p}`;
        const ok = isCidr4(cidr);
        expect(ok, cidr).toBe(expectedCidr(cidr));
        if (ok) accepted++;
      }
    }
    expect(accepted).toBeGreaterThan(1000);
    expect(isCidr4('10.0.0.0')).toBe(false);
    expect(isCidr4('10.0.0.0/8/8')).toBe(false);
    expect(isCidr4('1.2.3.4.5/8')).toBe(false);
  });
});
