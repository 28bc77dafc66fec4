import type { DescribeImagesCommandOutput, DescribeSnapshotsCommandOutput } from '@aws-sdk/client-ec2';
import { CallSource, nameTag, tagMap, type Raw } from './source.js';
import type { Image, SnapshotPublicAccess } from './types.js';

/** Public snapshots (the collector lists only those) and the account's own AMIs in one region. */
export function buildImages(src: CallSource, region: string, partition: string): { snapshots: SnapshotPublicAccess; images: Image[] } {
  const account = src.accountId;
  const snaps = src.call<Raw<DescribeSnapshotsCommandOutput>>(region, 'ec2:DescribeSnapshots');
  const images = src.call<Raw<DescribeImagesCommandOutput>>(region, 'ec2:DescribeImages');
  return {
    snapshots: {
      type: 'AWS::EC2::SnapshotPublicAccess',
      arn: `arn:${partition}:ec2:${region}:${account}:snapshot/*`,
      id: `public-snapshots/${region}`,
      account,
      region,
      tags: {},
      publicSnapshots: snaps.ok ? { ok: true, value: (snaps.value?.Snapshots ?? []).map((s) => s.SnapshotId!).sort() } : snaps,
    },
    images: (images.ok && images.value ? (images.value.Images ?? []) : []).map((i) => {
      const tags = tagMap(i.Tags);
      const image: Image = {
        type: 'AWS::EC2::Image',
        arn: `arn:${partition}:ec2:${region}::image/${i.ImageId}`,
        id: i.ImageId!,
        account,
        region,
        tags,
        ...nameTag(tags),
        public: i.Public === true,
      };
      if (image.name === undefined && i.Name) image.name = i.Name;
      if (i.State !== undefined) image.state = i.State;
      return image;
    }),
  };
}
