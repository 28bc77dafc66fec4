import type { CallError } from './base.js';
import type { Inventory } from './types.js';

/**
 * Per scanned region, why a listing is not known in full: the call failed (or
 * is absent, or could not be read), or one of its records could not be read.
 * For checks whose verdict rests on what a listing does not contain (no
 * trail anywhere): a record that could not be read might be the one.
 */
export function listingFailuresByRegion(inv: Pick<Inventory, 'regions' | 'failures' | 'unreadable'>, key: string): Map<string, CallError> {
  const out = new Map<string, CallError>();
  for (const region of inv.regions) {
    const e = inv.failures.get(key)?.get(region) ?? inv.unreadable.get(key)?.get(region)?.[0]?.error;
    if (e) out.set(region, e);
  }
  return out;
}

/** The same, as a list in region order. */
export function listingFailures(inv: Pick<Inventory, 'regions' | 'failures' | 'unreadable'>, key: string): CallError[] {
  return [...listingFailuresByRegion(inv, key)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}
