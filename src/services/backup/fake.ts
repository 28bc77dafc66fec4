import type { ServiceFake } from '../define.js';

/** A vault and a daily plan in each region; the ledger database has a recovery point in ap-south-1 only. */
const fake: ServiceFake = (scope, account) => {
  if (scope === 'global') return {};
  const vaultArn = `arn:aws:backup:${scope}:${account}:backup-vault:Default`;
  return {
    'backup:ListBackupVaults': {
      BackupVaultList: [{ BackupVaultName: 'Default', BackupVaultArn: vaultArn, CreationDate: new Date('2025-01-01T00:00:00Z'), NumberOfRecoveryPoints: 7, Locked: false }],
    },
    'backup:ListProtectedResources': {
      Results:
        scope === 'ap-south-1'
          ? [{ ResourceArn: `arn:aws:rds:${scope}:${account}:db:ledger`, ResourceType: 'RDS', LastBackupTime: new Date('2026-11-19T20:00:00Z'), LastBackupVaultArn: vaultArn }]
          : [],
    },
    'backup:ListBackupPlans': {
      BackupPlansList: [{ BackupPlanArn: `arn:aws:backup:${scope}:${account}:backup-plan:plan-${scope}`, BackupPlanId: `plan-${scope}`, BackupPlanName: 'daily', VersionId: 'v1' }],
    },
    'backup:GetBackupPlan': {
      BackupPlan: { BackupPlanName: 'daily', Rules: [{ RuleName: 'daily-35d', TargetBackupVaultName: 'Default', ScheduleExpression: 'cron(0 20 * * ? *)', Lifecycle: { DeleteAfterDays: 35 } }] },
      BackupPlanId: `plan-${scope}`,
      BackupPlanArn: `arn:aws:backup:${scope}:${account}:backup-plan:plan-${scope}`,
      VersionId: 'v1',
    },
  };
};

export default fake;
