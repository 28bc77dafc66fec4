/**
 * The account's regions, from the `ec2:DescribeRegions` answer the collector
 * keeps in the snapshot (AllRegions=true: every region of the partition, with
 * its opt-in status). Checks that must know which enabled regions a scan did
 * not look at (data residency) read this, never the scanned list alone.
 */
import type { DescribeRegionsCommandOutput } from '@aws-sdk/client-ec2';
import type { Observed, Raw } from '../../inventory/base.js';
import { GLOBAL_REGION } from '../../snapshot/types.js';
import type { ServiceSource } from '../source.js';

/** One region of the partition and whether the account has it enabled. */
export interface AccountRegion {
  name: string;
  /** `opt-in-not-required`, `opted-in`, `not-opted-in`, or a value AWS adds later. */
  optInStatus: string;
  /** Everything but `not-opted-in` is enabled (as the collector plans it). */
  enabled: boolean;
}

/** The regions of the account (not a resource: no finding is about it alone). */
export interface AccountRegions {
  /** Every region DescribeRegions listed, sorted by name; an error when the answer is absent or unreadable. */
  listed: Observed<AccountRegion[]>;
}

const KEY = 'ec2:DescribeRegions';

export function buildAccountRegions(src: ServiceSource): AccountRegions {
  const raw = src.call<Raw<DescribeRegionsCommandOutput>>(GLOBAL_REGION, KEY);
  if (!raw.ok) return { listed: raw };
  // DescribeRegions lists at least the region it was called in: an answer without regions is unreadable, not "none enabled".
  const regions = raw.value?.Regions;
  if (!Array.isArray(regions) || regions.length === 0) {
    return { listed: { ok: false, error: src.unusable(KEY, GLOBAL_REGION, '/Regions', 'the list of regions (DescribeRegions lists at least the region it was called in)') } };
  }
  const out: AccountRegion[] = [];
  for (const [i, r] of regions.entries()) {
    // AllRegions=true always reports the opt-in status; without it, enabled or not is unknown.
    if (typeof r.OptInStatus !== 'string' || r.OptInStatus === '') {
      return { listed: { ok: false, error: src.unusable(KEY, GLOBAL_REGION, `/Regions/${i}/OptInStatus`, "the region's opt-in status (opt-in-not-required, opted-in or not-opted-in)") } };
    }
    out.push({ name: r.RegionName!, optInStatus: r.OptInStatus, enabled: r.OptInStatus !== 'not-opted-in' });
  }
  return { listed: { ok: true, value: out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) } };
}
