/** How AWS Backup's operations are sent (loaded only for a live collection). */
import {
  BackupClient,
  GetBackupPlanCommand,
  ListBackupPlansCommand,
  ListBackupVaultsCommand,
  ListProtectedResourcesCommand,
  paginateListBackupPlans,
  paginateListBackupVaults,
  paginateListProtectedResources,
  type ListBackupPlansCommandOutput,
} from '@aws-sdk/client-backup';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'backup:ListBackupVaults': { client: BackupClient, command: ListBackupVaultsCommand, paginator: paginateListBackupVaults, pageSize: 1000 },
    'backup:ListProtectedResources': { client: BackupClient, command: ListProtectedResourcesCommand, paginator: paginateListProtectedResources, pageSize: 1000 },
    'backup:ListBackupPlans': { client: BackupClient, command: ListBackupPlansCommand, paginator: paginateListBackupPlans, pageSize: 1000 },
    'backup:GetBackupPlan': {
      client: BackupClient,
      command: GetBackupPlanCommand,
      ids: (feed) => ((feed as ListBackupPlansCommandOutput | undefined)?.BackupPlansList ?? []).flatMap((p) => (p.BackupPlanId ? [p.BackupPlanId] : [])),
      input: (BackupPlanId) => ({ BackupPlanId }),
    },
  },
};

export default collector;
