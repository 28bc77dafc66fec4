import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-user-permissions-via-groups.js';
import type { Status } from '../../src/checks/types.js';
import type { Grants, IamUser } from '../../src/inventory/types.js';
import { ACCOUNT, ADMIN_POLICY, callError, iamUser, policyDoc, runCheck, type InventoryInput } from '../helpers/check-harness.js';

/** A user whose own policies are these (groups: names only). */
function user(name: string, g: Partial<Grants & { groups: string[] }> = {}): IamUser {
  return iamUser(name, { grants: { ok: true, value: { attached: [], inline: [], groups: [], ...g } } });
}

const inline = (name: string) => ({ name, document: policyDoc({ actions: ['s3:GetObject'] }) });
const customer = { arn: `arn:aws:iam::${ACCOUNT}:policy/deploy`, name: 'deploy', awsManaged: false, document: policyDoc({ actions: ['ecs:*'] }) };

const deniedDetails = {
  call: 'iam:GetAccountAuthorizationDetails',
  region: 'global',
  code: 'AccessDenied',
  message: 'User is not authorized to perform: iam:GetAccountAuthorizationDetails',
  requiredPermission: 'iam:GetAccountAuthorizationDetails',
};

type Case = { name: string; input: InventoryInput; expected: { status: Status; id: string; evidence?: unknown; message?: string }[] };

const cases: Case[] = [
  {
    name: 'permissions only from groups',
    input: { iamUsers: [user('alice', { groups: ['developers', 'readers'] })] },
    expected: [{ status: 'pass', id: 'alice', evidence: { attachedPolicies: [], inlinePolicies: [] }, message: 'IAM user alice has no policy of its own.' }],
  },
  { name: 'no policy and no group', input: { iamUsers: [user('bob')] }, expected: [{ status: 'pass', id: 'bob', evidence: { attachedPolicies: [], inlinePolicies: [] } }] },
  {
    name: 'managed policies attached directly',
    input: { iamUsers: [user('carol', { attached: [customer, ADMIN_POLICY], groups: ['developers'] })] },
    expected: [
      {
        status: 'fail',
        id: 'carol',
        evidence: { attachedPolicies: ['AdministratorAccess', 'deploy'], inlinePolicies: [] },
        message: 'IAM user carol has policies of its own: attached AdministratorAccess, deploy.',
      },
    ],
  },
  {
    name: 'inline policies',
    input: { iamUsers: [user('dave', { inline: [inline('zeta'), inline('alpha')] })] },
    expected: [
      {
        status: 'fail',
        id: 'dave',
        evidence: { attachedPolicies: [], inlinePolicies: ['alpha', 'zeta'] },
        message: 'IAM user dave has policies of its own: inline alpha, zeta.',
      },
    ],
  },
  {
    name: 'attached and inline',
    input: { iamUsers: [user('erin', { attached: [customer], inline: [inline('s3-read')] })] },
    expected: [
      {
        status: 'fail',
        id: 'erin',
        evidence: { attachedPolicies: ['deploy'], inlinePolicies: ['s3-read'] },
        message: 'IAM user erin has policies of its own: attached deploy; inline s3-read.',
      },
    ],
  },
  {
    name: "the user's grants could not be read",
    input: { iamUsers: [iamUser('frank', { grants: { ok: false, error: callError('iam:GetAccountAuthorizationDetails', 'global') } })] },
    expected: [{ status: 'error', id: 'frank', evidence: { failedCalls: [deniedDetails] } }],
  },
  {
    name: 'GetAccountAuthorizationDetails denied: never a pass',
    input: { iamUsers: [user('alice')], failed: ['iam:GetAccountAuthorizationDetails'] },
    expected: [{ status: 'error', id: 'alice', evidence: { failedCalls: [deniedDetails], unverifiedOutcome: 'pass' } }],
  },
  {
    name: 'credential report denied: no users to judge',
    input: { iamUsers: [], failed: ['iam:GetCredentialReport'] },
    expected: [{ status: 'error', id: '*' }],
  },
  {
    name: 'one result per user, sorted by ARN',
    input: { iamUsers: [user('zed', { inline: [inline('x')] }), user('amy')] },
    expected: [
      { status: 'pass', id: 'amy' },
      { status: 'fail', id: 'zed' },
    ],
  },
  { name: 'no IAM users: nothing in scope', input: { iamUsers: [] }, expected: [{ status: 'not_applicable', id: '*' }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, expected }) => {
    const results = runCheck(check, input);
    expect(results.map((r) => [r.status, r.resource.id])).toEqual(expected.map((e) => [e.status, e.id]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
      if (e.message !== undefined) expect(results[i]?.message).toBe(e.message);
    });
  });
});
