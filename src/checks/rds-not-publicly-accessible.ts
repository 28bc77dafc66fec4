import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'rds-not-publicly-accessible',
  title: 'RDS DB instances are not publicly accessible',
  severity: 'critical',
  resourceType: 'AWS::RDS::DBInstance',
  requires: ['rds:DescribeDBInstances'],
  rationale:
    'A publicly accessible DB instance gets a DNS name that resolves to a public IP, so a single permissive security-group rule puts the database listener on the internet for credential stuffing and exploitation.',
  remediation:
    'Turn public access off (console: RDS > Databases > the instance > Modify > Connectivity > Public access: Not publicly accessible; or aws rds modify-db-instance --db-instance-identifier <id> --no-publicly-accessible --apply-immediately), and place the instance in private subnets reached through a VPN, bastion or SSM port forwarding.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.dbInstances.map((db) => {
      const evidence = { publiclyAccessible: db.publiclyAccessible };
      return db.publiclyAccessible
        ? fail(db, `DB instance ${db.id} is publicly accessible.`, evidence)
        : pass(db, `DB instance ${db.id} is not publicly accessible.`, evidence);
    });
  },
});
