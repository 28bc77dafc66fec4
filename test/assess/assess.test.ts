import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import { gateExitCode } from '../../src/assess/gate.js';
import { score, statusOf } from '../../src/assess/score.js';
import type { Counts } from '../../src/assess/types.js';
import type { Status } from '../../src/checks/types.js';
import { buildInventory } from '../../src/inventory/build.js';
import { parseRuleSet } from '../../src/rules/load.js';
import { credentialReport, emptySnapshot, SNAP_ACCOUNT } from '../helpers/snapshot.js';

const counts = (status: Status): Counts => ({ pass: 0, fail: 0, error: 0, not_applicable: 0, [status]: 1 });

describe('score', () => {
  it('is the severity-weighted share of decided results that pass', () => {
    // critical pass (10), high fail (7), medium error (4), low n/a (left out): 10 / 21
    const s = score([
      { counts: counts('pass'), severity: 'critical' },
      { counts: counts('fail'), severity: 'high' },
      { counts: counts('error'), severity: 'medium' },
      { counts: counts('not_applicable'), severity: 'low' },
    ]);
    expect(s).toBe(47.6);
  });

  it('is null when nothing was decided', () => {
    expect(score([{ counts: counts('not_applicable'), severity: 'high' }])).toBeNull();
  });

  it('orders control status fail > error > pass > not_applicable', () => {
    expect(statusOf({ pass: 3, fail: 1, error: 1, not_applicable: 1 })).toBe('fail');
    expect(statusOf({ pass: 3, fail: 0, error: 1, not_applicable: 1 })).toBe('error');
    expect(statusOf({ pass: 3, fail: 0, error: 0, not_applicable: 1 })).toBe('pass');
    expect(statusOf({ pass: 0, fail: 0, error: 0, not_applicable: 0 })).toBe('not_applicable');
  });
});

const RULES = `id: test-framework
title: Test
version: "1"
source: { document: Test, publisher: Test, date: "2026" }
controls:
  - id: "1"
    title: Root is protected
    source: Test 1
    checks: [{ check: iam-root-mfa-enabled }, { check: iam-root-no-access-keys }]
  - id: "2"
    title: Console users use MFA
    source: Test 2
    checks: [{ check: iam-user-console-mfa }]
  - id: "3"
    title: Root MFA again, evaluated once
    source: Test 3
    checks: [{ check: iam-root-mfa-enabled }]
`;

function assessed(rows: string[]) {
  const snap = emptySnapshot();
  snap.global.calls['iam:GetCredentialReport'] = { Content: credentialReport(rows) };
  return assess(snap, buildInventory(snap), [parseRuleSet(RULES, 'test.yaml')], '0.0.0-test');
}

const alice = (mfa: boolean) =>
  `alice,arn:aws:iam::${SNAP_ACCOUNT}:user/alice,2024-01-10T00:00:00+00:00,true,2026-11-19T08:00:00+00:00,N/A,N/A,${mfa},false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;

describe('assess', () => {
  it('runs each (check, params) once and joins results to controls', () => {
    const a = assessed([alice(false)]);
    expect(a.evaluations.map((e) => e.key)).toEqual(['iam-root-mfa-enabled', 'iam-root-no-access-keys', 'iam-user-console-mfa']);
    const [fw] = a.frameworks;
    expect(fw?.controls.map((c) => [c.id, c.status, c.score])).toEqual([
      ['1', 'pass', 100],
      ['2', 'fail', 0],
      ['3', 'pass', 100],
    ]);
    // Framework: root MFA (10) + root keys (10) pass, alice MFA (7) fails; root MFA counted once.
    expect(fw?.counts).toEqual({ pass: 2, fail: 1, error: 0, not_applicable: 0 });
    expect(fw?.score).toBe(74.1);
    expect(a.complete).toBe(true);
  });

  it('gates: 1 on a failing result at or above --fail-on, 0 below it, 1 under --min-score', () => {
    const a = assessed([alice(false)]);
    expect(gateExitCode(a, { failOn: 'high' }).exitCode).toBe(1);
    expect(gateExitCode(a, { failOn: 'critical' }).exitCode).toBe(0);
    expect(gateExitCode(a, { failOn: 'none' }).exitCode).toBe(0);
    expect(gateExitCode(a, { failOn: 'none', minScore: 74.1 }).exitCode).toBe(0);
    expect(gateExitCode(a, { failOn: 'none', minScore: 75 })).toEqual({
      exitCode: 1,
      reasons: ['test-framework scored 74.1, under --min-score 75'],
    });
  });

  it('gates 3 when results are error, whatever else failed', () => {
    const snap = emptySnapshot();
    delete snap.global.calls['iam:GetCredentialReport'];
    snap.errors.push({ service: 'iam', operation: 'GetCredentialReport', region: 'global', code: 'AccessDenied', message: 'denied' });
    const a = assess(snap, buildInventory(snap), [parseRuleSet(RULES, 'test.yaml')], '0.0.0-test');
    expect(a.complete).toBe(false);
    expect(a.frameworks[0]?.controls.map((c) => c.status)).toEqual(['error', 'error', 'error']);
    expect(a.frameworks[0]?.score).toBe(0);
    expect(gateExitCode(a, { failOn: 'low' }).exitCode).toBe(3);
  });
});
