import type { ServiceFake } from '../define.js';

const ALL_BLOCKED = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

/** The test account's S3: everything blocked; one TLS-only, KMS-encrypted audit-log bucket in ap-south-1. */
const fake: ServiceFake = (scope, account) => {
  if (scope !== 'global') return {};
  const bucket = `audit-logs-${account}`;
  return {
    's3:ListBuckets': { Buckets: [{ Name: bucket, CreationDate: new Date('2024-01-01T00:00:00Z') }], Owner: { ID: 'owner' } },
    's3control:GetPublicAccessBlock': { PublicAccessBlockConfiguration: ALL_BLOCKED },
    's3:GetBucketLocation': { LocationConstraint: 'ap-south-1' },
    's3:GetPublicAccessBlock': { PublicAccessBlockConfiguration: ALL_BLOCKED },
    's3:GetBucketEncryption': {
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/logs' }, BucketKeyEnabled: true }] },
    },
    's3:GetBucketPolicy': {
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'TLSOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ],
      }),
    },
    's3:GetBucketPolicyStatus': { PolicyStatus: { IsPublic: false } },
    's3:GetBucketAcl': { Owner: { ID: 'owner' }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' }] },
    's3:GetBucketVersioning': { Status: 'Enabled', MFADelete: 'Disabled' },
    's3:GetObjectLockConfiguration': { ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 365 } } } },
    's3:GetBucketLogging': {},
    's3:GetBucketTagging': { TagSet: [{ Key: 'Purpose', Value: 'logs' }] },
  };
};

export default fake;
