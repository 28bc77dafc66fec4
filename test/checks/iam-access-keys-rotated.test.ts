import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-access-keys-rotated.js';
import type { Status } from '../../src/checks/types.js';
import type { AccessKeyInfo, IamUser } from '../../src/inventory/types.js';
import { iamUser, NOW, runCheck, type InventoryInput } from '../helpers/check-harness.js';

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

/** The ISO time `days` days (plus `seconds`) before the snapshot's collectedAt. */
const ago = (days: number, seconds = 0): string => new Date(Date.parse(NOW) - days * 86_400_000 + seconds * 1000).toISOString();

/** A user with the given keys; a slot not given is an inactive key. */
function withKeys(name: string, ...keys: AccessKeyInfo[]): IamUser {
  const slot = (n: 1 | 2): AccessKeyInfo => keys.find((k) => k.slot === n) ?? { slot: n, active: false };
  return iamUser(name, { accessKeys: [slot(1), slot(2)] });
}

type Case = {
  name: string;
  input: InventoryInput;
  params?: { maxAgeDays: number };
  status: Status;
  id: string;
  evidence: unknown;
  message?: string;
};

const cases: Case[] = [
  {
    name: 'key rotated 10 days ago',
    input: { iamUsers: [withKeys('alice', { slot: 1, active: true, lastRotated: ago(10) })] },
    status: 'pass',
    id: 'alice',
    evidence: { maxAgeDays: 90, activeKeys: [{ slot: 1, lastRotated: ago(10), ageDays: 10 }] },
    message: 'alice has no active access key older than 90 days',
  },
  {
    name: 'key rotated exactly 90 days ago',
    input: { iamUsers: [withKeys('alice', { slot: 1, active: true, lastRotated: ago(90) })] },
    status: 'pass',
    id: 'alice',
    evidence: { maxAgeDays: 90, activeKeys: [{ slot: 1, lastRotated: ago(90), ageDays: 90 }] },
  },
  {
    name: 'key rotated 90 days and 23:59:59 ago (whole days, rounded down)',
    input: { iamUsers: [withKeys('alice', { slot: 1, active: true, lastRotated: ago(91, 1) })] },
    status: 'pass',
    id: 'alice',
    evidence: { maxAgeDays: 90, activeKeys: [{ slot: 1, lastRotated: ago(91, 1), ageDays: 90 }] },
  },
  {
    name: 'key rotated 91 days ago',
    input: { iamUsers: [withKeys('bob', { slot: 1, active: true, lastRotated: ago(91), lastUsed: ago(1) })] },
    status: 'fail',
    id: 'bob',
    evidence: { maxAgeDays: 90, staleKeys: [{ slot: 1, lastRotated: ago(91), ageDays: 91 }] },
    message: 'bob has active access key 1 (91 days) not rotated within 90 days',
  },
  {
    name: 'fresh key 1, stale key 2: only key 2 is evidence',
    input: {
      iamUsers: [
        withKeys('carol', { slot: 1, active: true, lastRotated: ago(5) }, { slot: 2, active: true, lastRotated: ago(400) }),
      ],
    },
    status: 'fail',
    id: 'carol',
    evidence: { maxAgeDays: 90, staleKeys: [{ slot: 2, lastRotated: ago(400), ageDays: 400 }] },
  },
  {
    name: 'both keys stale',
    input: {
      iamUsers: [
        withKeys('dave', { slot: 1, active: true, lastRotated: ago(200) }, { slot: 2, active: true, lastRotated: ago(100) }),
      ],
    },
    status: 'fail',
    id: 'dave',
    evidence: {
      maxAgeDays: 90,
      staleKeys: [
        { slot: 1, lastRotated: ago(200), ageDays: 200 },
        { slot: 2, lastRotated: ago(100), ageDays: 100 },
      ],
    },
    message: 'dave has active access key 1 (200 days) and key 2 (100 days) not rotated within 90 days',
  },
  {
    name: 'active key with no rotation date',
    input: { iamUsers: [withKeys('erin', { slot: 2, active: true })] },
    status: 'fail',
    id: 'erin',
    evidence: { maxAgeDays: 90, staleKeys: [{ slot: 2, lastRotated: null, ageDays: null }] },
    message: 'erin has active access key 2 (rotation date unknown) not rotated within 90 days',
  },
  {
    name: 'an old inactive key is ignored',
    input: {
      iamUsers: [
        withKeys('frank', { slot: 1, active: false, lastRotated: ago(900) }, { slot: 2, active: true, lastRotated: ago(3) }),
      ],
    },
    status: 'pass',
    id: 'frank',
    evidence: { maxAgeDays: 90, activeKeys: [{ slot: 2, lastRotated: ago(3), ageDays: 3 }] },
  },
  {
    name: 'maxAgeDays 30: exactly 30 days passes',
    input: { iamUsers: [withKeys('gina', { slot: 1, active: true, lastRotated: ago(30) })] },
    params: { maxAgeDays: 30 },
    status: 'pass',
    id: 'gina',
    evidence: { maxAgeDays: 30, activeKeys: [{ slot: 1, lastRotated: ago(30), ageDays: 30 }] },
  },
  {
    name: 'maxAgeDays 30: 31 days fails',
    input: { iamUsers: [withKeys('gina', { slot: 1, active: true, lastRotated: ago(31) })] },
    params: { maxAgeDays: 30 },
    status: 'fail',
    id: 'gina',
    evidence: { maxAgeDays: 30, staleKeys: [{ slot: 1, lastRotated: ago(31), ageDays: 31 }] },
  },
  {
    name: 'only inactive keys',
    input: { iamUsers: [withKeys('henry', { slot: 1, active: false, lastRotated: ago(900) })] },
    status: 'not_applicable',
    id: 'henry',
    evidence: {},
    message: 'henry has no active access key',
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
    input: { iamUsers: [withKeys('alice', { slot: 1, active: true, lastRotated: ago(10) })], failed: ['iam:GetCredentialReport'] },
    status: 'error',
    id: 'alice',
    evidence: { failedCalls: [denied('iam:GetCredentialReport')], unverifiedOutcome: 'pass' },
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, params, status, id, evidence, message }) => {
    const results = runCheck(check, input, params);
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe(status);
    expect(results[0]?.resource.id).toBe(id);
    expect(results[0]?.evidence).toEqual(evidence);
    if (message !== undefined) expect(results[0]?.message).toBe(message);
  });

  it.each([
    { params: { maxAgeDays: 90 }, valid: true },
    { params: { maxAgeDays: 1 }, valid: true },
    { params: { maxAgeDays: 0 }, valid: false },
    { params: { maxAgeDays: 45.5 }, valid: false },
    { params: { maxAgeDays: 90, slots: [1] }, valid: false },
  ])('schema: $params valid=$valid', ({ params, valid }) => {
    expect(ajv.validate(check.schema, params)).toBe(valid);
  });
});
