import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'iam-user-single-active-access-key',
  title: 'Every IAM user has at most one active access key',
  severity: 'medium',
  resourceType: 'AWS::IAM::User',
  requires: ['iam:GetCredentialReport'],
  rationale:
    'A second active key is meant to live only while a rotation is under way; two keys left active double the long-lived secrets to lose, and usually mean the old one was never revoked (the CIS AWS Foundations one-active-key recommendation, 1.13 in v3.0.0).',
  remediation:
    'Find which key is still used (aws iam get-access-key-last-used), move its users to the other, then deactivate and delete the unused one (aws iam update-access-key --status Inactive, aws iam delete-access-key); better, replace user keys with roles.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.iamUsers.map((user) => {
      const active = user.accessKeys.filter((k) => k.active);
      const evidence = {
        activeAccessKeys: active.map((k) => ({ slot: k.slot, lastRotated: k.lastRotated ?? null, lastUsed: k.lastUsed ?? null })),
      };
      if (active.length === 0) return notApplicable(user, `IAM user ${user.id} has no active access key.`, evidence);
      if (active.length === 1) return pass(user, `IAM user ${user.id} has one active access key.`, evidence);
      return fail(user, `IAM user ${user.id} has ${active.length} active access keys.`, evidence);
    });
  },
});
