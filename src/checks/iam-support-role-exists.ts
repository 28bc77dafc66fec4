import type { JSONSchemaType } from 'ajv';
import { isAwsManagedPolicyArn } from '../inventory/policy.js';
import type { Inventory } from '../inventory/types.js';
import { defineCheck, fail, pass } from './define.js';
import type { ResourceRef } from './types.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/** The account as a resource: the one thing this check is about. */
function accountRef(inv: Inventory): ResourceRef {
  return {
    type: 'AWS::IAM::Account',
    arn: `arn:${inv.partition}:iam::${inv.accountId}:account`,
    id: 'account',
    account: inv.accountId,
    region: 'global',
  };
}

export default defineCheck<Params>({
  id: 'iam-support-role-exists',
  title: 'An IAM role for AWS Support incident handling exists',
  severity: 'low',
  resourceType: 'AWS::IAM::Account',
  requires: ['iam:GetAccountAuthorizationDetails'],
  rationale:
    'During an incident someone must be able to open and manage AWS Support cases without borrowing root or administrator credentials; a dedicated role with AWSSupportAccess makes that access deliberate, least-privilege and auditable.',
  remediation:
    'Create a role that your incident responders (or IAM Identity Center users) can assume, and attach the AWS managed AWSSupportAccess policy: aws iam create-role --role-name aws-support --assume-role-policy-document file://trust.json, then aws iam attach-role-policy --role-name aws-support --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const account = accountRef(inv);
    const roles = inv.iamRoles
      .filter((r) => r.grants.attached.some((p) => isAwsManagedPolicyArn(p.arn, 'AWSSupportAccess')))
      .map((r) => r.id)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (roles.length > 0) {
      return [pass(account, `Account ${inv.accountId} has a role with AWSSupportAccess (${roles.join(', ')}).`, { supportRoles: roles })];
    }
    return [
      fail(account, `Account ${inv.accountId} has no role with the AWS managed AWSSupportAccess policy attached.`, {
        supportRoles: [],
        rolesExamined: inv.iamRoles.length,
      }),
    ];
  },
});
