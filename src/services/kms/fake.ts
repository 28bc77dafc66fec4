import type { ServiceFake } from '../define.js';

/** One customer-managed symmetric key per region; rotation on in ap-south-1 only. */
const fake: ServiceFake = (scope, account) => {
  if (scope === 'global') return {};
  const keyId = `${scope === 'ap-south-1' ? '1111aaaa' : '2222bbbb'}-0000-0000-0000-000000000001`;
  const arn = `arn:aws:kms:${scope}:${account}:key/${keyId}`;
  return {
    'kms:ListKeys': { Keys: [{ KeyId: keyId, KeyArn: arn }] },
    'kms:ListAliases': { Aliases: [{ AliasName: 'alias/data', AliasArn: `arn:aws:kms:${scope}:${account}:alias/data`, TargetKeyId: keyId }] },
    'kms:DescribeKey': {
      KeyMetadata: {
        AWSAccountId: account,
        KeyId: keyId,
        Arn: arn,
        CreationDate: new Date('2024-01-01T00:00:00Z'),
        Enabled: true,
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeyState: 'Enabled',
        Origin: 'AWS_KMS',
        KeyManager: 'CUSTOMER',
        KeySpec: 'SYMMETRIC_DEFAULT',
        MultiRegion: false,
      },
    },
    'kms:GetKeyRotationStatus': { KeyRotationEnabled: scope === 'ap-south-1', KeyId: arn, RotationPeriodInDays: 365 },
    'kms:GetKeyPolicy': {
      PolicyName: 'default',
      Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }] }),
    },
  };
};

export default fake;
