import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-policy-no-full-admin.js';
import type { Status } from '../../src/checks/types.js';
import type { IamManagedPolicy, PolicyDocument } from '../../src/inventory/types.js';
import { ACCOUNT, failedCall, grants, iamGroup, iamRole, iamUser, policyDoc, runCheck, type InventoryInput } from '../helpers/check-harness.js';

const STAR = policyDoc({ actions: ['*'], resources: ['*'] });
const READ = policyDoc({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/*'] });

function managed(name: string, document: PolicyDocument, attachmentCount = 1): IamManagedPolicy {
  return { type: 'AWS::IAM::ManagedPolicy', arn: `arn:aws:iam::${ACCOUNT}:policy/${name}`, id: name, name, account: ACCOUNT, region: 'global', tags: {}, attachmentCount, document };
}

const policyArn = (name: string) => `arn:aws:iam::${ACCOUNT}:policy/${name}`;
const inlineArn = (kind: string, principal: string, policy: string) => `arn:aws:iam::${ACCOUNT}:${kind}/${principal}/inline-policy/${policy}`;

type Case = { name: string; input: InventoryInput; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  {
    name: 'customer policy granting a task',
    input: { iamPolicies: [managed('reports-read', READ)] },
    expected: [{ status: 'pass', arn: policyArn('reports-read'), evidence: { attachmentCount: 1, adminStatements: [] } }],
  },
  {
    // Before issue 12 no check saw this: the break-glass group's *:* policy gave no result at all.
    name: 'customer *:* policy attached to a break-glass group',
    input: { iamPolicies: [managed('break-glass-admin', STAR)], iamGroups: [iamGroup('break-glass', grants({ attached: [{ arn: policyArn('break-glass-admin'), name: 'break-glass-admin', awsManaged: false, document: STAR }] }))] },
    expected: [{ status: 'fail', arn: policyArn('break-glass-admin'), evidence: { attachmentCount: 1, adminStatements: [{ actions: ['*'], resources: ['*'] }] } }],
  },
  {
    name: '"*:*" written as the action counts too',
    input: { iamPolicies: [managed('legacy', policyDoc({ actions: ['*:*'], resources: ['*'] }), 3)] },
    expected: [{ status: 'fail', arn: policyArn('legacy'), evidence: { attachmentCount: 3, adminStatements: [{ actions: ['*:*'], resources: ['*'] }] } }],
  },
  {
    name: 'a condition narrows it: not full admin',
    input: { iamPolicies: [managed('mfa-admin', policyDoc({ actions: ['*'], resources: ['*'], conditions: { Bool: { 'aws:MultiFactorAuthPresent': ['true'] } } }))] },
    expected: [{ status: 'pass', arn: policyArn('mfa-admin') }],
  },
  {
    name: 'unattached *:* policy: not applicable',
    input: { iamPolicies: [managed('old-admin', STAR, 0)] },
    expected: [{ status: 'not_applicable', arn: policyArn('old-admin'), evidence: { attachmentCount: 0, adminStatements: [{ actions: ['*'], resources: ['*'] }] } }],
  },
  {
    name: 'inline *:* policy on a role fails, a harmless one on a user passes',
    input: {
      iamRoles: [iamRole('ops', grants({ inline: [{ name: 'everything', document: STAR }] }))],
      iamUsers: [iamUser('alice', { grants: { ok: true, value: { attached: [], inline: [{ name: 'read-reports', document: READ }], groups: [] } } })],
    },
    expected: [
      { status: 'fail', arn: inlineArn('role', 'ops', 'everything'), evidence: { principal: `arn:aws:iam::${ACCOUNT}:role/ops`, adminStatements: [{ actions: ['*'], resources: ['*'] }] } },
      { status: 'pass', arn: inlineArn('user', 'alice', 'read-reports') },
    ],
  },
  {
    name: 'inline *:* on a group',
    input: { iamGroups: [iamGroup('admins', grants({ inline: [{ name: 'all', document: STAR }] }))] },
    expected: [{ status: 'fail', arn: inlineArn('group', 'admins', 'all') }],
  },
  {
    name: 'a user whose policies could not be read is an error',
    input: { iamUsers: [iamUser('bob', { grants: failedCall('iam:GetAccountAuthorizationDetails', 'bob', 'global') })] },
    expected: [{ status: 'error', arn: `arn:aws:iam::${ACCOUNT}:user/bob` }],
  },
  {
    name: 'authorization details denied: error, not a pass',
    input: { iamPolicies: [managed('reports-read', READ)], failed: ['iam:GetAccountAuthorizationDetails'] },
    expected: [{ status: 'error', arn: policyArn('reports-read') }],
  },
  {
    name: 'AWS managed AdministratorAccess is not judged here (iam-admin-principals-secured judges its holders)',
    input: { iamRoles: [iamRole('admin', grants({ attached: [{ arn: 'arn:aws:iam::aws:policy/AdministratorAccess', name: 'AdministratorAccess', awsManaged: true }] }))] },
    expected: [{ status: 'not_applicable', arn: `arn:aws:iam::${ACCOUNT}:*` }],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, expected }) => {
    const results = runCheck(check, input);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });

  it('names an inline policy with its principal and its own type', () => {
    const [r] = runCheck(check, { iamRoles: [iamRole('ops', grants({ inline: [{ name: 'everything', document: STAR }] }))] });
    expect(r?.resource).toMatchObject({ type: 'AWS::IAM::RolePolicy', id: 'ops/everything', name: 'everything' });
    expect(r?.message).toBe('Inline policy everything of ops allows "*" on "*".');
  });
});
