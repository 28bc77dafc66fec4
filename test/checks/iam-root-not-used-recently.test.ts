import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-root-not-used-recently.js';
import type { Status } from '../../src/checks/types.js';
import type { AccessKeyInfo } from '../../src/inventory/types.js';
import { ACCOUNT, rootUser, runCheck, type InventoryInput } from '../helpers/check-harness.js';

// NOW is 2026-11-20T00:00:00Z.
const ROOT_ARN = `arn:aws:iam::${ACCOUNT}:root`;
const noKeys: AccessKeyInfo[] = [
  { slot: 1, active: false },
  { slot: 2, active: false },
];
const keysEvidence = (k1: string | null = null, k2: string | null = null, active: [boolean, boolean] = [false, false]) => [
  { slot: 1, active: active[0], lastUsed: k1 },
  { slot: 2, active: active[1], lastUsed: k2 },
];

type Case = {
  name: string;
  input: InventoryInput;
  params?: { days: number };
  expected: { status: Status; id: string; evidence?: unknown; message?: string };
};

const cases: Case[] = [
  {
    name: 'never used',
    input: { root: rootUser() },
    expected: {
      status: 'pass',
      id: 'root',
      evidence: { days: 90, passwordLastUsed: null, accessKeysLastUsed: keysEvidence(), recentUses: [] },
      message: 'The root user has never been used.',
    },
  },
  {
    name: 'password and a deleted key last used long ago',
    input: {
      root: rootUser({
        passwordLastUsed: '2026-01-10T08:00:00Z',
        accessKeys: [{ slot: 1, active: false, lastRotated: '2020-01-01T00:00:00Z', lastUsed: '2025-06-01T00:00:00Z' }, { slot: 2, active: false }],
      }),
    },
    expected: {
      status: 'pass',
      id: 'root',
      evidence: { days: 90, passwordLastUsed: '2026-01-10T08:00:00Z', accessKeysLastUsed: keysEvidence('2025-06-01T00:00:00Z'), recentUses: [] },
      message: 'The root user was last used more than 90 days ago.',
    },
  },
  {
    name: 'signed in 91 whole days ago',
    input: { root: rootUser({ passwordLastUsed: '2026-08-21T00:00:00Z' }) },
    expected: { status: 'pass', id: 'root' },
  },
  {
    name: 'signed in exactly 90 days ago',
    input: { root: rootUser({ passwordLastUsed: '2026-08-22T00:00:00Z' }) },
    expected: {
      status: 'fail',
      id: 'root',
      evidence: {
        days: 90,
        passwordLastUsed: '2026-08-22T00:00:00Z',
        accessKeysLastUsed: keysEvidence(),
        recentUses: [{ credential: 'password', lastUsed: '2026-08-22T00:00:00Z', daysAgo: 90 }],
      },
      message: 'The root user was used within 90 days: it signed in with its password 90 days ago (2026-08-22T00:00:00Z).',
    },
  },
  {
    name: 'password and an active key used recently',
    input: {
      root: rootUser({
        passwordLastUsed: '2026-11-19T10:00:00Z',
        accessKeys: [{ slot: 1, active: false }, { slot: 2, active: true, lastRotated: '2024-01-01T00:00:00Z', lastUsed: '2026-11-01T00:00:00Z' }],
      }),
    },
    expected: {
      status: 'fail',
      id: 'root',
      evidence: {
        days: 90,
        passwordLastUsed: '2026-11-19T10:00:00Z',
        accessKeysLastUsed: keysEvidence(null, '2026-11-01T00:00:00Z', [false, true]),
        recentUses: [
          { credential: 'password', lastUsed: '2026-11-19T10:00:00Z', daysAgo: 0 },
          { credential: 'accessKey', slot: 2, lastUsed: '2026-11-01T00:00:00Z', daysAgo: 19 },
        ],
      },
      message:
        'The root user was used within 90 days: it signed in with its password 0 days ago (2026-11-19T10:00:00Z) and used access key 2 19 days ago (2026-11-01T00:00:00Z).',
    },
  },
  {
    name: 'a key deactivated after recent use still counts',
    input: { root: rootUser({ accessKeys: [{ slot: 1, active: false, lastUsed: '2026-10-01T00:00:00Z' }, noKeys[1]!] }) },
    expected: {
      status: 'fail',
      id: 'root',
      evidence: {
        days: 90,
        passwordLastUsed: null,
        accessKeysLastUsed: keysEvidence('2026-10-01T00:00:00Z'),
        recentUses: [{ credential: 'accessKey', slot: 1, lastUsed: '2026-10-01T00:00:00Z', daysAgo: 50 }],
      },
    },
  },
  {
    name: 'days param widens the window',
    input: { root: rootUser({ passwordLastUsed: '2026-05-01T00:00:00Z' }) },
    params: { days: 365 },
    expected: { status: 'fail', id: 'root' },
  },
  {
    name: 'days param narrows the window',
    input: { root: rootUser({ passwordLastUsed: '2026-11-01T00:00:00Z' }) },
    params: { days: 7 },
    expected: { status: 'pass', id: 'root' },
  },
  {
    name: 'credential report denied',
    input: { failed: ['iam:GetCredentialReport'] },
    expected: {
      status: 'error',
      id: '*',
      evidence: {
        failedCalls: [
          {
            call: 'iam:GetCredentialReport',
            region: 'global',
            code: 'AccessDenied',
            message: 'User is not authorized to perform: iam:GetCredentialReport',
            requiredPermission: 'iam:GetCredentialReport',
          },
        ],
      },
    },
  },
  { name: 'no root row: nothing in scope', input: {}, expected: { status: 'not_applicable', id: '*' } },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, params, expected }) => {
    const results = runCheck(check, input, params);
    expect(results.map((r) => [r.status, r.resource.id])).toEqual([[expected.status, expected.id]]);
    if (expected.id === 'root') expect(results[0]?.resource.arn).toBe(ROOT_ARN);
    if (expected.evidence !== undefined) expect(results[0]?.evidence).toEqual(expected.evidence);
    if (expected.message !== undefined) expect(results[0]?.message).toBe(expected.message);
  });
});
