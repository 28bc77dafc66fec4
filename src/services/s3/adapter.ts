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
import type { Json, Observed, Raw } from '../../inventory/base.js';
import { parsePolicy } from '../../inventory/policy.js';
import { GLOBAL_REGION } from '../../snapshot/types.js';
import type { Trail } from '../cloudtrail/types.js';
import type { ServiceSource } from '../source.js';
import { bucketRegion } from './region.js';
import type { PublicAccessBlockSettings, S3AccountPublicAccessBlock, S3Bucket } from './types.js';

const PUBLIC_GROUPS = new Set(['http://acs.amazonaws.com/groups/global/AllUsers', 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers']);

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

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

export interface S3Collections {
  s3AccountPublicAccessBlock: S3AccountPublicAccessBlock;
  s3Buckets: S3Bucket[];
}

export function accountPublicAccessBlock(partition: string, account: string, settings: S3AccountPublicAccessBlock['settings']): S3AccountPublicAccessBlock {
  return {
    type: 'AWS::S3::AccountPublicAccessBlock',
    arn: `arn:${partition}:s3:::account/${account}/public-access-block`,
    id: 'account-public-access-block',
    account,
    region: GLOBAL_REGION,
    tags: {},
    settings,
  };
}

export function buildS3(src: ServiceSource, trails: readonly Trail[]): S3Collections {
  const account = src.accountId;
  const partition = src.partition;
  const accountPab = src.call<Raw<AccountPabOutput>>(GLOBAL_REGION, 's3control:GetPublicAccessBlock');
  const accountSetting = accountPublicAccessBlock(partition, account, map(accountPab, (r) => pab(r.PublicAccessBlockConfiguration)));

  const trailsByBucket = new Map<string, string[]>();
  for (const t of trails) {
    if (t.s3BucketName) {
      const list = trailsByBucket.get(t.s3BucketName);
      if (list) list.push(t.arn);
      else trailsByBucket.set(t.s3BucketName, [t.arn]);
    }
  }

  const buckets = src.records<Item<Raw<ListBucketsCommandOutput>['Buckets']>, S3Bucket>(GLOBAL_REGION, 's3:ListBuckets', 'Buckets/*', (b) => {
    const name = b.Name!;
    const get = <T>(key: string) => src.perResourceOrAbsent<T>(GLOBAL_REGION, key, name);
    const location = src.perResource<Raw<GetBucketLocationCommandOutput>>(GLOBAL_REGION, 's3:GetBucketLocation', name);
    const region = location.ok ? bucketRegion(location.value.LocationConstraint) : ((b as { BucketRegion?: string }).BucketRegion ?? GLOBAL_REGION);
    const rawPolicy = get<Raw<GetBucketPolicyCommandOutput>>('s3:GetBucketPolicy');
    let policy: S3Bucket['policy'];
    try {
      policy = map(rawPolicy, (r) => parsePolicy(r.Policy!));
    } catch {
      policy = { ok: false, error: src.unusableResource('s3:GetBucketPolicy', GLOBAL_REGION, name, '/Policy', 'a JSON bucket policy') };
    }
    const rawAcl = src.perResource<Raw<GetBucketAclCommandOutput>>(GLOBAL_REGION, 's3:GetBucketAcl', name);
    // A grant to a group names the group by URI; one without is not an ACL S3 sends.
    const groupless = rawAcl.ok ? rawAcl.value.Grants!.findIndex((g) => g.Grantee!.Type === 'Group' && !g.Grantee!.URI) : -1;
    const acl: typeof rawAcl = groupless >= 0 ? { ok: false, error: src.unusableResource('s3:GetBucketAcl', GLOBAL_REGION, name, `/Grants/${groupless}/Grantee/URI`, 'the URI of the group granted access') } : rawAcl;
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
      policyIsPublic: map(get<Raw<GetBucketPolicyStatusCommandOutput>>('s3:GetBucketPolicyStatus'), (r) => r.PolicyStatus!.IsPublic!),
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
  return { s3AccountPublicAccessBlock: accountSetting, s3Buckets: buckets };
}
