import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-cloudshell-full-access-restricted.js';
import type { Status } from '../../src/checks/types.js';
import type { AttachedPolicy } from '../../src/inventory/types.js';
import { ACCOUNT, failedCall, grants, iamGroup, iamRole, iamUser, runCheck, type InventoryInput } from '../helpers/check-harness.js';

const ACCOUNT_ARN = `arn:aws:iam::${ACCOUNT}:account`;
const CLOUDSHELL: AttachedPolicy = { arn: 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess', name: 'AWSCloudShellFullAccess', awsManaged: true };
const READONLY: AttachedPolicy = { arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', name: 'ReadOnlyAccess', awsManaged: true };

type Case = { name: string; input: InventoryInput; expected: { status: Status; evidence?: unknown } };

const cases: Case[] = [
  { name: 'nobody holds it', input: { iamGroups: [iamGroup('ops', grants({ attached: [READONLY] }))] }, expected: { status: 'pass', evidence: { attachedTo: [] } } },
  {
    name: 'a group and a user hold it',
    input: {
      iamGroups: [iamGroup('developers', grants({ attached: [CLOUDSHELL] }))],
      iamUsers: [iamUser('dev1', { grants: { ok: true, value: { attached: [CLOUDSHELL], inline: [], groups: [] } } })],
    },
    expected: { status: 'fail', evidence: { attachedTo: [`arn:aws:iam::${ACCOUNT}:group/developers`, `arn:aws:iam::${ACCOUNT}:user/dev1`] } },
  },
  { name: 'a role holds it', input: { iamRoles: [iamRole('support', grants({ attached: [CLOUDSHELL] }))] }, expected: { status: 'fail' } },
  { name: 'a user\'s policies could not be read', input: { iamUsers: [iamUser('x', { grants: failedCall('iam:GetAccountAuthorizationDetails', 'x', 'global') })] }, expected: { status: 'error' } },
  { name: 'authorization details denied', input: { failed: ['iam:GetAccountAuthorizationDetails'] }, expected: { status: 'error' } },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, expected }) => {
    const results = runCheck(check, input);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual([[expected.status, ACCOUNT_ARN]]);
    if (expected.evidence !== undefined) expect(results[0]?.evidence).toEqual(expected.evidence);
  });

  it('has no not_applicable: the account is always in scope', () => {
    expect(runCheck(check, {}).map((r) => r.status)).toEqual(['pass']);
  });
});
