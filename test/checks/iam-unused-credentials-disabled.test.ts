import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-unused-credentials-disabled.js';
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

/** A user created long ago, with the given password fields and keys; a slot not given is an inactive key. */
function user(name: string, o: Partial<IamUser> = {}, ...keys: AccessKeyInfo[]): IamUser {
  const slot = (n: 1 | 2): AccessKeyInfo => keys.find((k) => k.slot === n) ?? { slot: n, active: false };
  return iamUser(name, { createdAt: ago(700), ...o, accessKeys: [slot(1), slot(2)] });
}

type Case = {
  name: string;
  input: InventoryInput;
  params?: { maxUnusedDays: number };
  status: Status;
  id: string;
  evidence: unknown;
  message?: string;
};

const cases: Case[] = [
  // Console password.
  {
    name: 'password used exactly 45 days ago',
    input: { iamUsers: [user('alice', { passwordEnabled: true, passwordLastUsed: ago(45), passwordLastChanged: ago(300) })] },
    status: 'pass',
    id: 'alice',
    evidence: { maxUnusedDays: 45, credentials: [{ credential: 'password', since: 'lastUsed', date: ago(45), ageDays: 45 }] },
    message: 'alice has no enabled credential unused for more than 45 days',
  },
  {
    name: 'password used 45 days and 23:59:59 ago (whole days, rounded down)',
    input: { iamUsers: [user('alice', { passwordEnabled: true, passwordLastUsed: ago(46, 1) })] },
    status: 'pass',
    id: 'alice',
    evidence: { maxUnusedDays: 45, credentials: [{ credential: 'password', since: 'lastUsed', date: ago(46, 1), ageDays: 45 }] },
  },
  {
    name: 'password used 46 days ago, even if changed since',
    input: { iamUsers: [user('bob', { passwordEnabled: true, passwordLastUsed: ago(46), passwordLastChanged: ago(2) })] },
    status: 'fail',
    id: 'bob',
    evidence: { maxUnusedDays: 45, unusedCredentials: [{ credential: 'password', since: 'lastUsed', date: ago(46), ageDays: 46 }] },
    message: 'bob has enabled credentials unused for more than 45 days: console password (last used 46 days ago)',
  },
  {
    name: 'password never used, set 45 days ago',
    input: { iamUsers: [user('carol', { passwordEnabled: true, passwordLastChanged: ago(45) })] },
    status: 'pass',
    id: 'carol',
    evidence: {
      maxUnusedDays: 45,
      credentials: [{ credential: 'password', since: 'passwordLastChanged', date: ago(45), ageDays: 45 }],
    },
  },
  {
    name: 'password never used, set 46 days ago',
    input: { iamUsers: [user('carol', { passwordEnabled: true, passwordLastChanged: ago(46) })] },
    status: 'fail',
    id: 'carol',
    evidence: {
      maxUnusedDays: 45,
      unusedCredentials: [{ credential: 'password', since: 'passwordLastChanged', date: ago(46), ageDays: 46 }],
    },
    message: 'carol has enabled credentials unused for more than 45 days: console password (never used, 46 days old)',
  },
  {
    name: 'password never used, no change date, user created 45 days ago',
    input: { iamUsers: [user('dave', { passwordEnabled: true, createdAt: ago(45) })] },
    status: 'pass',
    id: 'dave',
    evidence: { maxUnusedDays: 45, credentials: [{ credential: 'password', since: 'userCreated', date: ago(45), ageDays: 45 }] },
  },
  {
    name: 'password never used, no change date, user created 46 days ago',
    input: { iamUsers: [user('dave', { passwordEnabled: true, createdAt: ago(46) })] },
    status: 'fail',
    id: 'dave',
    evidence: {
      maxUnusedDays: 45,
      unusedCredentials: [{ credential: 'password', since: 'userCreated', date: ago(46), ageDays: 46 }],
    },
  },
  {
    name: 'password never used and no date at all',
    input: { iamUsers: [iamUser('erin', { passwordEnabled: true, createdAt: undefined })] },
    status: 'fail',
    id: 'erin',
    evidence: { maxUnusedDays: 45, unusedCredentials: [{ credential: 'password', since: 'unknown', date: null, ageDays: null }] },
    message: 'erin has enabled credentials unused for more than 45 days: console password (no usable date)',
  },
  // Access keys.
  {
    name: 'key used yesterday, rotated long ago',
    input: { iamUsers: [user('svc-a', {}, { slot: 1, active: true, lastRotated: ago(400), lastUsed: ago(1) })] },
    status: 'pass',
    id: 'svc-a',
    evidence: { maxUnusedDays: 45, credentials: [{ credential: 'accessKey', slot: 1, since: 'lastUsed', date: ago(1), ageDays: 1 }] },
  },
  {
    name: 'key last used 46 days ago',
    input: { iamUsers: [user('svc-b', {}, { slot: 2, active: true, lastRotated: ago(400), lastUsed: ago(46) })] },
    status: 'fail',
    id: 'svc-b',
    evidence: {
      maxUnusedDays: 45,
      unusedCredentials: [{ credential: 'accessKey', slot: 2, since: 'lastUsed', date: ago(46), ageDays: 46 }],
    },
    message: 'svc-b has enabled credentials unused for more than 45 days: access key 2 (last used 46 days ago)',
  },
  {
    name: 'key never used, created 45 days ago',
    input: { iamUsers: [user('svc-c', {}, { slot: 1, active: true, lastRotated: ago(45) })] },
    status: 'pass',
    id: 'svc-c',
    evidence: {
      maxUnusedDays: 45,
      credentials: [{ credential: 'accessKey', slot: 1, since: 'lastRotated', date: ago(45), ageDays: 45 }],
    },
  },
  {
    name: 'key never used, created 46 days ago',
    input: { iamUsers: [user('svc-c', {}, { slot: 1, active: true, lastRotated: ago(46) })] },
    status: 'fail',
    id: 'svc-c',
    evidence: {
      maxUnusedDays: 45,
      unusedCredentials: [{ credential: 'accessKey', slot: 1, since: 'lastRotated', date: ago(46), ageDays: 46 }],
    },
    message: 'svc-c has enabled credentials unused for more than 45 days: access key 1 (never used, 46 days old)',
  },
  {
    name: 'an inactive unused key is ignored',
    input: {
      iamUsers: [user('svc-d', {}, { slot: 1, active: false, lastRotated: ago(900) }, { slot: 2, active: true, lastUsed: ago(3) })],
    },
    status: 'pass',
    id: 'svc-d',
    evidence: { maxUnusedDays: 45, credentials: [{ credential: 'accessKey', slot: 2, since: 'lastUsed', date: ago(3), ageDays: 3 }] },
  },
  // Both kinds.
  {
    name: 'password in use, key 2 unused: only key 2 is evidence',
    input: {
      iamUsers: [
        user(
          'frank',
          { passwordEnabled: true, passwordLastUsed: ago(1) },
          { slot: 1, active: true, lastUsed: ago(2) },
          { slot: 2, active: true, lastRotated: ago(120) },
        ),
      ],
    },
    status: 'fail',
    id: 'frank',
    evidence: {
      maxUnusedDays: 45,
      unusedCredentials: [{ credential: 'accessKey', slot: 2, since: 'lastRotated', date: ago(120), ageDays: 120 }],
    },
  },
  {
    name: 'password and key both unused',
    input: {
      iamUsers: [user('gina', { passwordEnabled: true, passwordLastUsed: ago(200) }, { slot: 1, active: true, lastUsed: ago(60) })],
    },
    status: 'fail',
    id: 'gina',
    evidence: {
      maxUnusedDays: 45,
      unusedCredentials: [
        { credential: 'password', since: 'lastUsed', date: ago(200), ageDays: 200 },
        { credential: 'accessKey', slot: 1, since: 'lastUsed', date: ago(60), ageDays: 60 },
      ],
    },
    message:
      'gina has enabled credentials unused for more than 45 days: console password (last used 200 days ago), access key 1 (last used 60 days ago)',
  },
  {
    name: 'maxUnusedDays 90: 60 days unused passes',
    input: { iamUsers: [user('gina', { passwordEnabled: true, passwordLastUsed: ago(60) })] },
    params: { maxUnusedDays: 90 },
    status: 'pass',
    id: 'gina',
    evidence: { maxUnusedDays: 90, credentials: [{ credential: 'password', since: 'lastUsed', date: ago(60), ageDays: 60 }] },
  },
  // Nothing in scope, nothing readable.
  {
    name: 'no password and only inactive keys',
    input: { iamUsers: [user('henry', { passwordLastUsed: ago(500) }, { slot: 1, active: false, lastRotated: ago(900) })] },
    status: 'not_applicable',
    id: 'henry',
    evidence: {},
    message: 'henry has no console password and no active access key',
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
    input: { iamUsers: [user('alice', { passwordEnabled: true, passwordLastUsed: ago(1) })], failed: ['iam:GetCredentialReport'] },
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
    { params: { maxUnusedDays: 45 }, valid: true },
    { params: { maxUnusedDays: 1 }, valid: true },
    { params: { maxUnusedDays: 0 }, valid: false },
    { params: { maxUnusedDays: 'forty-five' }, valid: false },
    { params: { maxUnusedDays: 45, ignoreKeys: true }, valid: false },
  ])('schema: $params valid=$valid', ({ params, valid }) => {
    expect(ajv.validate(check.schema, params)).toBe(valid);
  });
});
