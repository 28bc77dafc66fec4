import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/ebs-volume-encrypted.js';
import type { Status } from '../../src/checks/types.js';
import type { Volume } from '../../src/inventory/types.js';
import { REGION, runCheck, volume, type InventoryInput } from '../helpers/check-harness.js';

type Params = typeof check.defaults;
type Expected = { status: Status; id: string; evidence?: unknown };
type Case = { name: string; input: InventoryInput; params?: Partial<Params>; expected: Expected[] };

/** The evidence of a call the harness marks as denied. */
const denied = (op: string, resource?: string) => ({
  call: op,
  region: REGION,
  code: 'AccessDenied',
  message: `User is not authorized to perform: ${op}`,
  requiredPermission: op,
  ...(resource === undefined ? {} : { resource }),
});

/** A case about one volume. */
const one = (name: string, v: Volume, status: Status, evidence: unknown): Case => ({
  name,
  input: { volumes: [v] },
  expected: [{ status, id: v.id, evidence }],
});

const KEY = 'arn:aws:kms:ap-south-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const plain = volume('vol-0000000000000000b', false, { attachedInstanceIds: ['i-0000000000000000a'] });

const cases: Case[] = [
  // pass
  one('encrypted under a KMS key', volume('vol-00000000000000001', true, { kmsKeyId: KEY }), 'pass', { encrypted: true, kmsKeyId: KEY }),
  one('encrypted, key id not reported', volume('vol-00000000000000002', true), 'pass', { encrypted: true }),
  one('encrypted and unattached', volume('vol-00000000000000003', true, { state: 'available', kmsKeyId: KEY }), 'pass', { encrypted: true, kmsKeyId: KEY }),

  // fail
  one('unencrypted and attached', plain, 'fail', { encrypted: false }),
  one('unencrypted and unattached', volume('vol-00000000000000004', false, { state: 'available' }), 'fail', { encrypted: false }),
  {
    name: 'one result per volume, in ARN order',
    input: { volumes: [plain, volume('vol-0000000000000000a', true, { kmsKeyId: KEY })] },
    expected: [
      { status: 'pass', id: 'vol-0000000000000000a', evidence: { encrypted: true, kmsKeyId: KEY } },
      { status: 'fail', id: plain.id, evidence: { encrypted: false } },
    ],
  },

  // error
  {
    name: 'DescribeVolumes denied, nothing collected',
    input: { volumes: [], failed: ['ec2:DescribeVolumes'] },
    expected: [{ status: 'error', id: '*', evidence: { failedCalls: [denied('ec2:DescribeVolumes')] } }],
  },
  {
    name: 'DescribeVolumes denied turns a fail into error',
    input: { volumes: [plain], failed: ['ec2:DescribeVolumes'] },
    expected: [{ status: 'error', id: plain.id, evidence: { failedCalls: [denied('ec2:DescribeVolumes')], unverifiedOutcome: 'fail' } }],
  },

  // not_applicable
  { name: 'no volumes', input: { volumes: [] }, expected: [{ status: 'not_applicable', id: '*', evidence: {} }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, params, expected }) => {
    const results = runCheck(check, input, params);
    expect(results.map((r) => ({ status: r.status, id: r.resource.id }))).toEqual(expected.map(({ status, id }) => ({ status, id })));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
    for (const r of results) if (r.status === 'pass' || r.status === 'fail') expect(r.message).toContain(r.resource.id);
  });

  it('has a schema that accepts its defaults and rejects unknown params', () => {
    const validate = new Ajv({ strict: true, strictRequired: false }).compile(check.schema);
    expect(validate(check.defaults)).toBe(true);
    expect(validate({ ...check.defaults, extra: 1 })).toBe(false);
  });
});
