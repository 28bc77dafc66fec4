import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'ec2-ebs-snapshots-not-public',
  title: 'No EBS snapshot owned by the account is restorable by everyone',
  severity: 'critical',
  resourceType: 'AWS::EC2::SnapshotPublicAccess',
  requires: ['ec2:DescribeSnapshots'],
  rationale:
    'Any AWS account can create a volume from a public snapshot and read every file on it: databases, keys and ' +
    'cardholder data included. Public snapshots are a recurring source of large data leaks.',
  remediation:
    'Remove the public permission from each listed snapshot: EC2 console > Snapshots > select > Actions > Snapshot ' +
    'settings > Modify permissions > Private, or `aws ec2 modify-snapshot-attribute --snapshot-id <id> --attribute ' +
    'createVolumePermission --operation-type remove --group-names all`; then turn on Block public access for snapshots ' +
    'in the region (`aws ec2 enable-snapshot-block-public-access --state block-all-sharing`).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.snapshotPublicAccess.map((r) => {
      if (!r.publicSnapshots.ok) return error(r, r.publicSnapshots.error);
      const ids = [...r.publicSnapshots.value].sort();
      if (ids.length === 0) return pass(r, `No EBS snapshot in ${r.region} is public.`, { publicSnapshots: [] });
      return fail(r, `${ids.length} EBS snapshot(s) in ${r.region} are restorable by everyone: ${ids.join(', ')}.`, { publicSnapshots: ids });
    });
  },
});
