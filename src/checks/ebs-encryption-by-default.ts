import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'ebs-encryption-by-default',
  title: 'EBS encryption by default is on in every scanned region',
  severity: 'medium',
  resourceType: 'AWS::EC2::EBSEncryptionByDefault',
  requires: ['ec2:GetEbsEncryptionByDefault'],
  rationale:
    'With encryption by default on, every new EBS volume and snapshot copy in the region is encrypted, whoever creates it ' +
    'and whatever tool they use; without it, encryption depends on each launch remembering to ask for it.',
  remediation:
    'Turn on EBS encryption by default in the region (EC2 console > Settings > EBS encryption, or ' +
    '`aws ec2 enable-ebs-encryption-by-default --region <region>`), optionally with a customer-managed default KMS key.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.ebsEncryptionByDefault.map((s) => {
      if (!s.enabled.ok) return error(s, s.enabled.error);
      if (s.enabled.value) return pass(s, `EBS encryption by default is on in ${s.region} (${s.id})`, { ebsEncryptionByDefault: true });
      return fail(s, `EBS encryption by default is off in ${s.region} (${s.id})`, { ebsEncryptionByDefault: false });
    });
  },
});
