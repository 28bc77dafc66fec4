import type { JSONSchemaType } from 'ajv';
import type { Image } from '../inventory/types.js';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

function label(i: Image): string {
  return i.name !== undefined && i.name !== i.id ? `${i.name} (${i.id})` : i.id;
}

export default defineCheck<Params>({
  id: 'ec2-ami-not-public',
  title: 'AMIs owned by the account are not public',
  severity: 'high',
  resourceType: 'AWS::EC2::Image',
  requires: ['ec2:DescribeImages'],
  rationale:
    'Anyone can launch a public AMI and read its disks: baked-in credentials, keys, configuration and application code ' +
    'go with it.',
  remediation:
    'Make the image private: EC2 console > AMIs > select > Actions > Edit AMI permissions > Private, or ' +
    '`aws ec2 modify-image-attribute --image-id <id> --launch-permission "Remove=[{Group=all}]"`; share with specific ' +
    'accounts instead, and turn on Block public access for AMIs (`aws ec2 enable-image-block-public-access ' +
    '--image-block-public-access-state block-new-sharing`).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.images.map((i) =>
      i.public
        ? fail(i, `AMI ${label(i)} is public.`, { public: true })
        : pass(i, `AMI ${label(i)} is not public.`, { public: false }),
    );
  },
});
