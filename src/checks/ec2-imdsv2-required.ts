import type { JSONSchemaType } from 'ajv';
import type { Instance } from '../inventory/types.js';
import { defineCheck, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/** States in which an instance is gone or going: its metadata options no longer matter. */
const ENDING_STATES = new Set(['terminated', 'shutting-down']);

function label(i: Instance): string {
  return i.name !== undefined && i.name !== i.id ? `${i.name} (${i.id})` : i.id;
}

export default defineCheck<Params>({
  id: 'ec2-imdsv2-required',
  title: 'EC2 instances require IMDSv2 session tokens for instance metadata',
  severity: 'medium',
  resourceType: 'AWS::EC2::Instance',
  requires: ['ec2:DescribeInstances'],
  rationale:
    'With IMDSv1 allowed, a server-side request forgery or an open proxy on the instance can read the instance role\'s ' +
    'temporary credentials from 169.254.169.254 with a single GET; IMDSv2 demands a PUT-issued session token that such ' +
    'requests cannot obtain.',
  remediation:
    'Require IMDSv2 on the instance: EC2 console > Instances > select the instance > Actions > Instance settings > ' +
    'Modify instance metadata options > IMDSv2 "Required", or `aws ec2 modify-instance-metadata-options --instance-id <id> ' +
    '--http-tokens required --http-endpoint enabled`; set "IMDSv2 required" in launch templates and as the account default ' +
    '(`aws ec2 modify-instance-metadata-defaults --http-tokens required`) so new instances start that way.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.instances.map((i) => {
      if (i.state !== undefined && ENDING_STATES.has(i.state)) {
        return notApplicable(i, `EC2 instance ${label(i)} is ${i.state}.`, { state: i.state });
      }
      const evidence = { httpTokens: i.httpTokens ?? null };
      if (i.httpTokens === 'required') return pass(i, `EC2 instance ${label(i)} requires IMDSv2.`, evidence);
      return fail(i, `EC2 instance ${label(i)} still accepts IMDSv1 requests (HttpTokens ${i.httpTokens ?? 'unset'}).`, evidence);
    });
  },
});
