/**
 * MAS Notice 655 para 4.1 (issue 11): every administrative account secured.
 * Before, the control looked only at policies attached to users themselves,
 * so "*:*" reached through a group or held by a role went unseen.
 */
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-admin-principals-secured.js';
import type { Status } from '../../src/checks/types.js';
import type { IamUser } from '../../src/inventory/types.js';
import { ACCOUNT, ADMIN_POLICY, grants, iamGroup, iamRole, iamUser, policyDoc, runCheck, type InventoryInput } from '../helpers/check-harness.js';

const ok = <T>(value: T) => ({ ok: true as const, value });
const member = (name: string, groups: string[], o: Partial<IamUser> = {}) =>
  iamUser(name, { passwordEnabled: true, mfaActive: true, grants: ok({ attached: [], inline: [], groups }), ...o });

const admins = iamGroup('Admins', grants({ attached: [ADMIN_POLICY] }));
const readers = iamGroup('Readers', grants({ attached: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', name: 'ReadOnlyAccess', awsManaged: true }] }));
const starStar = policyDoc({ actions: ['*'], resources: ['*'] });
const trust = (...statements: Parameters<typeof policyDoc>) => policyDoc(...statements);

type Case = { name: string; input: InventoryInput; params?: Partial<typeof check.defaults>; results: [string, Status][]; evidence?: unknown; message?: string };

const cases: Case[] = [
  {
    name: 'admin through a group, MFA, no keys',
    input: { iamUsers: [member('alice', ['Admins'])], iamGroups: [admins] },
    results: [['alice', 'pass']],
    evidence: { adminVia: ['group Admins: AdministratorAccess (attached)'], passwordEnabled: true, mfaActive: true, activeAccessKeys: [] },
    message: 'IAM user alice has administrator access, signs in with MFA and no active access key.',
  },
  {
    name: 'admin through a group without MFA (missed before issue 11)',
    input: { iamUsers: [member('bob', ['Admins'], { mfaActive: false })], iamGroups: [admins] },
    results: [['bob', 'fail']],
    evidence: { adminVia: ['group Admins: AdministratorAccess (attached)'], passwordEnabled: true, mfaActive: false, activeAccessKeys: [] },
    message: 'IAM user bob has administrator access and a console password without MFA.',
  },
  {
    name: 'admin with MFA and an active access key',
    input: { iamUsers: [member('carol', ['Admins'], { accessKeys: [{ slot: 1, active: true }, { slot: 2, active: false }] })], iamGroups: [admins] },
    results: [['carol', 'fail']],
    message: 'IAM user carol has administrator access and an active access key (not protected by MFA).',
  },
  {
    name: 'allowAccessKeys lets an MFA admin keep a key',
    input: { iamUsers: [member('carol', ['Admins'], { accessKeys: [{ slot: 1, active: true }, { slot: 2, active: false }] })], iamGroups: [admins] },
    params: { allowAccessKeys: true },
    results: [['carol', 'pass']],
  },
  {
    name: 'AdministratorAccess attached to the user itself, key only',
    input: { iamUsers: [iamUser('migrator', { accessKeys: [{ slot: 1, active: true }, { slot: 2, active: true }], grants: ok({ attached: [ADMIN_POLICY], inline: [], groups: [] }) })] },
    results: [['migrator', 'fail']],
    evidence: { adminVia: ['AdministratorAccess (attached)'], passwordEnabled: false, mfaActive: false, activeAccessKeys: [1, 2] },
  },
  {
    name: 'an inline "*" on "*" in a group',
    input: { iamUsers: [member('dave', ['Ops'], { mfaActive: false })], iamGroups: [iamGroup('Ops', grants({ inline: [{ name: 'ops-all', document: starStar }] }))] },
    results: [['dave', 'fail']],
    evidence: { adminVia: ['group Ops: ops-all (inline)'], passwordEnabled: true, mfaActive: false, activeAccessKeys: [] },
  },
  {
    name: 'a non-admin user gives no result',
    input: { iamUsers: [member('erin', ['Readers'], { mfaActive: false })], iamGroups: [readers] },
    results: [['*', 'not_applicable']],
  },
  {
    name: 'admin role trusted by a service',
    input: { iamRoles: [iamRole('cfn-exec', grants({ attached: [ADMIN_POLICY] }), { trustPolicy: trust({ principals: ['Service:cloudformation.amazonaws.com'], actions: ['sts:AssumeRole'] }) })] },
    results: [['cfn-exec', 'pass']],
  },
  {
    name: 'admin role federated through SAML (IAM Identity Center)',
    input: {
      iamRoles: [
        iamRole('AWSReservedSSO_Admin_1', grants({ attached: [ADMIN_POLICY] }), {
          trustPolicy: trust({ principals: [`Federated:arn:aws:iam::${ACCOUNT}:saml-provider/AWSSSO`], actions: ['sts:AssumeRoleWithSAML'], conditions: { StringEquals: { 'SAML:aud': ['https://signin.aws.amazon.com/saml'] } } }),
        }),
      ],
    },
    results: [['AWSReservedSSO_Admin_1', 'pass']],
  },
  {
    name: 'admin role another account may assume only with MFA',
    input: {
      iamRoles: [
        iamRole('MspAdmin', grants({ attached: [ADMIN_POLICY] }), {
          trustPolicy: trust({ principals: ['AWS:arn:aws:iam::111122223333:root'], actions: ['sts:AssumeRole'], conditions: { Bool: { 'aws:MultiFactorAuthPresent': ['true'] } } }),
        }),
      ],
    },
    results: [['MspAdmin', 'pass']],
  },
  {
    name: 'admin role another account may assume without MFA (missed before issue 11)',
    input: { iamRoles: [iamRole('OrganizationAccountAccessRole', grants({ attached: [ADMIN_POLICY] }), { trustPolicy: trust({ principals: ['AWS:arn:aws:iam::111122223333:root'], actions: ['sts:AssumeRole'] }) })] },
    results: [['OrganizationAccountAccessRole', 'fail']],
    evidence: { adminVia: ['AdministratorAccess (attached)'], publicPrincipals: [], assumableWithoutMfa: ['AWS:arn:aws:iam::111122223333:root'] },
    message: 'IAM role OrganizationAccountAccessRole has administrator access and AWS:arn:aws:iam::111122223333:root may assume it without MFA.',
  },
  {
    name: 'BoolIfExists on MFA does not enforce it',
    input: {
      iamRoles: [
        iamRole('Admin', grants({ attached: [ADMIN_POLICY] }), {
          trustPolicy: trust({ principals: ['AWS:arn:aws:iam::111122223333:root'], actions: ['sts:AssumeRole'], conditions: { BoolIfExists: { 'aws:MultiFactorAuthPresent': ['true'] } } }),
        }),
      ],
    },
    results: [['Admin', 'fail']],
  },
  {
    name: 'requireMfaToAssume false accepts a named account',
    input: { iamRoles: [iamRole('OrganizationAccountAccessRole', grants({ attached: [ADMIN_POLICY] }), { trustPolicy: trust({ principals: ['AWS:arn:aws:iam::111122223333:root'], actions: ['sts:AssumeRole'] }) })] },
    params: { requireMfaToAssume: false },
    results: [['OrganizationAccountAccessRole', 'pass']],
  },
  {
    name: 'admin role anyone may assume',
    input: { iamRoles: [iamRole('Open', grants({ inline: [{ name: 'all', document: starStar }] }), { trustPolicy: trust({ principals: ['*'], actions: ['sts:AssumeRole'] }) })] },
    params: { requireMfaToAssume: false },
    results: [['Open', 'fail']],
    evidence: { adminVia: ['all (inline)'], publicPrincipals: ['*'], assumableWithoutMfa: [] },
  },
  {
    name: 'a customer policy without a document on a non-admin user is error, never pass',
    input: { iamUsers: [iamUser('frank', { grants: ok({ attached: [{ arn: `arn:aws:iam::${ACCOUNT}:policy/custom`, name: 'custom', awsManaged: false }], inline: [], groups: [] }) })] },
    results: [['frank', 'error']],
  },
  {
    name: 'an admin role whose trust policy the snapshot lacks is error, never pass',
    input: { iamRoles: [iamRole('NoTrust', grants({ attached: [ADMIN_POLICY] }))] },
    results: [['NoTrust', 'error']],
  },
  {
    name: 'a group the snapshot does not describe is error, never pass',
    input: { iamUsers: [member('gina', ['Ghost'])] },
    results: [['gina', 'error']],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, params, results: expected, evidence, message }) => {
    const results = runCheck(check, input, params);
    expect(results.map((r) => [r.resource.id, r.status])).toEqual(expected);
    if (evidence !== undefined) expect(results[0]?.evidence).toEqual(evidence);
    if (message !== undefined) expect(results[0]?.message).toBe(message);
  });

  it('is error, not pass, when the account authorisation details were denied', () => {
    const results = runCheck(check, { iamUsers: [member('alice', ['Admins'])], iamGroups: [admins], failed: ['iam:GetAccountAuthorizationDetails'] });
    expect(results.map((r) => r.status)).toEqual(['error']);
  });
});
