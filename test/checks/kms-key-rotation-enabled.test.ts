import { describe, expect, it } from 'vitest';
import check from '../../src/checks/kms-key-rotation-enabled.js';
import type { Status } from '../../src/checks/types.js';
import type { KmsKey } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, kmsKey, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (id: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;

/** The evidence of a denied per-key call. */
const denied = (op: string, resource: string) => ({
  failedCalls: [
    {
      call: op,
      region: REGION,
      code: 'AccessDenied',
      message: `User is not authorized to perform: ${op}`,
      requiredPermission: op,
      resource,
    },
  ],
});

/** A key whose rotation has a custom period. */
function keyWithPeriod(id: string, periodDays: number): KmsKey {
  return { ...kmsKey(id), rotation: { ok: true, value: { enabled: true, periodDays } } };
}

type Case = {
  name: string;
  keys: KmsKey[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const scope = (o: { keyManager?: string; keySpec?: string; origin?: string; keyState?: string } = {}) => ({
  keyManager: 'CUSTOMER',
  keySpec: 'SYMMETRIC_DEFAULT',
  origin: 'AWS_KMS',
  keyState: 'Enabled',
  ...o,
});

const cases: Case[] = [
  {
    name: 'customer symmetric key with rotation on',
    keys: [kmsKey('k-on')],
    expected: [{ status: 'pass', arn: arn('k-on'), evidence: { rotationEnabled: true, rotationPeriodDays: null } }],
  },
  {
    name: 'rotation on with a custom period',
    keys: [keyWithPeriod('k-period', 180)],
    expected: [{ status: 'pass', arn: arn('k-period'), evidence: { rotationEnabled: true, rotationPeriodDays: 180 } }],
  },
  {
    name: 'customer symmetric key with rotation off',
    keys: [kmsKey('k-off', { rotation: false })],
    expected: [{ status: 'fail', arn: arn('k-off'), evidence: { rotationEnabled: false, rotationPeriodDays: null } }],
  },
  {
    name: 'in-scope key whose rotation status could not be read',
    keys: [kmsKey('k-rot-unknown', { rotation: 'failed' })],
    expected: [{ status: 'error', arn: arn('k-rot-unknown'), evidence: denied('kms:GetKeyRotationStatus', 'k-rot-unknown') }],
  },
  {
    name: 'key whose metadata could not be read',
    keys: [kmsKey('k-meta-unknown', { metadata: 'failed' })],
    expected: [{ status: 'error', arn: arn('k-meta-unknown'), evidence: denied('kms:DescribeKey', 'k-meta-unknown') }],
  },
  {
    name: 'AWS-managed key whose rotation status could not be read',
    keys: [kmsKey('k-aws', { manager: 'AWS', rotation: 'failed' })],
    expected: [{ status: 'not_applicable', arn: arn('k-aws'), evidence: scope({ keyManager: 'AWS' }) }],
  },
  {
    name: 'asymmetric key',
    keys: [kmsKey('k-rsa', { spec: 'RSA_2048', rotation: 'failed' })],
    expected: [{ status: 'not_applicable', arn: arn('k-rsa'), evidence: scope({ keySpec: 'RSA_2048' }) }],
  },
  {
    name: 'HMAC key',
    keys: [kmsKey('k-hmac', { spec: 'HMAC_256', rotation: false })],
    expected: [{ status: 'not_applicable', arn: arn('k-hmac'), evidence: scope({ keySpec: 'HMAC_256' }) }],
  },
  {
    name: 'imported key material',
    keys: [kmsKey('k-ext', { origin: 'EXTERNAL', rotation: false })],
    expected: [{ status: 'not_applicable', arn: arn('k-ext'), evidence: scope({ origin: 'EXTERNAL' }) }],
  },
  {
    name: 'CloudHSM key store',
    keys: [kmsKey('k-hsm', { origin: 'AWS_CLOUDHSM', rotation: false })],
    expected: [{ status: 'not_applicable', arn: arn('k-hsm'), evidence: scope({ origin: 'AWS_CLOUDHSM' }) }],
  },
  {
    name: 'external key store',
    keys: [kmsKey('k-xks', { origin: 'EXTERNAL_KEY_STORE', rotation: false })],
    expected: [{ status: 'not_applicable', arn: arn('k-xks'), evidence: scope({ origin: 'EXTERNAL_KEY_STORE' }) }],
  },
  {
    name: 'disabled key',
    keys: [kmsKey('k-disabled', { state: 'Disabled', rotation: false })],
    expected: [{ status: 'not_applicable', arn: arn('k-disabled'), evidence: scope({ keyState: 'Disabled' }) }],
  },
  {
    name: 'key pending deletion',
    keys: [kmsKey('k-deleting', { state: 'PendingDeletion', rotation: false })],
    expected: [{ status: 'not_applicable', arn: arn('k-deleting'), evidence: scope({ keyState: 'PendingDeletion' }) }],
  },
  {
    name: 'one result per key',
    keys: [kmsKey('k-b', { rotation: false }), kmsKey('k-a')],
    expected: [
      { status: 'pass', arn: arn('k-a') },
      { status: 'fail', arn: arn('k-b') },
    ],
  },
  {
    name: 'ListKeys denied',
    keys: [],
    failed: ['kms:ListKeys'],
    expected: [{ status: 'error', arn: `arn:aws:kms:${REGION}:${ACCOUNT}:*` }],
  },
  {
    name: 'GetKeyRotationStatus unavailable for the region: not a pass',
    keys: [kmsKey('k-on')],
    failed: ['kms:GetKeyRotationStatus'],
    expected: [{ status: 'error', arn: arn('k-on') }],
  },
  {
    name: 'no keys: nothing in scope',
    keys: [],
    expected: [{ status: 'not_applicable', arn: `arn:aws:kms::${ACCOUNT}:*` }],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ keys, failed, expected }) => {
    const results = runCheck(check, { kmsKeys: keys, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
