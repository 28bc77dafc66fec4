import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-user-console-mfa.js';
import type { Status } from '../../src/checks/types.js';
import { iamUser, runCheck, type InventoryInput } from '../helpers/check-harness.js';

// The options of src/schemas.ts, where check params are validated.
const ajv = new Ajv({ strict: true, strictRequired: false });

const denied = (op: string) => ({
  call: op,
  region: 'global',
  code: 'AccessDenied',
  message: `User is not authorized to perform: ${op}`,
  requiredPermission: op,
});

type Case = { name: string; input: InventoryInput; status: Status; id: string; evidence: unknown; message?: string };

const cases: Case[] = [
  {
    name: 'console password and MFA',
    input: { iamUsers: [iamUser('alice', { passwordEnabled: true, mfaActive: true })] },
    status: 'pass',
    id: 'alice',
    evidence: { passwordEnabled: true, mfaActive: true },
    message: 'alice has a console password and MFA',
  },
  {
    name: 'console password, no MFA',
    input: { iamUsers: [iamUser('bob', { passwordEnabled: true, passwordLastUsed: '2026-11-18T09:00:00Z' })] },
    status: 'fail',
    id: 'bob',
    evidence: { passwordEnabled: true, mfaActive: false },
    message: 'bob has a console password and no MFA',
  },
  {
    name: 'console password never used, no MFA',
    input: { iamUsers: [iamUser('carol', { passwordEnabled: true })] },
    status: 'fail',
    id: 'carol',
    evidence: { passwordEnabled: true, mfaActive: false },
  },
  {
    name: 'access keys only, no MFA',
    input: { iamUsers: [iamUser('svc-deploy', { accessKeys: [{ slot: 1, active: true }, { slot: 2, active: false }] })] },
    status: 'not_applicable',
    id: 'svc-deploy',
    evidence: { passwordEnabled: false, mfaActive: false },
    message: 'svc-deploy has no console password',
  },
  {
    name: 'no console password, MFA anyway',
    input: { iamUsers: [iamUser('dave', { mfaActive: true })] },
    status: 'not_applicable',
    id: 'dave',
    evidence: { passwordEnabled: false, mfaActive: true },
  },
  { name: 'no IAM users', input: { iamUsers: [] }, status: 'not_applicable', id: '*', evidence: {} },
  {
    name: 'credential report denied',
    input: { iamUsers: [], failed: ['iam:GetCredentialReport'] },
    status: 'error',
    id: '*',
    evidence: { failedCalls: [denied('iam:GetCredentialReport')] },
  },
  {
    name: 'credential report denied, never a pass',
    input: { iamUsers: [iamUser('alice', { passwordEnabled: true, mfaActive: true })], failed: ['iam:GetCredentialReport'] },
    status: 'error',
    id: 'alice',
    evidence: { failedCalls: [denied('iam:GetCredentialReport')], unverifiedOutcome: 'pass' },
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, status, id, evidence, message }) => {
    const results = runCheck(check, input);
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe(status);
    expect(results[0]?.resource.id).toBe(id);
    expect(results[0]?.evidence).toEqual(evidence);
    if (message !== undefined) expect(results[0]?.message).toBe(message);
  });

  it('gives one result per user, sorted by ARN', () => {
    const users = [
      iamUser('zoe', { passwordEnabled: true }),
      iamUser('adam', { passwordEnabled: true, mfaActive: true }),
      iamUser('svc'),
    ];
    const results = runCheck(check, { iamUsers: users });
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([
      ['adam', 'pass'],
      ['svc', 'not_applicable'],
      ['zoe', 'fail'],
    ]);
  });

  it('takes no params', () => {
    expect(ajv.validate(check.schema, check.defaults)).toBe(true);
    expect(ajv.validate(check.schema, { exempt: ['bob'] })).toBe(false);
  });
});
