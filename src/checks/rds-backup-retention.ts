import type { JSONSchemaType } from 'ajv';
import type { DbCluster, DbInstance } from '../inventory/types.js';
import { defineCheck, fail, pass } from './define.js';

interface Params {
  minDays: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['minDays'],
  properties: { minDays: { type: 'integer', minimum: 1, maximum: 35 } },
};

const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

const clusterKey = (region: string, id: string): string => `${region}/${id}`;

function label(db: DbInstance | DbCluster): string {
  return `${db.type === 'AWS::RDS::DBCluster' ? 'DB cluster' : 'DB instance'} ${db.id}`;
}

export default defineCheck<Params>({
  id: 'rds-backup-retention',
  title: 'RDS DB instances and clusters keep automated backups long enough',
  severity: 'medium',
  resourceType: 'AWS::RDS::DBInstance',
  requires: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
  rationale:
    'Automated backups and point-in-time recovery are the way back from corruption, a bad migration or ransomware; with backups off (retention 0) or kept only a day or two, damage noticed late cannot be undone.',
  remediation:
    'Raise the backup retention period (console: RDS > Databases > the instance or cluster > Modify > Backup retention period; or aws rds modify-db-instance --db-instance-identifier <id> --backup-retention-period <days> / aws rds modify-db-cluster --db-cluster-identifier <id> --backup-retention-period <days>, with --apply-immediately).',
  schema,
  defaults: { minDays: 7 },
  paramDocs: { minDays: 'Minimum automated-backup retention in days (1-35, the RDS maximum)' },
  evaluate(inv, { minDays }) {
    // Aurora (and Multi-AZ DB cluster) members are judged through their cluster, which holds the backups.
    const clusters = new Set(inv.dbClusters.map((c) => clusterKey(c.region, c.id)));
    const standalone = inv.dbInstances.filter((d) => d.clusterId === undefined || !clusters.has(clusterKey(d.region, d.clusterId)));
    return [...standalone, ...inv.dbClusters].map((db) => {
      const kept = db.backupRetentionDays;
      const evidence = { backupRetentionDays: kept, minDays };
      if (kept >= minDays) return pass(db, `${label(db)} keeps automated backups for ${days(kept)}.`, evidence);
      if (kept === 0) return fail(db, `${label(db)} has automated backups turned off.`, evidence);
      return fail(db, `${label(db)} keeps automated backups for ${days(kept)}, fewer than ${minDays}.`, evidence);
    });
  },
});
