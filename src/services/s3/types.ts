/** Amazon S3 in the typed inventory. */
import type { Observed, PolicyDocument, Resource } from '../../inventory/base.js';

export interface PublicAccessBlockSettings {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

/** The account-level S3 Block Public Access setting. */
export interface S3AccountPublicAccessBlock extends Resource {
  type: 'AWS::S3::AccountPublicAccessBlock';
  /** null: never configured (nothing blocked). */
  settings: Observed<PublicAccessBlockSettings | null>;
}

export interface S3Bucket extends Resource {
  type: 'AWS::S3::Bucket';
  createdAt?: string;
  publicAccessBlock: Observed<PublicAccessBlockSettings | null>;
  /** Default encryption: the algorithm (AES256, aws:kms, aws:kms:dsse) and key, or null when none. */
  encryption: Observed<{ algorithm: string; kmsKeyId?: string } | null>;
  /** The bucket policy, or null when the bucket has none. */
  policy: Observed<PolicyDocument | null>;
  /** S3's own verdict on the policy (GetBucketPolicyStatus); null when there is no policy. */
  policyIsPublic: Observed<boolean | null>;
  /** ACL grants to everyone or to any authenticated AWS user. */
  publicAclGrants: Observed<string[]>;
  /** Trails that deliver their logs here. */
  logSourceTrails: string[];
  // Read since issue 12; optional only so that older test inventories still type (the adapter always sets them).
  /** GetBucketVersioning: `Enabled`, `Suspended`, or null when never versioned; MFA Delete `Enabled`/`Disabled` or null. */
  versioning?: Observed<{ status: string | null; mfaDelete: string | null }>;
  /** Object Lock, or null when the bucket has none. */
  objectLock?: Observed<{ enabled: boolean; mode?: string; days?: number; years?: number } | null>;
  /** Server access logging: where this bucket's access logs go, or null when off. */
  accessLogging?: Observed<{ targetBucket: string; targetPrefix: string } | null>;
  /** The buckets whose server access logs are delivered here; unknown when some bucket's logging could not be read. */
  accessLogSources?: Observed<string[]>;
  /** The bucket's tags (GetBucketTagging; an empty map when it has none). */
  tagging?: Observed<Record<string, string>>;
}
