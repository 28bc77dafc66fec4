import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

const sorted = (names: string[]): string[] => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export default defineCheck<Params>({
  id: 'iam-user-permissions-via-groups',
  title: 'IAM users receive permissions only through groups or roles',
  severity: 'low',
  resourceType: 'AWS::IAM::User',
  requires: ['iam:GetCredentialReport', 'iam:GetAccountAuthorizationDetails'],
  rationale:
    'Policies attached to individual users drift, are missed in access reviews and outlive the job they were granted for; granting through groups or roles keeps permissions reviewable by function.',
  remediation:
    'Add the user to a group that carries the permissions it needs (or have it assume a role), then remove the user\'s own policies: aws iam detach-user-policy --user-name <user> --policy-arn <arn> and aws iam delete-user-policy --user-name <user> --policy-name <name> (IAM > Users > Permissions > Remove).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.iamUsers.map((user) => {
      if (!user.grants.ok) return error(user, user.grants.error);
      const evidence = {
        attachedPolicies: sorted(user.grants.value.attached.map((p) => p.name)),
        inlinePolicies: sorted(user.grants.value.inline.map((p) => p.name)),
      };
      const count = evidence.attachedPolicies.length + evidence.inlinePolicies.length;
      if (count === 0) return pass(user, `IAM user ${user.id} has no policy of its own.`, evidence);
      const parts = [
        evidence.attachedPolicies.length > 0 ? `attached ${evidence.attachedPolicies.join(', ')}` : '',
        evidence.inlinePolicies.length > 0 ? `inline ${evidence.inlinePolicies.join(', ')}` : '',
      ].filter((p) => p !== '');
      return fail(user, `IAM user ${user.id} has policies of its own: ${parts.join('; ')}.`, evidence);
    });
  },
});
