import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
} from '@aws-sdk/client-cloudtrail';
import type { ClientConfig } from './clients.js';
import type { Recorder } from './recorder.js';

/**
 * Trails visible in a region (shadow copies of multi-region trails included),
 * and status and selectors for the trails homed here. A trail homed in a
 * region that is not scanned is read from the first region that lists it.
 */
export async function collectCloudTrail(
  rec: Recorder,
  region: string,
  config: ClientConfig,
  isReader: (trailArn: string, homeRegion: string, region: string) => boolean,
): Promise<void> {
  const client = new CloudTrailClient(config);
  const trails = await rec.call(region, 'cloudtrail:DescribeTrails', () =>
    client.send(new DescribeTrailsCommand({ includeShadowTrails: true })),
  );
  if (trails) {
    rec.put(region, 'cloudtrail:DescribeTrails', trails);
    await Promise.all(
      (trails.trailList ?? [])
        .filter((t) => t.TrailARN && t.HomeRegion && isReader(t.TrailARN, t.HomeRegion, region))
        .flatMap((t) => {
          const arn = t.TrailARN!;
          return [
            rec
              .call(region, 'cloudtrail:GetTrailStatus', () => client.send(new GetTrailStatusCommand({ Name: arn })), arn)
              .then((r) => r && rec.putResource(region, 'cloudtrail:GetTrailStatus', arn, r)),
            rec
              .call(region, 'cloudtrail:GetEventSelectors', () => client.send(new GetEventSelectorsCommand({ TrailName: arn })), arn)
              .then((r) => r && rec.putResource(region, 'cloudtrail:GetEventSelectors', arn, r)),
          ];
        }),
    );
  }
  client.destroy();
}
