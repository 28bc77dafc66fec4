import { describe, expect, it } from 'vitest';
import check from '../../src/checks/kms-key-policy-no-public-principal.js';
import type { Status } from '../../src/checks/types.js';
import { ajv } from '../../src/schemas.js';
import { ACCOUNT, REGION, kmsKey, policyDoc, runCheck, type InventoryInput } from '../helpers/check-harness.js';

type Expected = { status: Status; arn: string; evidence?: unknown; message?: string };
type Case = { name: string; input: InventoryInput; expected: Expected[] };

const arn = (id: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;

/** The evidence of a denied call; `resource` for a per-key call. */
const denied = (op: string, resource?: string) => ({
  failedCalls: [
    {
      call: op,
      region: REGION,
      code: 'AccessDenied',
      message: `User is not authorized to perform: ${op}`,
      requiredPermission: op,
      ...(resource === undefined ? {} : { resource }),
    },
  ],
});

const ROOT = `AWS:arn:aws:iam::${ACCOUNT}:root`;
const ownAccount = { principals: [ROOT], actions: ['kms:*'] };
const everyone = { principals: ['*'], actions: ['kms:Encrypt', 'kms:Decrypt'] };

const cases: Case[] = [
  // pass
  { name: 'default key policy: the account root only', input: { kmsKeys: [kmsKey('k-own')] }, expected: [{ status: 'pass', arn: arn('k-own'), evidence: { publicStatements: [] } }] },
  {
    name: 'public principal narrowed by a condition',
    input: {
      kmsKeys: [
        kmsKey('k-org', {
          policy: policyDoc(ownAccount, { principals: ['*'], actions: ['kms:Decrypt'], conditions: { StringEquals: { 'aws:PrincipalOrgID': ['o-abc123'] } } }),
        }),
      ],
    },
    expected: [{ status: 'pass', arn: arn('k-org'), evidence: { publicStatements: [] } }],
  },
  {
    name: 'Deny to everyone is not a grant',
    input: { kmsKeys: [kmsKey('k-deny', { policy: policyDoc(ownAccount, { effect: 'Deny', principals: ['*'], actions: ['kms:ScheduleKeyDeletion'] }) })] },
    expected: [{ status: 'pass', arn: arn('k-deny'), evidence: { publicStatements: [] } }],
  },
  {
    name: 'a named cross-account principal is not public',
    input: { kmsKeys: [kmsKey('k-partner', { policy: policyDoc(ownAccount, { principals: ['AWS:arn:aws:iam::210987654321:root'], actions: ['kms:Decrypt'] }) })] },
    expected: [{ status: 'pass', arn: arn('k-partner'), evidence: { publicStatements: [] } }],
  },

  // fail
  {
    name: 'Principal "*" without a condition',
    input: { kmsKeys: [kmsKey('k-star', { policy: policyDoc(ownAccount, everyone) })] },
    expected: [
      {
        status: 'fail',
        arn: arn('k-star'),
        evidence: { publicStatements: [{ index: 1, principals: ['*'], actions: ['kms:Decrypt', 'kms:Encrypt'], notActions: [] }] },
        message: 'KMS key k-star allows any principal kms:Decrypt, kms:Encrypt without a condition.',
      },
    ],
  },
  {
    name: 'Principal {"AWS": "*"} and a NotAction statement',
    input: {
      kmsKeys: [
        kmsKey('k-aws-star', {
          policy: policyDoc({ principals: ['AWS:*'], actions: ['kms:*'] }, ownAccount, { principals: ['*'], notActions: ['kms:ScheduleKeyDeletion'] }),
        }),
      ],
    },
    expected: [
      {
        status: 'fail',
        arn: arn('k-aws-star'),
        evidence: {
          publicStatements: [
            { index: 0, principals: ['AWS:*'], actions: ['kms:*'], notActions: [] },
            { index: 2, principals: ['*'], actions: [], notActions: ['kms:ScheduleKeyDeletion'] },
          ],
        },
        message: 'KMS key k-aws-star allows any principal kms:*; every action except kms:ScheduleKeyDeletion without a condition.',
      },
    ],
  },
  {
    name: 'customer key that is disabled or pending deletion is still in scope',
    input: { kmsKeys: [kmsKey('k-disabled', { state: 'Disabled', policy: policyDoc(everyone) })] },
    expected: [{ status: 'fail', arn: arn('k-disabled'), evidence: { publicStatements: [{ index: 0, principals: ['*'], actions: ['kms:Decrypt', 'kms:Encrypt'], notActions: [] }] } }],
  },
  {
    name: 'one result per key, in ARN order',
    input: { kmsKeys: [kmsKey('k-b', { policy: policyDoc(everyone) }), kmsKey('k-a')] },
    expected: [
      { status: 'pass', arn: arn('k-a') },
      { status: 'fail', arn: arn('k-b') },
    ],
  },

  // error
  {
    name: 'key policy could not be read',
    input: { kmsKeys: [kmsKey('k-policy-unknown', { policy: 'failed' })] },
    expected: [{ status: 'error', arn: arn('k-policy-unknown'), evidence: denied('kms:GetKeyPolicy', 'k-policy-unknown') }],
  },
  {
    name: 'key metadata could not be read',
    input: { kmsKeys: [kmsKey('k-meta-unknown', { metadata: 'failed', policy: policyDoc(everyone) })] },
    expected: [{ status: 'error', arn: arn('k-meta-unknown'), evidence: denied('kms:DescribeKey', 'k-meta-unknown') }],
  },
  {
    name: 'ListKeys denied, nothing collected',
    input: { failed: ['kms:ListKeys'] },
    expected: [{ status: 'error', arn: `arn:aws:kms:${REGION}:${ACCOUNT}:*`, evidence: denied('kms:ListKeys') }],
  },
  {
    name: 'GetKeyPolicy unavailable for the region: not a pass',
    input: { kmsKeys: [kmsKey('k-own')], failed: ['kms:GetKeyPolicy'] },
    expected: [{ status: 'error', arn: arn('k-own'), evidence: { ...denied('kms:GetKeyPolicy'), unverifiedOutcome: 'pass' } }],
  },

  // not_applicable
  {
    name: 'AWS-managed key, even with an unreadable policy',
    input: { kmsKeys: [kmsKey('k-aws', { manager: 'AWS', policy: 'failed' })] },
    expected: [{ status: 'not_applicable', arn: arn('k-aws'), evidence: { keyManager: 'AWS' } }],
  },
  { name: 'no keys: nothing in scope', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:kms::${ACCOUNT}:*`, evidence: {} }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, expected }) => {
    const results = runCheck(check, input);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
      if (e.message !== undefined) expect(results[i]?.message).toBe(e.message);
    });
    for (const r of results) if (r.status === 'pass' || r.status === 'fail') expect(r.message).toContain(r.resource.id);
  });

  it('has a schema that accepts its defaults and rejects unknown params', () => {
    expect(ajv.validate(check.schema, check.defaults)).toBe(true);
    expect(ajv.validate(check.schema, { extra: 1 })).toBe(false);
  });
});
