import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseAccountList, parseShard, selectAccounts } from '../../src/org/select.js';

/** 25 account ids in no particular order. */
const ORG = Array.from({ length: 25 }, (_, i) => String(100000000000 + ((i * 7919) % 1000) * 1000 + i).padStart(12, '0'));

describe('shard selection', () => {
  it('puts every account in exactly one shard, for every n', () => {
    for (let n = 1; n <= 30; n++) {
      const shards = Array.from({ length: n }, (_, i) => selectAccounts(ORG, { shard: { index: i + 1, count: n } }));
      expect(shards.flat().sort()).toEqual([...ORG].sort());
      expect(new Set(shards.flat()).size).toBe(ORG.length);
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('is stable under reordering of the listing', () => {
    const reversed = [...ORG].reverse();
    const shuffled = [...ORG].sort((a, b) => (a.slice(6) < b.slice(6) ? -1 : 1));
    for (let i = 1; i <= 4; i++) {
      const s = { shard: { index: i, count: 4 } };
      expect(selectAccounts(reversed, s)).toEqual(selectAccounts(ORG, s));
      expect(selectAccounts(shuffled, s)).toEqual(selectAccounts(ORG, s));
    }
  });

  it('deals the sorted accounts round-robin: k-th (0-based) to shard (k mod n) + 1', () => {
    const ids = ['000000000005', '000000000001', '000000000004', '000000000002', '000000000003'];
    expect(selectAccounts(ids, { shard: { index: 1, count: 2 } })).toEqual(['000000000001', '000000000003', '000000000005']);
    expect(selectAccounts(ids, { shard: { index: 2, count: 2 } })).toEqual(['000000000002', '000000000004']);
  });

  it('shards what --accounts and --exclude-accounts leave', () => {
    const ids = ['000000000001', '000000000002', '000000000003', '000000000004'];
    const s = { accounts: ['000000000001', '000000000002', '000000000004'], exclude: ['000000000002'] };
    expect(selectAccounts(ids, s)).toEqual(['000000000001', '000000000004']);
    expect(selectAccounts(ids, { ...s, shard: { index: 2, count: 2 } })).toEqual(['000000000004']);
  });

  it('rejects an --accounts id the organisation does not list', () => {
    expect(() => selectAccounts(['000000000001'], { accounts: ['000000000009'] })).toThrow(InputError);
    expect(() => selectAccounts(['000000000001'], { accounts: ['000000000009'] })).toThrow('--accounts: accounts of the organisation; 000000000009 is not one of its 1 account(s)');
  });

  it.each(['0/3', '4/3', '1/0', '1', 'a/b', '1/3/5', ''])('rejects --shard %j', (v) => {
    expect(() => parseShard(v)).toThrow(/^--shard: i\/n with 1 ≤ i ≤ n/);
  });

  it('parses --shard and account lists', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(parseAccountList('--accounts', ' 222233334444,111122223333,111122223333 ')).toEqual(['111122223333', '222233334444']);
    expect(() => parseAccountList('--accounts', '1111')).toThrow('--accounts: 12-digit account ids, not "1111"');
    expect(() => parseAccountList('--exclude-accounts', ',')).toThrow(/^--exclude-accounts: a comma-separated list/);
  });
});
