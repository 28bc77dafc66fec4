import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-support-role-exists.js';
import type { Status } from '../../src/checks/types.js';
import type { AttachedPolicy } from '../../src/inventory/types.js';
import { ACCOUNT, ADMIN_POLICY, grants, iamRole, policyDoc, runCheck, type InventoryInput } from '../helpers/check-harness.js';

const ACCOUNT_ARN = `arn:aws:iam::${ACCOUNT}:account`;
const support = (partition = 'aws'): AttachedPolicy => ({ arn: `arn:${partition}:iam::aws:policy/AWSSupportAccess`, name: 'AWSSupportAccess', awsManaged: true });
/** A customer policy that merely shares the name. */
const lookalike: AttachedPolicy = {
  arn: `arn:aws:iam::${ACCOUNT}:policy/AWSSupportAccess`,
  name: 'AWSSupportAccess',
  awsManaged: false,
  document: policyDoc({ actions: ['support:*'] }),
};

const deniedDetails = {
  call: 'iam:GetAccountAuthorizationDetails',
  region: 'global',
  code: 'AccessDenied',
  message: 'User is not authorized to perform: iam:GetAccountAuthorizationDetails',
  requiredPermission: 'iam:GetAccountAuthorizationDetails',
};

type Case = { name: string; input: InventoryInput; expected: { status: Status; evidence: unknown; message?: string } };

const cases: Case[] = [
  {
    name: 'a role with AWSSupportAccess',
    input: { iamRoles: [iamRole('app'), iamRole('support', grants({ attached: [support()] }))] },
    expected: { status: 'pass', evidence: { supportRoles: ['support'] }, message: `Account ${ACCOUNT} has a role with AWSSupportAccess (support).` },
  },
  {
    name: 'several roles with it, and another partition',
    input: { iamRoles: [iamRole('z-support', grants({ attached: [ADMIN_POLICY, support('aws-cn')] })), iamRole('a-support', grants({ attached: [support()] }))] },
    expected: { status: 'pass', evidence: { supportRoles: ['a-support', 'z-support'] } },
  },
  {
    name: 'no role has it',
    input: { iamRoles: [iamRole('admin', grants({ attached: [ADMIN_POLICY] })), iamRole('app')] },
    expected: {
      status: 'fail',
      evidence: { supportRoles: [], rolesExamined: 2 },
      message: `Account ${ACCOUNT} has no role with the AWS managed AWSSupportAccess policy attached.`,
    },
  },
  {
    name: 'a customer policy named AWSSupportAccess, or support:* inline, does not count',
    input: { iamRoles: [iamRole('a', grants({ attached: [lookalike] })), iamRole('b', grants({ inline: [{ name: 'AWSSupportAccess', document: policyDoc({ actions: ['support:*'] }) }] }))] },
    expected: { status: 'fail', evidence: { supportRoles: [], rolesExamined: 2 } },
  },
  { name: 'no roles at all', input: { iamRoles: [] }, expected: { status: 'fail', evidence: { supportRoles: [], rolesExamined: 0 } } },
  {
    name: 'GetAccountAuthorizationDetails denied: never a fail or pass',
    input: { iamRoles: [], failed: ['iam:GetAccountAuthorizationDetails'] },
    expected: { status: 'error', evidence: { failedCalls: [deniedDetails], unverifiedOutcome: 'fail' } },
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, expected }) => {
    const results = runCheck(check, input);
    expect(results.map((r) => [r.status, r.resource])).toEqual([
      [expected.status, { type: 'AWS::IAM::Account', arn: ACCOUNT_ARN, id: 'account', account: ACCOUNT, region: 'global' }],
    ]);
    expect(results[0]?.evidence).toEqual(expected.evidence);
    if (expected.message !== undefined) expect(results[0]?.message).toBe(expected.message);
  });

  it('is never not_applicable: the account is always in scope', () => {
    expect(runCheck(check, {}).map((r) => r.status)).toEqual(['fail']);
  });
});
