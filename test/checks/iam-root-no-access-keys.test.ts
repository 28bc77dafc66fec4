import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-root-no-access-keys.js';
import type { Status } from '../../src/checks/types.js';
import type { AccessKeyInfo } from '../../src/inventory/types.js';
import { rootUser, runCheck, type InventoryInput } from '../helpers/check-harness.js';

// The options of src/schemas.ts, where check params are validated.
const ajv = new Ajv({ strict: true, strictRequired: false });

const denied = (op: string) => ({
  call: op,
  region: 'global',
  code: 'AccessDenied',
  message: `User is not authorized to perform: ${op}`,
  requiredPermission: op,
});

const inactive = (slot: 1 | 2): AccessKeyInfo => ({ slot, active: false });

type Case = { name: string; input: InventoryInput; status: Status; id: string; evidence: unknown; message?: string };

const cases: Case[] = [
  { name: 'no access keys', input: { root: rootUser() }, status: 'pass', id: 'root', evidence: { activeKeys: [] } },
  {
    name: 'a deactivated key that was used',
    input: {
      root: rootUser({
        accessKeys: [{ slot: 1, active: false, lastRotated: '2019-03-01T00:00:00Z', lastUsed: '2020-01-01T00:00:00Z' }, inactive(2)],
      }),
    },
    status: 'pass',
    id: 'root',
    evidence: { activeKeys: [] },
    message: 'The root user has no active access key',
  },
  {
    name: 'an active key in slot 1',
    input: {
      root: rootUser({
        accessKeys: [{ slot: 1, active: true, lastRotated: '2019-03-01T00:00:00Z', lastUsed: '2026-11-19T08:00:00Z' }, inactive(2)],
      }),
    },
    status: 'fail',
    id: 'root',
    evidence: { activeKeys: [{ slot: 1, lastRotated: '2019-03-01T00:00:00Z', lastUsed: '2026-11-19T08:00:00Z' }] },
    message: 'The root user has an active access key in slot 1',
  },
  {
    name: 'two active keys, never used',
    input: {
      root: rootUser({
        accessKeys: [
          { slot: 1, active: true, lastRotated: '2024-05-01T00:00:00Z' },
          { slot: 2, active: true, lastRotated: '2025-05-01T00:00:00Z' },
        ],
      }),
    },
    status: 'fail',
    id: 'root',
    evidence: {
      activeKeys: [
        { slot: 1, lastRotated: '2024-05-01T00:00:00Z', lastUsed: null },
        { slot: 2, lastRotated: '2025-05-01T00:00:00Z', lastUsed: null },
      ],
    },
    message: 'The root user has active access keys in slots 1 and 2',
  },
  {
    name: 'an active key although the root password was removed',
    input: { root: rootUser({ passwordEnabled: false, accessKeys: [inactive(1), { slot: 2, active: true }] }) },
    status: 'fail',
    id: 'root',
    evidence: { activeKeys: [{ slot: 2, lastRotated: null, lastUsed: null }] },
  },
  {
    name: 'credential report denied',
    input: { failed: ['iam:GetCredentialReport'] },
    status: 'error',
    id: '*',
    evidence: { failedCalls: [denied('iam:GetCredentialReport')] },
  },
  {
    name: 'credential report throttled, never a pass',
    input: { root: rootUser(), failed: [{ op: 'iam:GetCredentialReport', code: 'Throttling' }] },
    status: 'error',
    id: 'root',
    evidence: { failedCalls: [{ ...denied('iam:GetCredentialReport'), code: 'Throttling' }], unverifiedOutcome: 'pass' },
  },
  { name: 'report read but without a root row', input: {}, status: 'not_applicable', id: '*', evidence: {} },
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

  it('takes no params', () => {
    expect(ajv.validate(check.schema, check.defaults)).toBe(true);
    expect(ajv.validate(check.schema, { slots: [1] })).toBe(false);
  });
});
