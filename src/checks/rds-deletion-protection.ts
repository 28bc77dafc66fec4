import type { JSONSchemaType } from 'ajv';
import type { DbCluster, DbInstance } from '../inventory/types.js';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

const label = (db: DbInstance | DbCluster) => `${db.type === 'AWS::RDS::DBCluster' ? 'DB cluster' : 'DB instance'} ${db.id}`;
const clusterKey = (region: string, id: string) => `${region}/${id}`;

export default defineCheck<Params>({
  id: 'rds-deletion-protection',
  title: 'RDS DB instances and clusters have deletion protection',
  severity: 'medium',
  resourceType: 'AWS::RDS::DBInstance',
  requires: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
  rationale:
    'Without deletion protection one API call (a mistaken script, a compromised pipeline, a console slip) deletes the database, and with it the automated backups unless a final snapshot is kept; with it, the protection must first be turned off, a separate and logged step.',
  remediation:
    'aws rds modify-db-instance --db-instance-identifier <db> --deletion-protection (modify-db-cluster for Aurora and Multi-AZ DB clusters); set it in the templates that create databases.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const clusters = new Set(inv.dbClusters.map((c) => clusterKey(c.region, c.id)));
    const standalone = inv.dbInstances.filter((d) => d.clusterId === undefined || !clusters.has(clusterKey(d.region, d.clusterId)));
    return [...standalone, ...inv.dbClusters].map((db) => {
      if (db.deletionProtection === undefined) {
        return error(db, { service: 'rds', operation: db.type === 'AWS::RDS::DBCluster' ? 'DescribeDBClusters' : 'DescribeDBInstances', region: db.region, resource: db.id, code: 'NotCollected', message: 'the inventory holds no DeletionProtection setting' });
      }
      const evidence = { deletionProtection: db.deletionProtection };
      return db.deletionProtection ? pass(db, `${label(db)} has deletion protection.`, evidence) : fail(db, `${label(db)} has no deletion protection.`, evidence);
    });
  },
});
