import type { ServiceFake } from '../define.js';

/** One table per region, KMS-encrypted with point-in-time recovery on in ap-south-1 only. */
const fake: ServiceFake = (scope, account) => {
  if (scope === 'global') return {};
  const primary = scope === 'ap-south-1';
  return {
    'dynamodb:ListTables': { TableNames: ['wallet-ledger'] },
    'dynamodb:DescribeTable': {
      Table: {
        TableName: 'wallet-ledger',
        TableArn: `arn:aws:dynamodb:${scope}:${account}:table/wallet-ledger`,
        TableStatus: 'ACTIVE',
        CreationDateTime: new Date('2025-03-01T00:00:00Z'),
        DeletionProtectionEnabled: true,
        ...(primary ? { SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: `arn:aws:kms:${scope}:${account}:key/1111aaaa-0000-0000-0000-000000000001` } } : {}),
      },
    },
    'dynamodb:DescribeContinuousBackups': {
      ContinuousBackupsDescription: {
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: primary ? 'ENABLED' : 'DISABLED', ...(primary ? { RecoveryPeriodInDays: 35 } : {}) },
      },
    },
  };
};

export default fake;
