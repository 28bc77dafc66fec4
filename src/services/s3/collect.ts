/** How S3's operations are sent (loaded only for a live collection). */
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  paginateListBuckets,
  S3Client,
  type GetBucketLocationCommandOutput,
  type ListBucketsCommandOutput,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import type { Binding, FanOutContext, ServiceCollector } from '../define.js';
import { bucketRegion } from './region.js';

const s3 = { client: S3Client, clientConfig: { followRegionRedirects: true } } as const;

/** Per-bucket calls go to the bucket's own region, from GetBucketLocation (the home region when that call failed). */
const perBucket = (command: Binding['command']): Binding => ({
  ...s3,
  command,
  ids: (_location, ctx: FanOutContext) => (ctx.feedId ? [ctx.feedId] : []),
  clientRegion: (location, ctx) =>
    location ? bucketRegion((location as GetBucketLocationCommandOutput).LocationConstraint) : ctx.homeRegion,
  input: (Bucket) => ({ Bucket }),
});

const collector: ServiceCollector = {
  bindings: {
    's3:ListBuckets': { ...s3, command: ListBucketsCommand, paginator: paginateListBuckets, pageSize: 1000 },
    's3:GetBucketLocation': {
      ...s3,
      command: GetBucketLocationCommand,
      ids: (feed) => ((feed as ListBucketsCommandOutput | undefined)?.Buckets ?? []).flatMap((b) => (b.Name ? [b.Name] : [])),
      input: (Bucket) => ({ Bucket }),
    },
    's3:GetPublicAccessBlock': perBucket(GetPublicAccessBlockCommand),
    's3:GetBucketEncryption': perBucket(GetBucketEncryptionCommand),
    's3:GetBucketPolicy': perBucket(GetBucketPolicyCommand),
    's3:GetBucketPolicyStatus': perBucket(GetBucketPolicyStatusCommand),
    's3:GetBucketAcl': perBucket(GetBucketAclCommand),
    's3:GetBucketVersioning': perBucket(GetBucketVersioningCommand),
    's3:GetObjectLockConfiguration': perBucket(GetObjectLockConfigurationCommand),
    's3:GetBucketLogging': perBucket(GetBucketLoggingCommand),
    's3:GetBucketTagging': perBucket(GetBucketTaggingCommand),
    's3control:GetPublicAccessBlock': {
      client: S3ControlClient,
      command: GetAccountPublicAccessBlockCommand,
      send: (ctx) => ctx.client().send(new GetAccountPublicAccessBlockCommand({ AccountId: ctx.accountId })),
    },
  },
};

export default collector;
