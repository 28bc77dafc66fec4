import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { ClientConfig } from './clients.js';
import type { Recorder } from './recorder.js';

export interface RegionPlan {
  regions: string[];
  skipped: { region: string; reason: string }[];
}

/**
 * The regions to collect: those asked for, or all the account has enabled
 * (opt-in not required, or opted in). Regions not opted in are skipped and
 * reported, never silently dropped.
 */
export async function planRegions(rec: Recorder, home: string, config: ClientConfig, wanted?: string[]): Promise<RegionPlan> {
  const client = new EC2Client(config);
  const listed = await rec.call('global', 'ec2:DescribeRegions', () => client.send(new DescribeRegionsCommand({ AllRegions: true })));
  client.destroy();
  if (!listed) return { regions: wanted ? [...wanted].sort() : [home], skipped: [] };
  const status = new Map((listed.Regions ?? []).map((r) => [r.RegionName ?? '', r.OptInStatus ?? 'opt-in-not-required']));
  const enabled = (name: string) => status.has(name) && status.get(name) !== 'not-opted-in';
  const candidates = wanted ?? [...status.keys()];
  const skipped = candidates
    .filter((r) => !enabled(r))
    .map((region) => ({ region, reason: status.has(region) ? 'not opted in for this account' : 'not a region of this partition' }));
  return { regions: candidates.filter(enabled).sort(), skipped: wanted ? skipped.sort((a, b) => (a.region < b.region ? -1 : 1)) : [] };
}
