import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-user-single-active-access-key.js';
import type { Status } from '../../src/checks/types.js';
import type { IamUser } from '../../src/inventory/types.js';
import { ACCOUNT, iamUser, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (n: string) => `arn:aws:iam::${ACCOUNT}:user/${n}`;
const keys = (one: boolean, two: boolean): IamUser['accessKeys'] => [
  { slot: 1, active: one, lastRotated: '2026-10-01T00:00:00Z', lastUsed: '2026-11-19T00:00:00Z' },
  { slot: 2, active: two, lastRotated: '2026-11-10T00:00:00Z' },
];

type Case = { name: string; users: IamUser[]; failed?: Failure[]; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  {
    name: 'one active key',
    users: [iamUser('svc', { accessKeys: keys(true, false) })],
    expected: [{ status: 'pass', arn: arn('svc'), evidence: { activeAccessKeys: [{ slot: 1, lastRotated: '2026-10-01T00:00:00Z', lastUsed: '2026-11-19T00:00:00Z' }] } }],
  },
  {
    // Before issue 12 no check judged it.
    name: 'two active keys',
    users: [iamUser('svc', { accessKeys: keys(true, true) })],
    expected: [
      {
        status: 'fail',
        arn: arn('svc'),
        evidence: {
          activeAccessKeys: [
            { slot: 1, lastRotated: '2026-10-01T00:00:00Z', lastUsed: '2026-11-19T00:00:00Z' },
            { slot: 2, lastRotated: '2026-11-10T00:00:00Z', lastUsed: null },
          ],
        },
      },
    ],
  },
  { name: 'only the second key active', users: [iamUser('svc', { accessKeys: keys(false, true) })], expected: [{ status: 'pass', arn: arn('svc') }] },
  { name: 'no active key', users: [iamUser('human')], expected: [{ status: 'not_applicable', arn: arn('human'), evidence: { activeAccessKeys: [] } }] },
  { name: 'credential report denied', users: [], failed: ['iam:GetCredentialReport'], expected: [{ status: 'error', arn: `arn:aws:iam::${ACCOUNT}:*` }] },
  { name: 'no users', users: [], expected: [{ status: 'not_applicable', arn: `arn:aws:iam::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ users, failed, expected }) => {
    const results = runCheck(check, { iamUsers: users, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
