import type { GetPublicAccessBlockCommandOutput as AccountPabOutput } from '@aws-sdk/client-s3-control';
import type {
  GetBucketAclCommandOutput,
  GetBucketEncryptionCommandOutput,
  GetBucketLocationCommandOutput,
  GetBucketPolicyCommandOutput,
  GetBucketPolicyStatusCommandOutput,
  GetPublicAccessBlockCommandOutput,
  ListBucketsCommandOutput,
  PublicAccessBlockConfiguration,
} from '@aws-sdk/client-s3';
import { InputError } from '../errors.js';
import { GLOBAL_REGION } from '../snapshot/types.js';
import { parsePolicy } from './policy.js';
import type { CallSource, Json, Raw } from './source.js';
import type { Observed, PublicAccessBlockSettings, S3AccountPublicAccessBlock, S3Bucket, Trail } from './types.js';

const PUBLIC_GROUPS = new Set([
  'http://acs.amazonaws.com/groups/global/AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
]);

function pab(c: Json<PublicAccessBlockConfiguration> | undefined): PublicAccessBlockSettings | null {
  if (!c) return null;
  return {
    blockPublicAcls: c.BlockPublicAcls === true,
    ignorePublicAcls: c.IgnorePublicAcls === true,
    blockPublicPolicy: c.BlockPublicPolicy === true,
    restrictPublicBuckets: c.RestrictPublicBuckets === true,
  };
}

function map<T, U>(o: Observed<T | null>, f: (t: T) => U): Observed<U | null> {
  if (!o.ok) return o;
  return { ok: true, value: o.value === null ? null : f(o.value) };
}

/** `LocationConstraint` as S3 reports it: empty for us-east-1, `EU` for eu-west-1. */
export function bucketRegion(constraint: string | null | undefined): string {
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

export function buildS3(src: CallSource, partition: string, trails: Trail[], file: string) {
  const account = src.accountId;
  const accountPab = src.call<Raw<AccountPabOutput>>(GLOBAL_REGION, 's3control:GetPublicAccessBlock');
  const accountSetting: S3AccountPublicAccessBlock = {
    type: 'AWS::S3::AccountPublicAccessBlock',
    arn: `arn:${partition}:s3:::account/${account}/public-access-block`,
    id: 'account-public-access-block',
    account,
    region: GLOBAL_REGION,
    tags: {},
    settings: map(accountPab, (r) => pab(r.PublicAccessBlockConfiguration)),
  };

  const trailsByBucket = new Map<string, string[]>();
  for (const t of trails) {
    if (t.s3BucketName) trailsByBucket.set(t.s3BucketName, [...(trailsByBucket.get(t.s3BucketName) ?? []), t.arn]);
  }

  const listed = src.call<Raw<ListBucketsCommandOutput>>(GLOBAL_REGION, 's3:ListBuckets');
  const buckets: S3Bucket[] = (listed.ok && listed.value ? (listed.value.Buckets ?? []) : []).map((b) => {
    const name = b.Name!;
    const get = <T>(key: string) => src.perResourceOrAbsent<T>(GLOBAL_REGION, key, name);
    const location = src.perResource<Raw<GetBucketLocationCommandOutput>>(GLOBAL_REGION, 's3:GetBucketLocation', name);
    const region = location.ok ? bucketRegion(location.value.LocationConstraint) : ((b as { BucketRegion?: string }).BucketRegion ?? GLOBAL_REGION);
    const policy = map(get<Raw<GetBucketPolicyCommandOutput>>('s3:GetBucketPolicy'), (r) => {
      try {
        return parsePolicy(r.Policy ?? '{}');
      } catch {
        throw new InputError(file, `/global/perResource/s3:GetBucketPolicy/${name}/Policy`, 'a JSON bucket policy');
      }
    });
    const acl = src.perResource<Raw<GetBucketAclCommandOutput>>(GLOBAL_REGION, 's3:GetBucketAcl', name);
    const bucket: S3Bucket = {
      type: 'AWS::S3::Bucket',
      arn: `arn:${partition}:s3:::${name}`,
      id: name,
      name,
      account,
      region,
      tags: {},
      publicAccessBlock: map(get<Raw<GetPublicAccessBlockCommandOutput>>('s3:GetPublicAccessBlock'), (r) => pab(r.PublicAccessBlockConfiguration)),
      encryption: map(get<Raw<GetBucketEncryptionCommandOutput>>('s3:GetBucketEncryption'), (r) => {
        const rule = r.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
        if (!rule?.SSEAlgorithm) return null as never;
        return { algorithm: rule.SSEAlgorithm, ...(rule.KMSMasterKeyID ? { kmsKeyId: rule.KMSMasterKeyID } : {}) };
      }),
      policy,
      policyIsPublic: map(get<Raw<GetBucketPolicyStatusCommandOutput>>('s3:GetBucketPolicyStatus'), (r) => r.PolicyStatus?.IsPublic === true),
      publicAclGrants: acl.ok
        ? {
            ok: true,
            value: (acl.value.Grants ?? [])
              .filter((g) => g.Grantee?.URI && PUBLIC_GROUPS.has(g.Grantee.URI))
              .map((g) => `${g.Grantee!.URI!.split('/').pop()}:${g.Permission}`)
              .sort(),
          }
        : acl,
      logSourceTrails: [...(trailsByBucket.get(name) ?? [])].sort(),
    };
    if (b.CreationDate) bucket.createdAt = b.CreationDate;
    return bucket;
  });
  return { accountSetting, buckets };
}
