import type { GetBackupPlanCommandOutput, ListBackupPlansCommandOutput, ListBackupVaultsCommandOutput, ListProtectedResourcesCommandOutput } from '@aws-sdk/client-backup';
import type { Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { BackupPlan, BackupRegion, BackupVault, ProtectedResource } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;
const VAULT_ARN = /^arn:[^:]+:backup:[^:]+:\d{12}:backup-vault:.+$/;
const PLAN_ARN = /^arn:[^:]+:backup:[^:]+:\d{12}:backup-plan:.+$/;

type BackupCollections = { backupVaults: BackupVault[]; backupRegions: BackupRegion[]; backupPlans: BackupPlan[] };

function buildRegion(src: ServiceSource, region: string): BackupCollections {
  const backupVaults = src.records<Item<Raw<ListBackupVaultsCommandOutput>['BackupVaultList']>, BackupVault>(region, 'backup:ListBackupVaults', 'BackupVaultList/*', (v, at) => {
    at.expect(VAULT_ARN.test(v.BackupVaultArn!), '/BackupVaultArn', 'an AWS Backup vault ARN');
    const vault: BackupVault = {
      type: 'AWS::Backup::BackupVault',
      arn: v.BackupVaultArn!,
      id: v.BackupVaultName!,
      name: v.BackupVaultName!,
      account: src.accountId,
      region,
      tags: {},
      locked: v.Locked === true,
    };
    if (v.EncryptionKeyArn) vault.encryptionKeyArn = v.EncryptionKeyArn;
    return vault;
  });

  const listed = src.records<Item<Raw<ListProtectedResourcesCommandOutput>['Results']>, ProtectedResource>(region, 'backup:ListProtectedResources', 'Results/*', (r, at) => {
    at.expect(r.ResourceArn!.startsWith('arn:'), '/ResourceArn', 'the ARN of the protected resource');
    at.expect(!Number.isNaN(Date.parse(r.LastBackupTime!)), '/LastBackupTime', 'the time of the last backup');
    const p: ProtectedResource = { resourceArn: r.ResourceArn!, resourceType: r.ResourceType!, lastBackupTime: r.LastBackupTime!, listedIn: region };
    if (r.LastBackupVaultArn) p.lastBackupVaultArn = r.LastBackupVaultArn;
    return p;
  });
  const failed = src.failure('backup:ListProtectedResources', region) ?? src.unreadableIn('backup:ListProtectedResources', region)[0]?.error;
  const protectedResources: BackupRegion['protectedResources'] = failed ? { ok: false, error: failed } : { ok: true, value: listed };

  const backupPlans = src.records<Item<Raw<ListBackupPlansCommandOutput>['BackupPlansList']>, BackupPlan>(region, 'backup:ListBackupPlans', 'BackupPlansList/*', (p, at) => {
    at.expect(PLAN_ARN.test(p.BackupPlanArn!), '/BackupPlanArn', 'an AWS Backup plan ARN');
    const got = src.perResource<Raw<GetBackupPlanCommandOutput>>(region, 'backup:GetBackupPlan', p.BackupPlanId!);
    return {
      type: 'AWS::Backup::BackupPlan',
      arn: p.BackupPlanArn!,
      id: p.BackupPlanId!,
      name: p.BackupPlanName!,
      account: src.accountId,
      region,
      tags: {},
      rules: got.ok
        ? {
            ok: true,
            value: got.value.BackupPlan!.Rules!.map((r) => ({
              name: r.RuleName!,
              targetVault: r.TargetBackupVaultName!,
              copyDestinations: [...new Set((r.CopyActions ?? []).map((c) => c.DestinationBackupVaultArn!))].sort(),
            })),
          }
        : got,
    };
  });
  return { backupVaults, backupRegions: [{ region, protectedResources }], backupPlans };
}

export default defineService<BackupCollections>({
  name: 'backup',
  title: 'AWS Backup',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => {
    const out: BackupCollections = { backupVaults: [], backupRegions: [], backupPlans: [] };
    for (const region of src.regions) {
      const r = buildRegion(src, region);
      out.backupVaults.push(...r.backupVaults);
      out.backupRegions.push(...r.backupRegions);
      out.backupPlans.push(...r.backupPlans);
    }
    return out;
  },
  empty: () => ({ backupVaults: [], backupRegions: [], backupPlans: [] }),
  collector: async () => (await import('./collect.js')).default,
});
