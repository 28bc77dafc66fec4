import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-no-user-admin-policy.js';
import type { Status } from '../../src/checks/types.js';
import type { AttachedPolicy, Grants, IamUser, PolicyDocument } from '../../src/inventory/types.js';
import { ACCOUNT, ADMIN_POLICY, callError, iamUser, policyDoc, runCheck, type InventoryInput } from '../helpers/check-harness.js';

const ADMIN_DOC = policyDoc({ actions: ['*'], resources: ['*'] });

/** A user whose own policies are these (groups: names only). */
function user(name: string, g: Partial<Grants & { groups: string[] }> = {}): IamUser {
  return iamUser(name, { grants: { ok: true, value: { attached: [], inline: [], groups: [], ...g } } });
}

function customer(name: string, document?: PolicyDocument): AttachedPolicy {
  const p: AttachedPolicy = { arn: `arn:aws:iam::${ACCOUNT}:policy/${name}`, name, awsManaged: false };
  if (document) p.document = document;
  return p;
}

const awsManaged = (name: string, partition = 'aws'): AttachedPolicy => ({ arn: `arn:${partition}:iam::aws:policy/${name}`, name, awsManaged: true });

const none = { attachedAdminPolicies: [], inlineAdminPolicies: [] };

const deniedDetails = {
  call: 'iam:GetAccountAuthorizationDetails',
  region: 'global',
  code: 'AccessDenied',
  message: 'User is not authorized to perform: iam:GetAccountAuthorizationDetails',
  requiredPermission: 'iam:GetAccountAuthorizationDetails',
};

type Case = { name: string; input: InventoryInput; expected: { status: Status; id: string; evidence?: unknown; message?: string }[] };

const cases: Case[] = [
  { name: 'no policy of its own', input: { iamUsers: [user('alice')] }, expected: [{ status: 'pass', id: 'alice', evidence: none, message: 'IAM user alice has no administrator policy attached or inline.' }] },
  { name: 'AWS managed ReadOnlyAccess', input: { iamUsers: [user('bob', { attached: [awsManaged('ReadOnlyAccess')] })] }, expected: [{ status: 'pass', id: 'bob', evidence: none }] },
  {
    name: 'admin only through a group',
    input: { iamUsers: [user('carol', { groups: ['admins'] })] },
    expected: [{ status: 'pass', id: 'carol', evidence: none }],
  },
  {
    name: 'AdministratorAccess attached',
    input: { iamUsers: [user('dave', { attached: [ADMIN_POLICY, awsManaged('ReadOnlyAccess')] })] },
    expected: [
      {
        status: 'fail',
        id: 'dave',
        evidence: { attachedAdminPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], inlineAdminPolicies: [] },
        message: 'IAM user dave has administrator access through AdministratorAccess (attached).',
      },
    ],
  },
  {
    name: 'AdministratorAccess in another partition',
    input: { iamUsers: [user('erin', { attached: [awsManaged('AdministratorAccess', 'aws-us-gov')] })] },
    expected: [{ status: 'fail', id: 'erin', evidence: { attachedAdminPolicies: ['arn:aws-us-gov:iam::aws:policy/AdministratorAccess'], inlineAdminPolicies: [] } }],
  },
  {
    name: 'customer-managed policy allowing *:* on *',
    input: { iamUsers: [user('frank', { attached: [customer('god-mode', policyDoc({ actions: ['*:*'], resources: ['*'] }))] })] },
    expected: [{ status: 'fail', id: 'frank', evidence: { attachedAdminPolicies: [`arn:aws:iam::${ACCOUNT}:policy/god-mode`], inlineAdminPolicies: [] } }],
  },
  {
    name: 'inline admin statement beside others, and AdministratorAccess',
    input: {
      iamUsers: [
        user('gina', {
          attached: [ADMIN_POLICY],
          inline: [
            { name: 'z-admin', document: policyDoc({ actions: ['s3:GetObject'] }, { actions: ['ec2:*', '*'], resources: ['*'] }) },
            { name: 'a-admin', document: ADMIN_DOC },
            { name: 'readonly', document: policyDoc({ actions: ['s3:Get*'] }) },
          ],
        }),
      ],
    },
    expected: [
      {
        status: 'fail',
        id: 'gina',
        evidence: { attachedAdminPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], inlineAdminPolicies: ['a-admin', 'z-admin'] },
        message: 'IAM user gina has administrator access through AdministratorAccess (attached), a-admin (inline), z-admin (inline).',
      },
    ],
  },
  {
    name: '* limited by a condition is not admin',
    input: { iamUsers: [user('hank', { inline: [{ name: 'mfa-admin', document: policyDoc({ actions: ['*'], conditions: { Bool: { 'aws:MultiFactorAuthPresent': ['true'] } } }) }] })] },
    expected: [{ status: 'pass', id: 'hank', evidence: none }],
  },
  {
    name: '* on named resources, Deny *, and NotAction are not admin',
    input: {
      iamUsers: [
        user('ivy', {
          inline: [
            { name: 'scoped', document: policyDoc({ actions: ['*'], resources: ['arn:aws:s3:::bucket/*'] }) },
            { name: 'deny-all', document: policyDoc({ effect: 'Deny', actions: ['*'] }) },
            { name: 'power-user', document: policyDoc({ notActions: ['iam:*', 'organizations:*'] }) },
          ],
        }),
      ],
    },
    expected: [{ status: 'pass', id: 'ivy', evidence: none }],
  },
  {
    name: 'customer-managed policy whose document is not in the snapshot',
    input: { iamUsers: [user('jack', { attached: [customer('unknown')] })] },
    expected: [
      {
        status: 'error',
        id: 'jack',
        evidence: {
          failedCalls: [
            {
              call: 'iam:GetAccountAuthorizationDetails',
              region: 'global',
              code: 'PolicyDocumentMissing',
              message: `the snapshot holds no document for the customer-managed policy arn:aws:iam::${ACCOUNT}:policy/unknown attached to jack`,
              requiredPermission: 'iam:GetAccountAuthorizationDetails',
              resource: `arn:aws:iam::${ACCOUNT}:policy/unknown`,
            },
          ],
        },
      },
    ],
  },
  {
    name: 'an unreadable policy does not hide a known admin one',
    input: { iamUsers: [user('kate', { attached: [customer('unknown'), ADMIN_POLICY] })] },
    expected: [{ status: 'fail', id: 'kate', evidence: { attachedAdminPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], inlineAdminPolicies: [] } }],
  },
  {
    name: "the user's grants could not be read",
    input: { iamUsers: [iamUser('liam', { grants: { ok: false, error: callError('iam:GetAccountAuthorizationDetails', 'global') } })] },
    expected: [{ status: 'error', id: 'liam', evidence: { failedCalls: [deniedDetails] } }],
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
    input: { iamUsers: [user('zed', { attached: [ADMIN_POLICY] }), user('amy')] },
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
