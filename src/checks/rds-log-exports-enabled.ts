import type { JSONSchemaType } from 'ajv';
import type { DbCluster, DbInstance } from '../inventory/types.js';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

const label = (db: DbInstance | DbCluster) => `${db.type === 'AWS::RDS::DBCluster' ? 'DB cluster' : 'DB instance'} ${db.id}`;
const clusterKey = (region: string, id: string) => `${region}/${id}`;

export default defineCheck<Params>({
  id: 'rds-log-exports-enabled',
  title: 'RDS DB instances and clusters export their database logs to CloudWatch Logs',
  severity: 'medium',
  resourceType: 'AWS::RDS::DBInstance',
  requires: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
  rationale:
    'The database\'s own logs (PostgreSQL and MySQL error, general and audit logs, SQL Server agent and error logs, Oracle audit logs) record logins and privileged statements that CloudTrail never sees; ' +
    'kept only on the instance they rotate away within days. Exported, they can be retained, searched and alarmed on (PCI DSS 10.2.1).',
  remediation:
    'aws rds modify-db-instance --db-instance-identifier <db> --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["postgresql"]}\' (the log types of the engine; modify-db-cluster for Aurora), and for audit logs enable the engine\'s audit plugin (pgaudit, MariaDB audit) in the parameter or option group.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const clusters = new Set(inv.dbClusters.map((c) => clusterKey(c.region, c.id)));
    const standalone = inv.dbInstances.filter((d) => d.clusterId === undefined || !clusters.has(clusterKey(d.region, d.clusterId)));
    return [...standalone, ...inv.dbClusters].map((db) => {
      if (db.logExports === undefined) {
        return error(db, { service: 'rds', operation: db.type === 'AWS::RDS::DBCluster' ? 'DescribeDBClusters' : 'DescribeDBInstances', region: db.region, resource: db.id, code: 'NotCollected', message: 'the inventory holds no log-export setting' });
      }
      const evidence = { engine: db.engine ?? null, logExports: db.logExports };
      return db.logExports.length > 0
        ? pass(db, `${label(db)} exports ${db.logExports.join(', ')} logs to CloudWatch Logs.`, evidence)
        : fail(db, `${label(db)} exports no database log to CloudWatch Logs.`, evidence);
    });
  },
});
