import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'rds-auto-minor-version-upgrade',
  title: 'RDS DB instances apply minor engine versions automatically',
  severity: 'low',
  resourceType: 'AWS::RDS::DBInstance',
  requires: ['rds:DescribeDBInstances'],
  rationale:
    'Minor engine versions carry the database engine\'s security fixes; with AutoMinorVersionUpgrade they are applied in the maintenance window, without it the instance stays on the version it was created with until someone upgrades it (CIS AWS Foundations 3.2.2).',
  remediation:
    'aws rds modify-db-instance --db-instance-identifier <db> --auto-minor-version-upgrade --apply-immediately (the upgrade itself runs in the maintenance window).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.dbInstances.map((d) => {
      if (d.autoMinorVersionUpgrade === undefined) {
        return error(d, { service: 'rds', operation: 'DescribeDBInstances', region: d.region, resource: d.id, code: 'NotCollected', message: 'the inventory holds no AutoMinorVersionUpgrade setting' });
      }
      const evidence = { autoMinorVersionUpgrade: d.autoMinorVersionUpgrade, engine: d.engine ?? null, engineVersion: d.engineVersion ?? null };
      return d.autoMinorVersionUpgrade
        ? pass(d, `DB instance ${d.id} applies minor engine versions automatically.`, evidence)
        : fail(d, `DB instance ${d.id} does not apply minor engine versions automatically (${[d.engine, d.engineVersion].filter(Boolean).join(' ') || 'engine unknown'}).`, evidence);
    });
  },
});
