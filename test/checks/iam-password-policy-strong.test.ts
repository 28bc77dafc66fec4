import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-password-policy-strong.js';
import type { Status } from '../../src/checks/types.js';
import type { PasswordPolicySettings } from '../../src/inventory/types.js';
import { iamUser, passwordPolicy, runCheck, type InventoryInput } from '../helpers/check-harness.js';

// The options of src/schemas.ts, where check params are validated.
const ajv = new Ajv({ strict: true, strictRequired: false });

/** The evidence of a call denied by IAM, as the runner and error() record it. */
const denied = (op: string) => ({
  call: op,
  region: 'global',
  code: 'AccessDenied',
  message: `User is not authorized to perform: ${op}`,
  requiredPermission: op,
});

type Params = typeof check.defaults;

/** A policy that meets every default exactly. */
const strong: PasswordPolicySettings = {
  minimumLength: 14,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
  reusePrevention: 24,
  maxAgeDays: 90,
  expirePasswords: true,
};
const consoleUser = iamUser('alice', { passwordEnabled: true });
const keyOnlyUser = iamUser('svc-deploy', { accessKeys: [{ slot: 1, active: true }, { slot: 2, active: false }] });

/** An account with one console user and `settings` as its password policy. */
const account = (settings: Partial<PasswordPolicySettings> | null | 'failed', extra: InventoryInput = {}): InventoryInput => ({
  iamUsers: [consoleUser, keyOnlyUser],
  passwordPolicy: passwordPolicy(settings),
  ...extra,
});

type Case = { name: string; input: InventoryInput; params?: Partial<Params>; status: Status; evidence: unknown; message?: string };

const cases: Case[] = [
  {
    name: 'policy meets every default exactly',
    input: account(strong),
    status: 'pass',
    evidence: { policy: strong },
    message:
      'The account password policy meets every requirement judged: minimumLength >= 14, requireUppercase, requireLowercase, requireNumbers, requireSymbols, reusePrevention >= 24, maxAgeDays <= 90',
  },
  {
    name: 'policy exceeds every default',
    input: account({ ...strong, minimumLength: 20, maxAgeDays: 30 }),
    status: 'pass',
    evidence: { policy: { ...strong, minimumLength: 20, maxAgeDays: 30 } },
  },
  {
    name: 'passwords expire one day too late',
    input: account({ ...strong, maxAgeDays: 91 }),
    status: 'fail',
    evidence: { unmetRequirements: [{ requirement: 'maxAgeDays', wanted: 90, actual: 91 }] },
    message: 'The account password policy does not meet maxAgeDays',
  },
  {
    name: 'minimum length one short, reuse prevention too low',
    input: account({ ...strong, minimumLength: 13, reusePrevention: 5 }),
    status: 'fail',
    evidence: {
      unmetRequirements: [
        { requirement: 'minimumLength', wanted: 14, actual: 13 },
        { requirement: 'reusePrevention', wanted: 24, actual: 5 },
      ],
    },
  },
  {
    name: 'passwords never expire (MaxPasswordAge 0)',
    input: account({ ...strong, maxAgeDays: 0, expirePasswords: false }),
    status: 'fail',
    evidence: { unmetRequirements: [{ requirement: 'maxAgeDays', wanted: 90, actual: 0 }] },
  },
  {
    name: 'an empty policy misses everything, sorted by requirement',
    input: account({}),
    status: 'fail',
    evidence: {
      unmetRequirements: [
        { requirement: 'maxAgeDays', wanted: 90, actual: null },
        { requirement: 'minimumLength', wanted: 14, actual: null },
        { requirement: 'requireLowercase', wanted: true, actual: false },
        { requirement: 'requireNumbers', wanted: true, actual: false },
        { requirement: 'requireSymbols', wanted: true, actual: false },
        { requirement: 'requireUppercase', wanted: true, actual: false },
        { requirement: 'reusePrevention', wanted: 24, actual: null },
      ],
    },
  },
  {
    name: 'no password policy at all',
    input: account(null),
    status: 'fail',
    evidence: { policy: null },
    message: 'The account has no IAM password policy',
  },
  {
    name: 'no password policy, every param off',
    input: account(null),
    params: {
      minimumLength: 0,
      requireUppercase: false,
      requireLowercase: false,
      requireLetters: false,
      requireNumbers: false,
      requireSymbols: false,
      reusePrevention: 0,
      maxAgeDays: 0,
    },
    status: 'fail',
    evidence: { policy: null },
  },
  {
    name: 'requireLetters: lowercase alone suffices',
    input: account({ ...strong, requireUppercase: false }),
    params: { requireUppercase: false, requireLowercase: false, requireLetters: true },
    status: 'pass',
    evidence: { policy: { ...strong, requireUppercase: false } },
  },
  {
    name: 'requireLetters: neither case required',
    input: account({ ...strong, requireUppercase: false, requireLowercase: false }),
    params: { requireUppercase: false, requireLowercase: false, requireLetters: true },
    status: 'fail',
    evidence: { unmetRequirements: [{ requirement: 'requireLetters', wanted: true, actual: false }] },
  },
  {
    name: '0 means not required for length, reuse and age',
    input: account({ requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true }),
    params: { minimumLength: 0, reusePrevention: 0, maxAgeDays: 0 },
    status: 'pass',
    evidence: {
      policy: { requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true, expirePasswords: false },
    },
  },
  {
    // PCI DSS 8.3.7 (issue 11): reuse judged on its own, so a short, never-expiring policy passes it.
    name: 'only reusePrevention judged: length and expiry unmet do not count',
    input: account({ minimumLength: 8, reusePrevention: 5, requireNumbers: true }),
    params: { minimumLength: 0, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false, reusePrevention: 4, maxAgeDays: 0 },
    status: 'pass',
    evidence: { policy: { minimumLength: 8, reusePrevention: 5, requireNumbers: true, requireSymbols: false, requireUppercase: false, requireLowercase: false, expirePasswords: false } },
    message: 'The account password policy meets every requirement judged: reusePrevention >= 4',
  },
  {
    name: 'a stricter param fails a default-strength policy',
    input: account(strong),
    params: { minimumLength: 16 },
    status: 'fail',
    evidence: { unmetRequirements: [{ requirement: 'minimumLength', wanted: 16, actual: 14 }] },
  },
  {
    name: 'no IAM user has a console password',
    input: account(null, { iamUsers: [keyOnlyUser] }),
    status: 'not_applicable',
    evidence: { usersWithConsolePassword: 0 },
    message: 'No IAM user has a console password',
  },
  {
    name: 'no IAM users at all',
    input: account({}, { iamUsers: [] }),
    status: 'not_applicable',
    evidence: { usersWithConsolePassword: 0 },
  },
  {
    name: 'password policy denied',
    input: account('failed', { failed: ['iam:GetAccountPasswordPolicy'] }),
    status: 'error',
    evidence: { failedCalls: [denied('iam:GetAccountPasswordPolicy')] },
    message: 'could not read iam:GetAccountPasswordPolicy: AccessDenied',
  },
  {
    name: 'credential report denied: who has a password is unknown',
    input: account(strong, { iamUsers: [], failed: ['iam:GetCredentialReport'] }),
    status: 'error',
    evidence: { failedCalls: [denied('iam:GetCredentialReport')], unverifiedOutcome: 'not_applicable' },
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, params, status, evidence, message }) => {
    const results = runCheck(check, input, params);
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe(status);
    expect(results[0]?.resource.id).toBe('account-password-policy');
    expect(results[0]?.evidence).toEqual(evidence);
    if (message !== undefined) expect(results[0]?.message).toBe(message);
  });

  it.each([
    { name: 'the defaults', params: check.defaults, valid: true },
    { name: 'the extremes', params: { ...check.defaults, minimumLength: 128, reusePrevention: 24, maxAgeDays: 1095 }, valid: true },
    { name: 'minimumLength 129', params: { ...check.defaults, minimumLength: 129 }, valid: false },
    { name: 'reusePrevention 25', params: { ...check.defaults, reusePrevention: 25 }, valid: false },
    { name: 'maxAgeDays 1096', params: { ...check.defaults, maxAgeDays: 1096 }, valid: false },
    { name: 'a negative length', params: { ...check.defaults, minimumLength: -1 }, valid: false },
    { name: 'a fractional age', params: { ...check.defaults, maxAgeDays: 90.5 }, valid: false },
    { name: 'an unknown param', params: { ...check.defaults, requireMfa: true }, valid: false },
  ])('schema: $name valid=$valid', ({ params, valid }) => {
    expect(ajv.validate(check.schema, params)).toBe(valid);
  });
});
