export interface RegionPlan {
  regions: string[];
  skipped: { region: string; reason: string }[];
}

interface DescribeRegionsAnswer {
  Regions?: { RegionName?: string; OptInStatus?: string }[];
}

/**
 * The regions to collect: those asked for, or — by default and for
 * `--regions all` — every region of the partition that DescribeRegions
 * (AllRegions) lists as enabled for the account: opt-in not required, or
 * opted in. Every region left out is reported with why, never silently
 * dropped: one not opted in (whether asked for or not), or a name the
 * partition does not have. Without an answer from DescribeRegions, the
 * regions asked for (or the home region) are collected as they are.
 */
export function planRegions(listed: DescribeRegionsAnswer | undefined, home: string, wanted?: string[]): RegionPlan {
  if (!listed) return { regions: wanted ? [...wanted].sort() : [home], skipped: [] };
  const status = new Map((listed.Regions ?? []).filter((r) => r.RegionName).map((r) => [r.RegionName!, r.OptInStatus ?? 'opt-in-not-required']));
  const enabled = (name: string) => status.has(name) && status.get(name) !== 'not-opted-in';
  const candidates = wanted ?? [...status.keys()];
  const skipped = candidates
    .filter((r) => !enabled(r))
    .map((region) => ({ region, reason: status.has(region) ? 'not opted in for this account' : 'not a region of this partition' }))
    .sort((a, b) => (a.region < b.region ? -1 : 1));
  return { regions: candidates.filter(enabled).sort(), skipped };
}
