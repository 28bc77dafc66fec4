/**
 * Which accounts a run covers: --accounts / --exclude-accounts filter the
 * organisation's list, then --shard i/n keeps every n-th account of the
 * sorted remainder. Pure, so the split can be tested and documented.
 */
import { InputError } from '../errors.js';

const ACCOUNT_ID = /^\d{12}$/;

/** A comma-separated list of 12-digit account ids. */
export function parseAccountList(flag: string, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))];
  if (ids.length === 0) throw new InputError(flag, '', 'a comma-separated list of 12-digit account ids, e.g. 111122223333,444455556666');
  const bad = ids.find((id) => !ACCOUNT_ID.test(id));
  if (bad !== undefined) throw new InputError(flag, '', `12-digit account ids, not "${bad}"`);
  return ids.sort();
}

export interface Shard {
  /** 1-based, as Playwright's and Jest's --shard. */
  index: number;
  count: number;
}

export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > 10_000 || index < 1 || index > count) {
    throw new InputError('--shard', '', `i/n with 1 ≤ i ≤ n, e.g. 1/4 (shard i of n), not "${value}"`);
  }
  return { index, count };
}

export interface Selection {
  accounts?: string[];
  exclude?: string[];
  shard?: Shard;
}

/**
 * The ids of `listed` this run covers, sorted. The shard split: sort the
 * filtered ids as strings (12 digits, so numerically too) and give the k-th
 * (0-based) to shard (k mod n) + 1. Every account lands in exactly one shard
 * whatever order the organisation lists them in; shard sizes differ by at most one.
 * An id in --accounts that the organisation does not list is bad input.
 */
export function selectAccounts(listed: readonly string[], s: Selection, source = 'the organisation'): string[] {
  const known = new Set(listed);
  const unknown = s.accounts?.find((id) => !known.has(id));
  if (unknown !== undefined) throw new InputError('--accounts', '', `accounts of ${source}; ${unknown} is not one of its ${known.size} account(s)`);
  const wanted = s.accounts ? new Set(s.accounts) : undefined;
  const excluded = new Set(s.exclude ?? []);
  const kept = [...known].filter((id) => (wanted === undefined || wanted.has(id)) && !excluded.has(id)).sort();
  if (!s.shard) return kept;
  const { index, count } = s.shard;
  return kept.filter((_, k) => k % count === index - 1);
}
