/**
 * PCI DSS 8.3.9 (issue 11): a 90-day password change only where the password
 * is the only factor. Before, 8.3.9 shared one password-policy result with
 * 8.3.6 and 8.3.7, so accounts whose console users all have MFA failed it on
 * a missing expiry they are not required to have.
 */
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-user-single-factor-password-expires.js';
import type { Status } from '../../src/checks/types.js';
import type { PasswordPolicySettings } from '../../src/inventory/types.js';
import { iamUser, passwordPolicy, runCheck, type InventoryInput } from '../helpers/check-harness.js';

const withMfa = iamUser('alice', { passwordEnabled: true, mfaActive: true, passwordLastChanged: '2026-01-05T00:00:00Z' });
const passwordOnly = iamUser('bob', { passwordEnabled: true, mfaActive: false, passwordLastChanged: '2025-03-01T00:00:00Z' });
const keysOnly = iamUser('svc-ci', { accessKeys: [{ slot: 1, active: true }, { slot: 2, active: false }] });

const account = (settings: Partial<PasswordPolicySettings> | null | 'failed', users = [passwordOnly], extra: InventoryInput = {}): InventoryInput => ({
  iamUsers: users,
  passwordPolicy: passwordPolicy(settings),
  ...extra,
});

type Case = { name: string; input: InventoryInput; params?: { maxAgeDays: number }; status: Status; evidence?: unknown; message?: string };

const bob = { mfaActive: false, passwordLastChanged: '2025-03-01T00:00:00Z', maxAgeDays: 90 };

const cases: Case[] = [
  {
    name: 'password-only user, passwords expire after 90 days',
    input: account({ maxAgeDays: 90, expirePasswords: true }),
    status: 'pass',
    evidence: { ...bob, policyMaxAgeDays: 90 },
    message: 'IAM user bob signs in with a password only, which expires after 90 days.',
  },
  {
    name: 'password-only user, passwords expire after 30 days',
    input: account({ maxAgeDays: 30, expirePasswords: true }),
    status: 'pass',
    evidence: { ...bob, policyMaxAgeDays: 30 },
  },
  {
    name: 'password-only user, passwords expire after 91 days',
    input: account({ maxAgeDays: 91, expirePasswords: true }),
    status: 'fail',
    evidence: { ...bob, policyMaxAgeDays: 91 },
    message: 'IAM user bob signs in with a password only, which expires after 91 days (more than 90).',
  },
  {
    name: 'password-only user, passwords never expire',
    input: account({ minimumLength: 14 }),
    status: 'fail',
    evidence: { ...bob, policyMaxAgeDays: null },
    message: 'IAM user bob signs in with a password only and the password policy never expires passwords.',
  },
  {
    name: 'password-only user, MaxPasswordAge 0',
    input: account({ maxAgeDays: 0 }),
    status: 'fail',
    evidence: { ...bob, policyMaxAgeDays: null },
  },
  {
    name: 'password-only user, no password policy',
    input: account(null),
    status: 'fail',
    evidence: { ...bob, policyMaxAgeDays: null },
    message: 'IAM user bob signs in with a password only and the account has no password policy.',
  },
  {
    name: 'the user has MFA: not required, whatever the policy',
    input: account(null, [withMfa]),
    status: 'not_applicable',
    evidence: { mfaActive: true, passwordLastChanged: '2026-01-05T00:00:00Z', maxAgeDays: 90 },
    message: 'IAM user alice signs in with MFA: the password is not the only factor.',
  },
  {
    name: 'maxAgeDays param: 60 fails a 90-day policy',
    input: account({ maxAgeDays: 90, expirePasswords: true }),
    params: { maxAgeDays: 60 },
    status: 'fail',
    evidence: { ...bob, maxAgeDays: 60, policyMaxAgeDays: 90 },
  },
  {
    name: 'password policy denied',
    input: account('failed', [passwordOnly], { failed: ['iam:GetAccountPasswordPolicy'] }),
    status: 'error',
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, params, status, evidence, message }) => {
    const results = runCheck(check, input, params);
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe(status);
    if (status !== 'error') expect(results[0]?.evidence).toEqual(evidence);
    if (message !== undefined) expect(results[0]?.message).toBe(message);
  });

  it('judges only users with a console password, each on its own', () => {
    const results = runCheck(check, account({}, [withMfa, passwordOnly, keysOnly]));
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([
      ['alice', 'not_applicable'],
      ['bob', 'fail'],
    ]);
  });

  it('is not_applicable when no user has a console password', () => {
    expect(runCheck(check, account({}, [keysOnly])).map((r) => r.status)).toEqual(['not_applicable']);
  });

  it('is error, not pass, when the credential report was denied', () => {
    const results = runCheck(check, account({ maxAgeDays: 90 }, [], { failed: ['iam:GetCredentialReport'] }));
    expect(results.map((r) => r.status)).toEqual(['error']);
  });
});
