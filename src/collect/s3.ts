import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { bucketRegion } from '../inventory/s3.js';
import { GLOBAL_REGION } from '../snapshot/types.js';
import type { ClientConfig } from './clients.js';
import { allPages } from './paginate.js';
import type { Recorder } from './recorder.js';

/**
 * S3, once per account: the account's Block Public Access, the buckets, and
 * per bucket its location, Block Public Access, default encryption, policy,
 * policy status and ACL (asked in the bucket's own region).
 */
export async function collectS3(rec: Recorder, accountId: string, configFor: (region: string) => ClientConfig, home: string): Promise<void> {
  const control = new S3ControlClient(configFor(home));
  const homeClient = new S3Client({ ...configFor(home), followRegionRedirects: true });
  const clients = new Map<string, S3Client>();
  const clientIn = (region: string) => {
    let c = clients.get(region);
    if (!c) clients.set(region, (c = new S3Client({ ...configFor(region), followRegionRedirects: true })));
    return c;
  };

  const [accountPab, buckets] = await Promise.all([
    rec.call(GLOBAL_REGION, 's3control:GetPublicAccessBlock', () => control.send(new GetAccountPublicAccessBlockCommand({ AccountId: accountId }))),
    rec.call(GLOBAL_REGION, 's3:ListBuckets', () => allPages(paginateListBuckets({ client: homeClient, pageSize: 1000 }, {}))),
  ]);
  if (accountPab) rec.put(GLOBAL_REGION, 's3control:GetPublicAccessBlock', accountPab);
  if (buckets) {
    rec.put(GLOBAL_REGION, 's3:ListBuckets', buckets);
    await Promise.all(
      (buckets.Buckets ?? []).map(async ({ Name: Bucket }) => {
        if (!Bucket) return;
        const location = await rec.call(GLOBAL_REGION, 's3:GetBucketLocation', () => homeClient.send(new GetBucketLocationCommand({ Bucket })), Bucket);
        if (location) rec.putResource(GLOBAL_REGION, 's3:GetBucketLocation', Bucket, location);
        const client = location ? clientIn(bucketRegion(location.LocationConstraint)) : homeClient;
        const perBucket = [
          ['s3:GetPublicAccessBlock', () => client.send(new GetPublicAccessBlockCommand({ Bucket }))],
          ['s3:GetBucketEncryption', () => client.send(new GetBucketEncryptionCommand({ Bucket }))],
          ['s3:GetBucketPolicy', () => client.send(new GetBucketPolicyCommand({ Bucket }))],
          ['s3:GetBucketPolicyStatus', () => client.send(new GetBucketPolicyStatusCommand({ Bucket }))],
          ['s3:GetBucketAcl', () => client.send(new GetBucketAclCommand({ Bucket }))],
        ] as const;
        await Promise.all(
          perBucket.map(async ([key, send]) => {
            const response = await rec.call(GLOBAL_REGION, key, send as () => Promise<object>, Bucket);
            if (response) rec.putResource(GLOBAL_REGION, key, Bucket, response);
          }),
        );
      }),
    );
  }
  control.destroy();
  homeClient.destroy();
  for (const c of clients.values()) c.destroy();
}
