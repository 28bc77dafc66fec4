/**
 * A manual control is shown, never scored: status `manual`, null score, zero
 * counts, no evaluations; it changes neither the framework score nor the gate.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import { gateExitCode } from '../../src/assess/gate.js';
import { buildInventory } from '../../src/inventory/build.js';
import { parseRuleSet } from '../../src/rules/load.js';
import { credentialReport, emptySnapshot, SNAP_ACCOUNT } from '../helpers/snapshot.js';

const AUTOMATED = `id: test-framework
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
`;
const WITH_MANUAL = `${AUTOMATED}  - id: "3"
    title: Security awareness training
    source: Test 3
    manual: { collect: Training records for every staff member. }
`;
const ONLY_MANUAL = `id: manual-only
title: Manual only
version: "1"
source: { document: Test, publisher: Test, date: "2026" }
controls:
  - id: M-1
    title: A policy
    source: Test M-1
    manual: { collect: The policy document. }
`;

const alice = (mfa: boolean) =>
  `alice,arn:aws:iam::${SNAP_ACCOUNT}:user/alice,2024-01-10T00:00:00+00:00,true,2026-11-19T08:00:00+00:00,N/A,N/A,${mfa},false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;

function assessed(rules: string[], mfa = false) {
  const snap = emptySnapshot();
  snap.global.calls['iam:GetCredentialReport'] = { Content: credentialReport([alice(mfa)]) };
  return assess(snap, buildInventory(snap), rules.map((r, i) => parseRuleSet(r, `r${i}.yaml`)), '0.0.0-test');
}

describe('manual controls in the assessment', () => {
  it('have status manual, a null score, zero counts, no evaluations and the evidence to collect', () => {
    const control = assessed([WITH_MANUAL]).frameworks[0]!.controls[2]!;
    expect(control).toEqual({
      id: '3',
      title: 'Security awareness training',
      source: 'Test 3',
      verified: true,
      status: 'manual',
      score: null,
      scoreCountingWaived: null,
      counts: { pass: 0, fail: 0, error: 0, not_applicable: 0 },
      waived: 0,
      waivedResults: [],
      evaluations: [],
      manual: { collect: 'Training records for every staff member.' },
      evidence: 'manual',
      attested: false,
    });
  });

  it('are counted apart in controlCounts, never as passes', () => {
    expect(assessed([WITH_MANUAL], true).frameworks[0]!.controlCounts).toEqual({ pass: 2, fail: 0, error: 0, not_applicable: 0, manual: 1 });
    expect(assessed([AUTOMATED], true).frameworks[0]!.controlCounts).toEqual({ pass: 2, fail: 0, error: 0, not_applicable: 0, manual: 0 });
  });

  it('change neither the framework score, status and counts nor the evaluations', () => {
    const [withManual, without] = [assessed([WITH_MANUAL]), assessed([AUTOMATED])];
    const pick = (a: typeof withManual) => {
      const f = a.frameworks[0]!;
      return { score: f.score, status: f.status, counts: f.counts, evaluations: a.evaluations, complete: a.complete };
    };
    expect(pick(withManual)).toEqual(pick(without));
    expect(withManual.frameworks[0]!.score).toBe(74.1);
  });

  it('never affect the gate', () => {
    for (const mfa of [true, false]) {
      for (const opts of [{ failOn: 'low' as const }, { failOn: 'none' as const, minScore: 80 }]) {
        expect(gateExitCode(assessed([WITH_MANUAL], mfa), opts)).toEqual(gateExitCode(assessed([AUTOMATED], mfa), opts));
      }
    }
  });

  it('leave a framework of only manual controls unscored and not applicable', () => {
    const a = assessed([ONLY_MANUAL]);
    const f = a.frameworks[0]!;
    expect([f.score, f.status, f.controlCounts.manual]).toEqual([null, 'not_applicable', 1]);
    expect(a.evaluations).toEqual([]);
    expect(gateExitCode(a, { failOn: 'low', minScore: 100 }).exitCode).toBe(0);
  });
});
