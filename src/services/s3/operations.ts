/** Amazon S3: the account's Block Public Access, the buckets, and per bucket its settings (asked in the bucket's own region). */
import type { OperationSpec } from '../spec.js';

export const SDK = { s3: '@aws-sdk/client-s3', s3control: '@aws-sdk/client-s3-control' } as const;

const bucket = 'bucket name';

export const OPERATIONS = [
  {
    key: 's3:ListBuckets',
    scope: 'global',
    iamAction: 's3:ListAllMyBuckets',
    records: [{ path: 'Buckets/*', type: 'AWS::S3::Bucket', id: 'Name', arnOf: (id, at) => `arn:${at.partition}:s3:::${id}` }],
    unset: { Bucket: ['BucketRegion'] },
    needs: { ListBucketsOutput: ['Buckets'], Bucket: ['Name', 'CreationDate'] },
  },
  {
    key: 's3:GetBucketLocation',
    scope: 'global',
    perResource: { from: 's3:ListBuckets', id: bucket },
    // S3 answers no LocationConstraint (or an empty one) for us-east-1.
    unset: { GetBucketLocationOutput: ['LocationConstraint'] },
  },
  {
    key: 's3:GetPublicAccessBlock',
    scope: 'global',
    iamAction: 's3:GetBucketPublicAccessBlock',
    absentCodes: ['NoSuchPublicAccessBlockConfiguration'],
    perResource: { from: 's3:GetBucketLocation', id: bucket },
    needs: {
      GetPublicAccessBlockOutput: ['PublicAccessBlockConfiguration'],
      PublicAccessBlockConfiguration: ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'],
    },
  },
  {
    key: 's3:GetBucketEncryption',
    scope: 'global',
    iamAction: 's3:GetEncryptionConfiguration',
    absentCodes: ['ServerSideEncryptionConfigurationNotFoundError'],
    perResource: { from: 's3:GetBucketLocation', id: bucket },
    unset: { ServerSideEncryptionByDefault: ['KMSMasterKeyID'] },
    needs: {
      GetBucketEncryptionOutput: ['ServerSideEncryptionConfiguration'],
      ServerSideEncryptionConfiguration: ['Rules'],
      ServerSideEncryptionRule: ['ApplyServerSideEncryptionByDefault'],
      ServerSideEncryptionByDefault: ['SSEAlgorithm'],
    },
  },
  {
    key: 's3:GetBucketPolicy',
    scope: 'global',
    absentCodes: ['NoSuchBucketPolicy'],
    perResource: { from: 's3:GetBucketLocation', id: bucket },
    needs: { GetBucketPolicyOutput: ['Policy'] },
  },
  {
    key: 's3:GetBucketPolicyStatus',
    scope: 'global',
    absentCodes: ['NoSuchBucketPolicy'],
    perResource: { from: 's3:GetBucketLocation', id: bucket },
    needs: { GetBucketPolicyStatusOutput: ['PolicyStatus'], PolicyStatus: ['IsPublic'] },
  },
  {
    key: 's3:GetBucketAcl',
    scope: 'global',
    perResource: { from: 's3:GetBucketLocation', id: bucket },
    unset: { Grantee: ['URI', 'ID', 'DisplayName', 'EmailAddress'] },
    needs: { GetBucketAclOutput: ['Grants'], Grant: ['Grantee', 'Permission'], Grantee: ['Type'] },
  },
  {
    key: 's3:GetBucketVersioning',
    scope: 'global',
    perResource: { from: 's3:GetBucketLocation', id: bucket },
    // A bucket never versioned answers {}; MFADelete is absent until it was once configured.
    unset: { GetBucketVersioningOutput: ['Status', 'MFADelete'] },
  },
  {
    key: 's3:GetObjectLockConfiguration',
    scope: 'global',
    iamAction: 's3:GetBucketObjectLockConfiguration',
    absentCodes: ['ObjectLockConfigurationNotFoundError'],
    perResource: { from: 's3:GetBucketLocation', id: bucket },
    // Object Lock may be on without a default retention rule.
    unset: { ObjectLockConfiguration: ['Rule'], DefaultRetention: ['Mode', 'Days', 'Years'] },
    needs: { GetObjectLockConfigurationOutput: ['ObjectLockConfiguration'], ObjectLockConfiguration: ['ObjectLockEnabled'] },
  },
  {
    key: 's3:GetBucketLogging',
    scope: 'global',
    perResource: { from: 's3:GetBucketLocation', id: bucket },
    // Logging off answers {}.
    unset: { GetBucketLoggingOutput: ['LoggingEnabled'], LoggingEnabled: ['TargetPrefix'] },
    needs: { LoggingEnabled: ['TargetBucket'] },
  },
  {
    key: 's3:GetBucketTagging',
    scope: 'global',
    absentCodes: ['NoSuchTagSet'],
    perResource: { from: 's3:GetBucketLocation', id: bucket },
    needs: { GetBucketTaggingOutput: ['TagSet'], Tag: ['Key', 'Value'] },
  },
  {
    key: 's3control:GetPublicAccessBlock',
    scope: 'global',
    iamAction: 's3:GetAccountPublicAccessBlock',
    absentCodes: ['NoSuchPublicAccessBlockConfiguration'],
    needs: {
      's3control.GetPublicAccessBlockOutput': ['PublicAccessBlockConfiguration'],
      's3control.PublicAccessBlockConfiguration': ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'],
    },
  },
] as const satisfies readonly OperationSpec[];
