import type { JSONSchemaType } from 'ajv';
import type { DbCluster, DbInstance } from '../inventory/types.js';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

const clusterKey = (region: string, id: string): string => `${region}/${id}`;

function label(db: DbInstance | DbCluster): string {
  return `${db.type === 'AWS::RDS::DBCluster' ? 'DB cluster' : 'DB instance'} ${db.id}`;
}

export default defineCheck<Params>({
  id: 'rds-storage-encrypted',
  title: 'RDS DB instances and clusters encrypt their storage at rest',
  severity: 'high',
  resourceType: 'AWS::RDS::DBInstance',
  requires: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
  rationale:
    'Unencrypted database storage, and the snapshots and backups taken from it, expose cardholder and payment data to anyone who obtains the underlying volumes or a shared snapshot; PCI DSS 3.5 requires stored account data to be unreadable.',
  remediation:
    'Encryption cannot be turned on in place: take a snapshot (aws rds create-db-snapshot / create-db-cluster-snapshot), copy it with encryption (aws rds copy-db-snapshot --kms-key-id <key>), restore a new instance or cluster from the encrypted copy, switch clients over, then delete the unencrypted one. Create new databases with --storage-encrypted.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    // Aurora (and Multi-AZ DB cluster) members are judged through their cluster.
    const clusters = new Set(inv.dbClusters.map((c) => clusterKey(c.region, c.id)));
    const standalone = inv.dbInstances.filter((d) => d.clusterId === undefined || !clusters.has(clusterKey(d.region, d.clusterId)));
    return [...standalone, ...inv.dbClusters].map((db) => {
      const evidence = { storageEncrypted: db.storageEncrypted };
      return db.storageEncrypted
        ? pass(db, `${label(db)} encrypts its storage at rest.`, evidence)
        : fail(db, `${label(db)} does not encrypt its storage at rest.`, evidence);
    });
  },
});
