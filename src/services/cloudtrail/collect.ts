/** How CloudTrail's operations are sent (loaded only for a live collection). */
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type DescribeTrailsCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import type { FanOutContext, ServiceCollector } from '../define.js';

/**
 * The trails whose status and selectors are read in this region: those homed
 * here, and those homed in a region that is not scanned, from the first
 * scanned region that lists them (DescribeTrails lists shadow copies too).
 */
function trailsReadHere(feed: unknown, ctx: FanOutContext): string[] {
  const reader = (home: string) => (ctx.regions.includes(home) ? home : ctx.regions[0]);
  return ((feed as DescribeTrailsCommandOutput | undefined)?.trailList ?? [])
    .filter((t) => t.TrailARN && t.HomeRegion && reader(t.HomeRegion) === ctx.region)
    .map((t) => t.TrailARN!);
}

const collector: ServiceCollector = {
  bindings: {
    'cloudtrail:DescribeTrails': { client: CloudTrailClient, command: DescribeTrailsCommand, input: { includeShadowTrails: true } },
    'cloudtrail:GetTrailStatus': { client: CloudTrailClient, command: GetTrailStatusCommand, ids: trailsReadHere, input: (Name) => ({ Name }) },
    'cloudtrail:GetEventSelectors': {
      client: CloudTrailClient,
      command: GetEventSelectorsCommand,
      ids: trailsReadHere,
      input: (TrailName) => ({ TrailName }),
    },
  },
};

export default collector;
