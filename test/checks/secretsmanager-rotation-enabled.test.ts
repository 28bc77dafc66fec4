import { describe, expect, it } from 'vitest';
import check from '../../src/checks/secretsmanager-rotation-enabled.js';
import type { Status } from '../../src/checks/types.js';
import type { Secret } from '../../src/inventory/types.js';
import { ajv } from '../../src/schemas.js';
import { ACCOUNT, NOW, REGION, runCheck, secret, type InventoryInput } from '../helpers/check-harness.js';

type Params = typeof check.defaults;
type Expected = { status: Status; arn: string; evidence?: unknown; message?: string };
type Case = { name: string; input: InventoryInput; params?: Partial<Params>; expected: Expected[] };

const denied = (op: string) => ({
  call: op,
  region: REGION,
  code: 'AccessDenied',
  message: `User is not authorized to perform: ${op}`,
  requiredPermission: op,
});

/** The ISO time `days` days (plus `seconds`) before the snapshot's collectedAt. */
const ago = (days: number, seconds = 0): string => new Date(Date.parse(NOW) - days * 86_400_000 + seconds * 1000).toISOString();

/** A secret without the harness's default dates, then `o`. */
function bare(name: string, o: Partial<Omit<Secret, 'type'>>): Secret {
  const { lastRotated: _l, createdAt: _c, rotationDays: _r, ...s } = secret(name);
  return { ...s, ...o };
}

const CREATED = ago(400);

const fresh = bare('fresh', { rotationDays: 30, lastRotated: ago(19), createdAt: CREATED });
const edge = bare('edge', { rotationDays: 90, lastRotated: ago(90), createdAt: CREATED });
const over = bare('over', { rotationDays: 90, lastRotated: ago(91), createdAt: CREATED });
const justOver = bare('just-over', { rotationDays: 90, lastRotated: ago(91, 1), createdAt: CREATED });
const newNever = bare('new-never', { rotationDays: 30, createdAt: ago(10) });
const oldNever = bare('old-never', { rotationDays: 30, createdAt: CREATED });
const off = bare('off', { rotationEnabled: false, lastRotated: ago(5), createdAt: CREATED });
const undated = bare('undated', {});

const ev = (s: Secret, ageDays: number | null, maxAgeDays = 90) => ({
  rotationEnabled: s.rotationEnabled,
  rotationDays: s.rotationDays ?? null,
  lastRotated: s.lastRotated ?? null,
  createdAt: s.createdAt ?? null,
  ageDays,
  maxAgeDays,
});

const cases: Case[] = [
  // pass
  { name: 'rotation on, rotated recently', input: { secrets: [fresh] }, expected: [{ status: 'pass', arn: fresh.arn, evidence: ev(fresh, 19) }] },
  { name: 'rotated exactly maxAgeDays ago', input: { secrets: [edge] }, expected: [{ status: 'pass', arn: edge.arn, evidence: ev(edge, 90) }] },
  {
    name: 'a second under 91 days rounds down to 90',
    input: { secrets: [justOver] },
    expected: [{ status: 'pass', arn: justOver.arn, evidence: ev(justOver, 90) }],
  },
  {
    name: 'rotation on, never rotated, created recently',
    input: { secrets: [newNever] },
    expected: [{ status: 'pass', arn: newNever.arn, evidence: ev(newNever, 10), message: 'Secret new-never rotates automatically; it has not rotated yet and was created 10 days ago.' }],
  },
  { name: 'maxAgeDays raised', input: { secrets: [over] }, params: { maxAgeDays: 120 }, expected: [{ status: 'pass', arn: over.arn, evidence: ev(over, 91, 120) }] },

  // fail
  {
    name: 'rotation off, however recent the last change',
    input: { secrets: [off] },
    expected: [{ status: 'fail', arn: off.arn, evidence: ev(off, 5), message: 'Secret off does not rotate automatically.' }],
  },
  {
    name: 'rotation on but overdue',
    input: { secrets: [over] },
    expected: [{ status: 'fail', arn: over.arn, evidence: ev(over, 91), message: 'Secret over was last rotated 91 days ago, more than 90 days.' }],
  },
  { name: 'rotation on, never rotated, created long ago', input: { secrets: [oldNever] }, expected: [{ status: 'fail', arn: oldNever.arn, evidence: ev(oldNever, 400) }] },
  { name: 'rotation on, no dates at all: freshness unknown', input: { secrets: [undated] }, expected: [{ status: 'fail', arn: undated.arn, evidence: ev(undated, null) }] },
  { name: 'maxAgeDays lowered', input: { secrets: [fresh] }, params: { maxAgeDays: 7 }, expected: [{ status: 'fail', arn: fresh.arn, evidence: ev(fresh, 19, 7) }] },
  {
    name: 'one result per secret, in ARN order',
    input: { secrets: [over, fresh] },
    expected: [
      { status: 'pass', arn: fresh.arn },
      { status: 'fail', arn: over.arn },
    ],
  },

  // error
  {
    name: 'ListSecrets denied, nothing collected',
    input: { failed: ['secretsmanager:ListSecrets'] },
    expected: [
      { status: 'error', arn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:*`, evidence: { failedCalls: [denied('secretsmanager:ListSecrets')] } },
    ],
  },
  {
    name: 'ListSecrets denied turns a pass into error',
    input: { secrets: [fresh], failed: ['secretsmanager:ListSecrets'] },
    expected: [{ status: 'error', arn: fresh.arn, evidence: { failedCalls: [denied('secretsmanager:ListSecrets')], unverifiedOutcome: 'pass' } }],
  },

  // not_applicable
  { name: 'no secrets', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:secretsmanager::${ACCOUNT}:*`, evidence: {} }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, params, expected }) => {
    const results = runCheck(check, input, params);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
      if (e.message !== undefined) expect(results[i]?.message).toBe(e.message);
    });
    for (const r of results) if (r.status === 'pass' || r.status === 'fail') expect(r.message).toContain(r.resource.id);
  });

  it.each([
    [{ maxAgeDays: 90 }, true],
    [{ maxAgeDays: 1 }, true],
    [{ maxAgeDays: 0 }, false],
    [{ maxAgeDays: 30.5 }, false],
    [{}, false],
    [{ maxAgeDays: 90, extra: 1 }, false],
  ])('schema: %j valid = %s', (params, valid) => {
    expect(ajv.validate(check.schema, params)).toBe(valid);
  });
});
