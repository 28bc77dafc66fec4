import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-no-inline-wildcard-sensitive-services.js';
import type { Status } from '../../src/checks/types.js';
import type { InlinePolicy, PolicyStatement } from '../../src/inventory/types.js';
import { ACCOUNT, ADMIN_POLICY, callError, grants, iamGroup, iamRole, iamUser, policyDoc, runCheck, type InventoryInput } from '../helpers/check-harness.js';

const inline = (name: string, ...statements: Partial<PolicyStatement>[]): InlinePolicy => ({ name, document: policyDoc(...statements) });
const userWith = (name: string, policies: InlinePolicy[]) =>
  iamUser(name, { grants: { ok: true, value: { attached: [], inline: policies, groups: [] } } });

const arn = (kind: 'user' | 'group' | 'role', name: string) => `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;
const DEFAULT_SERVICES = ['cloudtrail', 'ec2', 'iam', 'kms', 'organizations', 'rds', 's3', 'secretsmanager', 'sts'];

const deniedDetails = {
  call: 'iam:GetAccountAuthorizationDetails',
  region: 'global',
  code: 'AccessDenied',
  message: 'User is not authorized to perform: iam:GetAccountAuthorizationDetails',
  requiredPermission: 'iam:GetAccountAuthorizationDetails',
};

type Case = {
  name: string;
  input: InventoryInput;
  params?: { services: string[] };
  expected: { status: Status; arn: string; evidence?: unknown; message?: string }[];
};

const cases: Case[] = [
  {
    name: 'role with narrowly scoped inline policies',
    input: {
      iamRoles: [
        iamRole(
          'app',
          grants({
            inline: [
              inline('read', { actions: ['s3:GetObject', 'kms:Decrypt'] }),
              inline('logs', { actions: ['logs:*'] }),
              inline('scoped-s3', { actions: ['s3:*'], resources: ['arn:aws:s3:::app-bucket', 'arn:aws:s3:::app-bucket/*'] }),
              inline('deny-iam', { effect: 'Deny', actions: ['iam:*'] }),
              inline('prefix-wildcard', { actions: ['iam:Get*', 's3*', 'sts:AssumeRole'] }),
            ],
          }),
        ),
      ],
    },
    expected: [
      {
        status: 'pass',
        arn: arn('role', 'app'),
        evidence: { principal: arn('role', 'app'), inlinePolicies: ['deny-iam', 'logs', 'prefix-wildcard', 'read', 'scoped-s3'], wildcardGrants: [] },
        message: 'IAM role app has no inline policy granting * on a sensitive service.',
      },
    ],
  },
  {
    name: 'user with s3:* on *',
    input: { iamUsers: [userWith('alice', [inline('s3-all', { actions: ['s3:*'] })])] },
    expected: [
      {
        status: 'fail',
        arn: arn('user', 'alice'),
        evidence: { principal: arn('user', 'alice'), inlinePolicies: ['s3-all'], wildcardGrants: [{ policy: 's3-all', service: 's3', actions: ['s3:*'] }] },
        message: 'IAM user alice has inline policies granting * on sensitive services: s3-all (s3).',
      },
    ],
  },
  {
    name: 'any case, several statements, and a condition does not narrow it',
    input: {
      iamGroups: [
        iamGroup(
          'ops',
          grants({
            inline: [
              inline(
                'ops',
                { actions: ['IAM:*', 'ec2:Describe*'] },
                { actions: ['iam:*', 'Kms:*'], resources: ['arn:aws:kms:*:*:key/*', '*'], conditions: { StringEquals: { 'aws:RequestedRegion': ['ap-south-1'] } } },
              ),
            ],
          }),
        ),
      ],
    },
    expected: [
      {
        status: 'fail',
        arn: arn('group', 'ops'),
        evidence: {
          principal: arn('group', 'ops'),
          inlinePolicies: ['ops'],
          wildcardGrants: [
            { policy: 'ops', service: 'iam', actions: ['IAM:*', 'iam:*'] },
            { policy: 'ops', service: 'kms', actions: ['Kms:*'] },
          ],
        },
        message: 'IAM group ops has inline policies granting * on sensitive services: ops (iam, kms).',
      },
    ],
  },
  {
    name: 'Action * grants * on every sensitive service',
    input: { iamRoles: [iamRole('admin', grants({ inline: [inline('everything', { actions: ['*'] })] }))] },
    expected: [
      {
        status: 'fail',
        arn: arn('role', 'admin'),
        evidence: {
          principal: arn('role', 'admin'),
          inlinePolicies: ['everything'],
          wildcardGrants: DEFAULT_SERVICES.map((service) => ({ policy: 'everything', service, actions: ['*'] })),
        },
      },
    ],
  },
  {
    name: 'services param: only the listed services count',
    input: {
      iamRoles: [iamRole('etl', grants({ inline: [inline('b', { actions: ['glue:*', 's3:*'] }), inline('a', { actions: ['*:*'] })] }))],
    },
    params: { services: ['Glue'] },
    expected: [
      {
        status: 'fail',
        arn: arn('role', 'etl'),
        evidence: {
          principal: arn('role', 'etl'),
          inlinePolicies: ['a', 'b'],
          wildcardGrants: [
            { policy: 'a', service: 'glue', actions: ['*:*'] },
            { policy: 'b', service: 'glue', actions: ['glue:*'] },
          ],
        },
        message: 'IAM role etl has inline policies granting * on sensitive services: a (glue); b (glue).',
      },
    ],
  },
  {
    name: 'a non-sensitive service',
    input: { iamRoles: [iamRole('logger', grants({ inline: [inline('logs', { actions: ['logs:*', 'cloudwatch:*'] })] }))] },
    expected: [{ status: 'pass', arn: arn('role', 'logger') }],
  },
  {
    name: 'managed policies only: no inline policy',
    input: { iamRoles: [iamRole('admin', grants({ attached: [ADMIN_POLICY] }))], iamUsers: [userWith('bob', [])], iamGroups: [iamGroup('empty')] },
    expected: [
      { status: 'not_applicable', arn: arn('group', 'empty'), evidence: { principal: arn('group', 'empty'), inlinePolicies: [] }, message: 'IAM group empty has no inline policy.' },
      { status: 'not_applicable', arn: arn('role', 'admin') },
      { status: 'not_applicable', arn: arn('user', 'bob') },
    ],
  },
  {
    name: "a user's grants could not be read",
    input: { iamUsers: [iamUser('carol', { grants: { ok: false, error: callError('iam:GetAccountAuthorizationDetails', 'global') } })] },
    expected: [{ status: 'error', arn: arn('user', 'carol'), evidence: { failedCalls: [deniedDetails] } }],
  },
  {
    name: 'GetAccountAuthorizationDetails denied: no principals to judge',
    input: { iamUsers: [], failed: ['iam:GetAccountAuthorizationDetails'] },
    expected: [{ status: 'error', arn: `arn:aws:iam::${ACCOUNT}:*`, evidence: { failedCalls: [deniedDetails] } }],
  },
  {
    name: 'credential report denied: users unknown, never a pass',
    input: { iamRoles: [iamRole('app', grants({ inline: [inline('read', { actions: ['s3:GetObject'] })] }))], failed: ['iam:GetCredentialReport'] },
    expected: [{ status: 'error', arn: arn('role', 'app') }],
  },
  {
    name: 'one result per principal, sorted by ARN',
    input: {
      iamUsers: [userWith('dave', [inline('ok', { actions: ['s3:GetObject'] })])],
      iamGroups: [iamGroup('devs', grants({ inline: [inline('sts', { actions: ['sts:*'] })] }))],
      iamRoles: [iamRole('ci', grants({ inline: [inline('ok', { actions: ['ecr:*'] })] }))],
    },
    expected: [
      { status: 'fail', arn: arn('group', 'devs') },
      { status: 'pass', arn: arn('role', 'ci') },
      { status: 'pass', arn: arn('user', 'dave') },
    ],
  },
  { name: 'no principals: nothing in scope', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:iam::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, params, expected }) => {
    const results = runCheck(check, input, params);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
      if (e.message !== undefined) expect(results[i]?.message).toBe(e.message);
    });
  });

  it('keeps each principal its own resource type', () => {
    const results = runCheck(check, { iamUsers: [userWith('u', [])], iamGroups: [iamGroup('g')], iamRoles: [iamRole('r')] });
    expect(results.map((r) => r.resource.type)).toEqual(['AWS::IAM::Group', 'AWS::IAM::Role', 'AWS::IAM::User']);
  });
});
