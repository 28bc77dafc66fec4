import type { JSONSchemaType } from 'ajv';
import type { DbCluster, DbInstance } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/** Engines that support IAM database authentication (RDS and Aurora MySQL, MariaDB and PostgreSQL; Neptune). */
const SUPPORTED = /^(mysql|mariadb|postgres|aurora|aurora-mysql|aurora-postgresql|neptune)$/;

const label = (db: DbInstance | DbCluster) => `${db.type === 'AWS::RDS::DBCluster' ? 'DB cluster' : 'DB instance'} ${db.id}`;
const clusterKey = (region: string, id: string) => `${region}/${id}`;

export default defineCheck<Params>({
  id: 'rds-iam-authentication-enabled',
  title: 'RDS databases whose engine supports it accept IAM database authentication',
  severity: 'low',
  resourceType: 'AWS::RDS::DBInstance',
  requires: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
  rationale:
    'With IAM authentication, applications and administrators connect with a 15-minute token issued to their IAM identity instead of a long-lived database password: access follows IAM policy, is logged in CloudTrail and ends when the role is removed.',
  remediation:
    'aws rds modify-db-instance --db-instance-identifier <db> --enable-iam-database-authentication (modify-db-cluster for Aurora), then create database users mapped to IAM (GRANT rds_iam) and give the roles rds-db:connect.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const clusters = new Set(inv.dbClusters.map((c) => clusterKey(c.region, c.id)));
    const standalone = inv.dbInstances.filter((d) => d.clusterId === undefined || !clusters.has(clusterKey(d.region, d.clusterId)));
    return [...standalone, ...inv.dbClusters].map((db) => {
      const engine = db.engine ?? '';
      if (!SUPPORTED.test(engine)) return notApplicable(db, `${label(db)} runs ${engine || 'an engine'} that does not support IAM database authentication.`, { engine: engine || null });
      if (db.iamAuthentication === undefined) {
        return error(db, { service: 'rds', operation: db.type === 'AWS::RDS::DBCluster' ? 'DescribeDBClusters' : 'DescribeDBInstances', region: db.region, resource: db.id, code: 'NotCollected', message: 'the inventory holds no IAM authentication setting' });
      }
      const evidence = { engine, iamDatabaseAuthentication: db.iamAuthentication };
      return db.iamAuthentication
        ? pass(db, `${label(db)} accepts IAM database authentication.`, evidence)
        : fail(db, `${label(db)} (${engine}) does not accept IAM database authentication: only database passwords.`, evidence);
    });
  },
});
