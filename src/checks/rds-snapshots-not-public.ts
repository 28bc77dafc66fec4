import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'rds-snapshots-not-public',
  title: 'No manual RDS DB or cluster snapshot can be restored by everyone',
  severity: 'critical',
  resourceType: 'AWS::RDS::DBSnapshot',
  requires: ['rds:DescribeDBSnapshots', 'rds:DescribeDBSnapshotAttributes', 'rds:DescribeDBClusterSnapshots', 'rds:DescribeDBClusterSnapshotAttributes'],
  rationale:
    'A manual snapshot whose restore attribute includes "all" can be copied and restored by any AWS account: the whole database, with its users\' password hashes, leaves the account (an unencrypted one at once; AWS refuses to make an encrypted one public only for the default key). ' +
    'Automated snapshots cannot be shared; manual copies taken for a migration or a vendor are the ones that leak.',
  remediation:
    'Remove public access: aws rds modify-db-snapshot-attribute --db-snapshot-identifier <snapshot> --attribute-name restore --values-to-remove all (modify-db-cluster-snapshot-attribute for a cluster snapshot); share with the named accounts that need it instead, and delete snapshots no longer needed.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.dbSnapshots
      .filter((s) => s.restorableBy !== null)
      .map((s) => {
        const what = `${s.type === 'AWS::RDS::DBClusterSnapshot' ? 'DB cluster snapshot' : 'DB snapshot'} ${s.id}`;
        const restorable = s.restorableBy!;
        if (!restorable.ok) return error(s, restorable.error);
        const accounts = restorable.value;
        const evidence = { snapshotType: s.snapshotType, encrypted: s.encrypted, restorableBy: accounts };
        if (accounts.includes('all')) return fail(s, `${what} can be restored by any AWS account.`, evidence);
        const shared = accounts.length > 0 ? `; shared with ${accounts.join(', ')}` : '';
        return pass(s, `${what} is not public${shared}.`, evidence);
      });
  },
});
