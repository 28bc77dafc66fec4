import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/ebs-encryption-by-default.js';
import type { Status } from '../../src/checks/types.js';
import { ebsDefault, REGION, runCheck, type InventoryInput } from '../helpers/check-harness.js';

type Params = typeof check.defaults;
type Expected = { status: Status; id: string; evidence?: unknown };
type Case = { name: string; input: InventoryInput; params?: Partial<Params>; expected: Expected[] };

/** The evidence of a call the harness marks as denied. */
const denied = (op: string, region = REGION) => ({
  call: op,
  region,
  code: 'AccessDenied',
  message: `User is not authorized to perform: ${op}`,
  requiredPermission: op,
});

const OTHER = 'eu-west-1';
const OP = 'ec2:GetEbsEncryptionByDefault';
const on = ebsDefault(true);
const off = ebsDefault(false);
const unread = ebsDefault('failed');

const cases: Case[] = [
  // pass
  { name: 'on', input: { ebsEncryptionByDefault: [on] }, expected: [{ status: 'pass', id: on.id, evidence: { ebsEncryptionByDefault: true } }] },

  // fail
  { name: 'off', input: { ebsEncryptionByDefault: [off] }, expected: [{ status: 'fail', id: off.id, evidence: { ebsEncryptionByDefault: false } }] },
  {
    name: 'one result per scanned region',
    input: { regions: [REGION, OTHER], ebsEncryptionByDefault: [ebsDefault(false, OTHER), on] },
    expected: [
      { status: 'pass', id: on.id, evidence: { ebsEncryptionByDefault: true } },
      { status: 'fail', id: `ebs-encryption-by-default/${OTHER}`, evidence: { ebsEncryptionByDefault: false } },
    ],
  },

  // error
  {
    name: 'the setting could not be read (Observed failure)',
    input: { ebsEncryptionByDefault: [unread] },
    expected: [{ status: 'error', id: unread.id, evidence: { failedCalls: [denied(OP)] } }],
  },
  {
    name: 'the setting could not be read, and the call is listed as failed',
    input: { ebsEncryptionByDefault: [unread], failed: [OP] },
    expected: [{ status: 'error', id: unread.id, evidence: { failedCalls: [denied(OP)] } }],
  },
  {
    name: 'failed in one region only: the other region still decides',
    input: { regions: [REGION, OTHER], ebsEncryptionByDefault: [on, ebsDefault('failed', OTHER)], failed: [{ op: OP, region: OTHER }] },
    expected: [
      { status: 'pass', id: on.id, evidence: { ebsEncryptionByDefault: true } },
      { status: 'error', id: `ebs-encryption-by-default/${OTHER}`, evidence: { failedCalls: [denied(OP, OTHER)] } },
    ],
  },
  {
    name: 'call denied and no setting built',
    input: { ebsEncryptionByDefault: [], failed: [OP] },
    expected: [{ status: 'error', id: '*', evidence: { failedCalls: [denied(OP)] } }],
  },
  {
    name: 'call listed as failed turns a seemingly-on setting into error',
    input: { ebsEncryptionByDefault: [on], failed: [OP] },
    expected: [{ status: 'error', id: on.id, evidence: { failedCalls: [denied(OP)], unverifiedOutcome: 'pass' } }],
  },

  // not_applicable
  { name: 'no region settings', input: { ebsEncryptionByDefault: [] }, expected: [{ status: 'not_applicable', id: '*', evidence: {} }] },
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
