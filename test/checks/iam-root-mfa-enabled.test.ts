import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-root-mfa-enabled.js';
import type { Status } from '../../src/checks/types.js';
import { rootUser, runCheck, type InventoryInput } from '../helpers/check-harness.js';

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

type Case = { name: string; input: InventoryInput; status: Status; id: string; evidence: unknown; message?: string };

const cases: Case[] = [
  {
    name: 'root with a password and MFA',
    input: { root: rootUser() },
    status: 'pass',
    id: 'root',
    evidence: { passwordEnabled: true, mfaActive: true },
    message: 'The root user has MFA enabled',
  },
  {
    name: 'root without a password but with MFA',
    input: { root: rootUser({ passwordEnabled: false }) },
    status: 'pass',
    id: 'root',
    evidence: { passwordEnabled: false, mfaActive: true },
  },
  {
    name: 'root with a password and no MFA',
    input: { root: rootUser({ mfaActive: false, passwordLastUsed: '2026-11-01T10:00:00Z' }) },
    status: 'fail',
    id: 'root',
    evidence: { passwordEnabled: true, mfaActive: false },
    message: 'The root user has a password and no MFA',
  },
  {
    name: 'root password removed (centralised root access), no MFA',
    input: { root: rootUser({ passwordEnabled: false, mfaActive: false }) },
    status: 'not_applicable',
    id: 'root',
    evidence: { passwordEnabled: false, mfaActive: false },
  },
  {
    name: 'a failed password-policy call is not required',
    input: { root: rootUser(), failed: ['iam:GetAccountPasswordPolicy'] },
    status: 'pass',
    id: 'root',
    evidence: { passwordEnabled: true, mfaActive: true },
  },
  {
    name: 'credential report denied',
    input: { failed: ['iam:GetCredentialReport'] },
    status: 'error',
    id: '*',
    evidence: { failedCalls: [denied('iam:GetCredentialReport')] },
  },
  {
    name: 'credential report denied, never a pass',
    input: { root: rootUser(), failed: ['iam:GetCredentialReport'] },
    status: 'error',
    id: 'root',
    evidence: { failedCalls: [denied('iam:GetCredentialReport')], unverifiedOutcome: 'pass' },
  },
  {
    name: 'report read but without a root row',
    input: {},
    status: 'not_applicable',
    id: '*',
    evidence: {},
    message: 'no resources in scope',
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, status, id, evidence, message }) => {
    const results = runCheck(check, input);
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe(status);
    expect(results[0]?.resource.id).toBe(id);
    expect(results[0]?.resource.region).toBe('global');
    expect(results[0]?.evidence).toEqual(evidence);
    if (message !== undefined) expect(results[0]?.message).toBe(message);
  });

  it('takes no params', () => {
    expect(ajv.validate(check.schema, check.defaults)).toBe(true);
    expect(ajv.validate(check.schema, { strict: true })).toBe(false);
  });
});
