/** AWS KMS: keys, aliases, and per key its metadata, policy and rotation. */
import type { OperationSpec } from '../spec.js';

export const SDK = { kms: '@aws-sdk/client-kms' } as const;

export const OPERATIONS = [
  {
    key: 'kms:ListKeys',
    scope: 'regional',
    records: [{ path: 'Keys/*', type: 'AWS::KMS::Key', id: 'KeyId', arnOf: (id, at) => `arn:${at.partition}:kms:${at.region}:${at.accountId}:key/${id}` }],
    needs: { ListKeysResponse: ['Keys'], KeyListEntry: ['KeyId', 'KeyArn'] },
  },
  {
    key: 'kms:ListAliases',
    scope: 'regional',
    records: [{ path: 'Aliases/*', type: 'AWS::KMS::Alias', arn: 'AliasArn' }],
    unset: { AliasListEntry: ['TargetKeyId'] },
    needs: { ListAliasesResponse: ['Aliases'], AliasListEntry: ['AliasName'] },
  },
  {
    key: 'kms:DescribeKey',
    scope: 'regional',
    perResource: { from: 'kms:ListKeys', id: 'key id' },
    unset: { KeyMetadata: ['DeletionDate', 'MultiRegion'] },
    needs: { DescribeKeyResponse: ['KeyMetadata'], KeyMetadata: ['KeyId', 'KeyManager', 'KeyState', 'KeySpec', 'KeyUsage', 'Origin'] },
  },
  {
    key: 'kms:GetKeyPolicy',
    scope: 'regional',
    perResource: { from: 'kms:DescribeKey', id: 'key id of a customer-managed key' },
    request: 'PolicyName=default',
    needs: { GetKeyPolicyResponse: ['Policy'] },
  },
  {
    key: 'kms:GetKeyRotationStatus',
    scope: 'regional',
    perResource: { from: 'kms:DescribeKey', id: 'key id of a customer-managed symmetric key with AWS key material' },
    inapplicableCodes: ['UnsupportedOperationException'],
    unset: { GetKeyRotationStatusResponse: ['RotationPeriodInDays'] },
    needs: { GetKeyRotationStatusResponse: ['KeyRotationEnabled'] },
  },
] as const satisfies readonly OperationSpec[];
