/** AWS Backup: vaults, the resources that have recovery points, and the backup plans (with their copy destinations). */
import type { OperationSpec } from '../spec.js';

export const SDK = { backup: '@aws-sdk/client-backup' } as const;

export const OPERATIONS = [
  {
    key: 'backup:ListBackupVaults',
    scope: 'regional',
    records: [{ path: 'BackupVaultList/*', type: 'AWS::Backup::BackupVault', arn: 'BackupVaultArn' }],
    unset: { BackupVaultListMember: ['Locked', 'EncryptionKeyArn', 'VaultType', 'MinRetentionDays', 'MaxRetentionDays', 'LockDate'] },
    needs: { ListBackupVaultsOutput: ['BackupVaultList'], BackupVaultListMember: ['BackupVaultName', 'BackupVaultArn'] },
  },
  {
    key: 'backup:ListProtectedResources',
    scope: 'regional',
    records: [{ path: 'Results/*', type: 'AWS::Backup::ProtectedResource', arn: 'ResourceArn' }],
    needs: { ListProtectedResourcesOutput: ['Results'], ProtectedResource: ['ResourceArn', 'ResourceType', 'LastBackupTime'] },
  },
  {
    key: 'backup:ListBackupPlans',
    scope: 'regional',
    records: [{ path: 'BackupPlansList/*', type: 'AWS::Backup::BackupPlan', arn: 'BackupPlanArn' }],
    needs: { ListBackupPlansOutput: ['BackupPlansList'], BackupPlansListMember: ['BackupPlanArn', 'BackupPlanId', 'BackupPlanName'] },
  },
  {
    key: 'backup:GetBackupPlan',
    scope: 'regional',
    perResource: { from: 'backup:ListBackupPlans', id: 'backup plan id' },
    // A rule without CopyActions keeps its recovery points in its own vault only.
    unset: { BackupRule: ['CopyActions'] },
    needs: { GetBackupPlanOutput: ['BackupPlan'], BackupPlan: ['Rules'], BackupRule: ['RuleName', 'TargetBackupVaultName'], CopyAction: ['DestinationBackupVaultArn'] },
  },
] as const satisfies readonly OperationSpec[];
