import type { JSONSchemaType } from 'ajv';
import type { CallError, Inventory, ProtectedResource, Resource } from '../inventory/types.js';
import { defineCheck, error, fail, pass } from './define.js';
import type { Outcome } from './types.js';

type Store = 'ebs' | 'rds' | 'dynamodb' | 'efs';
const STORES = ['ebs', 'rds', 'dynamodb', 'efs'] as const satisfies readonly Store[];

interface Params {
  resourceTypes: Store[];
  maxAgeDays: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['resourceTypes', 'maxAgeDays'],
  properties: {
    resourceTypes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: [...STORES] } },
    maxAgeDays: { type: 'integer', minimum: 1, maximum: 366 },
  },
};

/** The data stores of the kinds asked for (Aurora members are backed up through their cluster). */
function stores(inv: Inventory, kinds: readonly Store[]): Resource[] {
  const out: Resource[] = [];
  if (kinds.includes('ebs')) out.push(...inv.volumes.filter((v) => v.state !== 'deleting' && v.state !== 'deleted'));
  if (kinds.includes('rds')) out.push(...inv.dbInstances.filter((d) => d.clusterId === undefined), ...inv.dbClusters);
  if (kinds.includes('dynamodb')) out.push(...inv.dynamodbTables);
  if (kinds.includes('efs')) out.push(...inv.efsFileSystems.filter((f) => f.state !== 'deleting' && f.state !== 'deleted'));
  return out;
}

const hours = (from: string, to: string) => Math.floor((Date.parse(to) - Date.parse(from)) / 3_600_000);

export default defineCheck<Params>({
  id: 'backup-data-stores-protected',
  title: 'AWS Backup holds a recent recovery point of every EBS volume, RDS database, DynamoDB table and EFS file system',
  severity: 'medium',
  resourceType: 'AWS::Backup::ProtectedResource',
  requires: ['backup:ListProtectedResources', 'ec2:DescribeVolumes', 'rds:DescribeDBInstances', 'rds:DescribeDBClusters', 'dynamodb:ListTables', 'efs:DescribeFileSystems'],
  rationale:
    'A backup plan only protects what its selections catch and only if its jobs succeed: a recovery point newer than the plan\'s frequency is the evidence that a data store can be restored after deletion, corruption or ransomware ' +
    '(MAS TRM 8.4 backups, RBI business continuity, Well-Architected REL09-BP01).',
  remediation:
    'Add the resource to an AWS Backup plan (a selection by tag, e.g. Backup=daily, or by ARN) with a rule as frequent as the recovery point objective, a lifecycle as long as the retention policy and a copy to a second vault; check that the backup jobs complete (aws backup list-backup-jobs --by-state FAILED).',
  schema,
  defaults: { resourceTypes: [...STORES], maxAgeDays: 1 },
  paramDocs: {
    resourceTypes: 'Which data stores are judged: ebs, rds (instances outside a cluster, and clusters), dynamodb, efs (default: all four)',
    maxAgeDays: 'Oldest a recovery point may be, in days (default 1: a daily plan, as the AWS Config *-last-backup-recovery-point-created rules assume)',
  },
  evaluate(inv, { resourceTypes, maxAgeDays }) {
    const byArn = new Map<string, ProtectedResource>();
    const unknown: CallError[] = [];
    for (const r of inv.backupRegions) {
      if (!r.protectedResources.ok) {
        unknown.push(r.protectedResources.error);
        continue;
      }
      for (const p of r.protectedResources.value) {
        const seen = byArn.get(p.resourceArn);
        if (!seen || seen.lastBackupTime < p.lastBackupTime) byArn.set(p.resourceArn, p);
      }
    }
    return stores(inv, resourceTypes).map((s): Outcome => {
      const p = byArn.get(s.arn);
      if (p === undefined) {
        // A region whose protected resources could not be listed may hold its recovery point (cross-region copies).
        if (unknown[0] !== undefined) return error(s, unknown[0]);
        return fail(s, `${s.type} ${s.id} has no recovery point in AWS Backup.`, { lastBackupTime: null, maxAgeDays });
      }
      const ageHours = hours(p.lastBackupTime, inv.collectedAt);
      const evidence = { lastBackupTime: p.lastBackupTime, ageHours, maxAgeDays, vault: p.lastBackupVaultArn ?? null };
      if (ageHours <= maxAgeDays * 24) return pass(s, `${s.type} ${s.id} was last backed up by AWS Backup ${ageHours} hours before collection.`, evidence);
      return fail(s, `${s.type} ${s.id} was last backed up by AWS Backup ${Math.floor(ageHours / 24)} days before collection (more than ${maxAgeDays}).`, evidence);
    });
  },
});
