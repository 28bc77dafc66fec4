import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'ebs-volume-encrypted',
  title: 'EBS volumes are encrypted',
  severity: 'medium',
  resourceType: 'AWS::EC2::Volume',
  requires: ['ec2:DescribeVolumes'],
  rationale:
    'An unencrypted volume, and every snapshot taken from it, holds its data in clear text: a shared or leaked snapshot ' +
    'exposes it, and encryption at rest is required by PCI DSS and most regulators.',
  remediation:
    'Snapshot the volume, copy the snapshot with encryption under a KMS key, create a volume from the copy and swap it in; ' +
    'turn on EBS encryption by default so new volumes are encrypted.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.volumes.map((v) => {
      if (v.encrypted) {
        return pass(v, `${v.id} is encrypted`, v.kmsKeyId !== undefined ? { encrypted: true, kmsKeyId: v.kmsKeyId } : { encrypted: true });
      }
      return fail(v, `${v.id} is not encrypted`, { encrypted: false });
    });
  },
});
