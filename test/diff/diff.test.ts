/**
 * diffReports on hand-built reports: the transition table, worst state across
 * params, waivers per control (reports without `waivedResults` read as none),
 * scopes whose change differs from the overall one, frameworks and controls in
 * one report only, score rounding and ordering.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Severity, Status } from '../../src/checks/types.js';
import { changeOf, diffReports, scoreChange, type DiffableControl, type DiffableReport } from '../../src/diff/diff.js';
import { diffGate } from '../../src/diff/gate.js';
import { FINDING_STATES, type ChangeKind, type FindingState } from '../../src/diff/types.js';
import { findingFingerprint } from '../../src/reporters/sarif.js';

const ACCOUNT = '111122223333';
const arn = (id: string) => `arn:aws:ec2:ap-south-1:${ACCOUNT}:security-group/${id}`;

interface Ev { key: string; severity?: Severity; results: [id: string, status: Status][] }
interface Ctl { id: string; evaluations: string[]; waived?: [evaluation: string, id: string, waiver: string][]; score?: number | null }
interface Fw { id: string; controls: Ctl[]; score?: number | null }

function report(evaluations: Ev[], frameworks: Fw[], opts: { collectedAt?: string; complete?: boolean } = {}): DiffableReport {
  return {
    tool: { version: '0.1.0' },
    snapshot: { accountId: ACCOUNT, collectedAt: opts.collectedAt ?? '2026-08-20T06:00:00Z' },
    complete: opts.complete ?? true,
    frameworks: frameworks.map((f) => ({
      id: f.id,
      title: `Framework ${f.id}`,
      score: f.score ?? null,
      controls: f.controls.map((c) => {
        const out: DiffableControl = { id: c.id, title: `Control ${c.id}`, status: 'pass', score: c.score ?? null, evaluations: c.evaluations };
        // Leaving the field out when nothing is waived also covers reports written before waivers.
        if (c.waived) out.waivedResults = c.waived.map(([evaluation, id, waiver]) => ({ evaluation, arn: arn(id), waiver }));
        return out;
      }),
    })),
    evaluations: evaluations.map((e) => {
      const checkId = e.key.split('#')[0]!;
      return {
        key: e.key,
        checkId,
        severity: e.severity ?? 'high',
        results: e.results.map(([id, status]) => ({
          checkId,
          status,
          resource: { type: 'AWS::EC2::SecurityGroup', arn: arn(id), id, account: ACCOUNT, region: 'ap-south-1' },
          message: `${id} ${status}`,
          evidence: {},
        })),
      };
    }),
  };
}

/** One framework, one control, one evaluation `chk` over the given results. */
const single = (results: Ev['results'], waived?: Ctl['waived']) =>
  report([{ key: 'chk', results }], [{ id: 'fw', controls: [{ id: 'C1', evaluations: ['chk'], ...(waived ? { waived } : {}) }] }]);

describe('changeOf', () => {
  // Rows: before; columns: after, in FINDING_STATES order (fail, waived, error, pass, not_applicable, absent).
  const table: Record<FindingState, (ChangeKind | undefined)[]> = {
    fail: ['persisting', 'newly_waived', 'undetermined', 'fixed', 'fixed', 'fixed'],
    waived: ['new', undefined, 'undetermined', 'fixed', 'fixed', 'fixed'],
    error: ['new', 'newly_waived', undefined, undefined, undefined, undefined],
    pass: ['new', 'newly_waived', undefined, undefined, undefined, undefined],
    not_applicable: ['new', 'newly_waived', undefined, undefined, undefined, undefined],
    absent: ['new', 'newly_waived', undefined, undefined, undefined, undefined],
  };
  it.each(FINDING_STATES)('from %s', (before) => {
    expect(FINDING_STATES.map((after) => changeOf(before, after))).toEqual(table[before]);
  });
});

describe('diffReports', () => {
  it('classifies each finding and counts it once per scope', () => {
    const older = single([['sg-fixed', 'fail'], ['sg-stays', 'fail'], ['sg-unknown', 'fail'], ['sg-ok', 'pass'], ['sg-gone', 'fail']]);
    const newer = single([['sg-fixed', 'pass'], ['sg-stays', 'fail'], ['sg-unknown', 'error'], ['sg-ok', 'fail'], ['sg-added', 'fail']]);
    const d = diffReports(older, newer);
    const kinds = Object.fromEntries(d.findings.map((f) => [f.resourceId, [f.change, f.before, f.after]]));
    expect(kinds).toEqual({
      'sg-fixed': ['fixed', 'fail', 'pass'],
      'sg-stays': ['persisting', 'fail', 'fail'],
      'sg-unknown': ['undetermined', 'fail', 'error'],
      'sg-ok': ['new', 'pass', 'fail'],
      'sg-gone': ['fixed', 'fail', 'absent'],
      'sg-added': ['new', 'absent', 'fail'],
    });
    const counts = { new: 2, fixed: 2, persisting: 1, newly_waived: 0, undetermined: 1 };
    expect(d.counts).toEqual(counts);
    expect(d.frameworks[0]!.counts).toEqual(counts);
    expect(d.frameworks[0]!.controls[0]!.counts).toEqual(counts);
    // The message is the newer result's, the older one's when the resource is gone.
    expect(d.findings.find((f) => f.resourceId === 'sg-gone')!.message).toBe('sg-gone fail');
    expect(d.findings.find((f) => f.resourceId === 'sg-fixed')!.message).toBe('sg-fixed pass');
  });

  it('a failure the newer scan could not look at (a region-wide error of its check) is undetermined, not fixed', () => {
    // A failed call gives one result for the whole region: resource id `*`.
    const older = report(
      [{ key: 'chk', results: [['sg-1', 'fail'], ['sg-2', 'fail']] }, { key: 'other', results: [['sg-3', 'fail']] }],
      [{ id: 'fw', controls: [{ id: 'C1', evaluations: ['chk', 'other'] }] }],
    );
    const newer = report(
      [{ key: 'chk', results: [['*', 'error']] }, { key: 'other', results: [['sg-4', 'pass']] }],
      [{ id: 'fw', controls: [{ id: 'C1', evaluations: ['chk', 'other'] }] }],
    );
    const d = diffReports(older, newer);
    expect(d.findings.map((f) => [f.resourceId, f.change, f.before, f.after])).toEqual([
      ['sg-1', 'undetermined', 'fail', 'error'],
      ['sg-2', 'undetermined', 'fail', 'error'],
      // Another check's blanket error covers nothing of this one: gone is fixed.
      ['sg-3', 'fixed', 'fail', 'absent'],
    ]);
    expect(d.counts).toMatchObject({ fixed: 1, undetermined: 2 });
    expect(d.frameworks[0]!.controls[0]!.counts).toMatchObject({ fixed: 1, undetermined: 2 });
  });

  it('fingerprints as SARIF does: sha256 of check id and ARN', () => {
    const d = diffReports(single([]), single([['sg-1', 'fail']]));
    const expected = createHash('sha256').update(`chk\n${arn('sg-1')}`).digest('hex');
    expect(d.findings[0]!.fingerprint).toBe(expected);
    expect(findingFingerprint('chk', arn('sg-1'))).toBe(expected);
    expect(d.frameworks[0]!.controls[0]!.findings).toEqual([expected]);
    expect(d.frameworks[0]!.controls[0]!.byKind.new).toEqual([expected]);
  });

  it('newly_waived: failing before (or absent), waived in the control now, with the waiver ref', () => {
    const older = single([['sg-1', 'fail']]);
    const newer = single([['sg-1', 'fail'], ['sg-2', 'fail']], [['chk', 'sg-1', 'W-1'], ['chk', 'sg-2', 'W-2']]);
    const d = diffReports(older, newer);
    expect(d.counts).toEqual({ new: 0, fixed: 0, persisting: 0, newly_waived: 2, undetermined: 0 });
    expect(d.findings.map((f) => [f.resourceId, f.before, f.after, f.waiver])).toEqual([
      ['sg-1', 'fail', 'waived', 'W-1'],
      ['sg-2', 'absent', 'waived', 'W-2'],
    ]);
    // Waived on both sides is no change; waived before and failing now is new; waived then fixed is fixed.
    const again = diffReports(newer, single([['sg-1', 'fail'], ['sg-2', 'pass']], [['chk', 'sg-1', 'W-1']]));
    expect(again.findings.map((f) => [f.resourceId, f.change])).toEqual([['sg-2', 'fixed']]);
    const expired = diffReports(newer, single([['sg-1', 'fail'], ['sg-2', 'fail']], [['chk', 'sg-2', 'W-2']]));
    expect(expired.findings.map((f) => [f.resourceId, f.change, f.before])).toEqual([['sg-1', 'new', 'waived']]);
  });

  it('a control waiver: the finding is newly waived in that control, persisting where it still fails', () => {
    const fw = (waived?: Ctl['waived']): Fw => ({ id: 'fw', controls: [{ id: 'A', evaluations: ['chk'], ...(waived ? { waived } : {}) }, { id: 'B', evaluations: ['chk'] }] });
    const ev: Ev[] = [{ key: 'chk', results: [['sg-1', 'fail']] }];
    const d = diffReports(report(ev, [fw()]), report(ev, [fw([['chk', 'sg-1', 'W-A']])]));
    const [a, b] = d.frameworks[0]!.controls;
    expect(a!.counts.newly_waived).toBe(1);
    expect(b!.counts.persisting).toBe(1);
    // The framework and the totals take the worst state: it still fails in B.
    expect(d.frameworks[0]!.counts).toEqual({ new: 0, fixed: 0, persisting: 1, newly_waived: 0, undetermined: 0 });
    expect(d.findings.map((f) => [f.change, f.after])).toEqual([['persisting', 'fail']]);
  });

  it('one check with several params in a control: the worst state wins (fail > waived > error > pass)', () => {
    const evs = (a: Status, b: Status): Ev[] => [{ key: 'chk', results: [['sg-1', a]] }, { key: 'chk#strict', results: [['sg-1', b]] }];
    const fw = (waived?: Ctl['waived']): Fw[] => [{ id: 'fw', controls: [{ id: 'C1', evaluations: ['chk', 'chk#strict'], ...(waived ? { waived } : {}) }] }];
    const state = (older: DiffableReport, newer: DiffableReport) => diffReports(older, newer).findings.map((f) => [f.change, f.after]);
    expect(state(report(evs('pass', 'pass'), fw()), report(evs('pass', 'fail'), fw()))).toEqual([['new', 'fail']]);
    // Waived under one params, failing under the other: fails.
    expect(state(report(evs('pass', 'pass'), fw()), report(evs('fail', 'fail'), fw([['chk', 'sg-1', 'W']])))).toEqual([['new', 'fail']]);
    // Waived beats error: newly waived, not undetermined.
    expect(state(report(evs('fail', 'pass'), fw()), report(evs('fail', 'error'), fw([['chk', 'sg-1', 'W']])))).toEqual([['newly_waived', 'waived']]);
    // Error beats pass.
    expect(state(report(evs('fail', 'pass'), fw()), report(evs('error', 'pass'), fw()))).toEqual([['undetermined', 'error']]);
  });

  it('a framework can see a change the totals do not: stricter params fail there first', () => {
    const evs = (strict: Status): Ev[] => [{ key: 'chk', results: [['sg-1', 'fail']] }, { key: 'chk#strict', results: [['sg-1', strict]] }];
    const fws: Fw[] = [{ id: 'loose', controls: [{ id: 'L', evaluations: ['chk'] }] }, { id: 'strict', controls: [{ id: 'S', evaluations: ['chk#strict'] }] }];
    const d = diffReports(report(evs('pass'), fws), report(evs('fail'), fws));
    expect(d.counts.persisting).toBe(1);
    expect(d.counts.new).toBe(0);
    expect(d.frameworks.map((f) => [f.id, f.counts.new, f.counts.persisting])).toEqual([['loose', 0, 1], ['strict', 1, 0]]);
    expect(d.frameworks[1]!.byKind.new).toEqual([d.findings[0]!.fingerprint]);
    expect(diffGate(d, 'low').exitCode).toBe(0); // not new overall: it failed before, under the other params
  });

  it('a finding waived overall on both sides is not listed, though a control the rule set added waives it', () => {
    const ev: Ev[] = [{ key: 'chk', results: [['sg-1', 'fail']] }];
    const older = report(ev, [{ id: 'fw', controls: [{ id: 'A', evaluations: ['chk'], waived: [['chk', 'sg-1', 'W']] }] }]);
    const newer = report(ev, [{ id: 'fw', controls: [{ id: 'A', evaluations: ['chk'], waived: [['chk', 'sg-1', 'W']] }, { id: 'B', evaluations: ['chk'], waived: [['chk', 'sg-1', 'W']] }] }]);
    const d = diffReports(older, newer);
    expect(d.findings).toEqual([]);
    expect(d.counts).toEqual({ new: 0, fixed: 0, persisting: 0, newly_waived: 0, undetermined: 0 });
    const b = d.frameworks[0]!.controls[1]!;
    expect([b.id, b.oldStatus, b.newStatus, b.counts.newly_waived]).toEqual(['B', null, 'pass', 1]);
    expect(b.findings).toEqual([findingFingerprint('chk', arn('sg-1'))]);
  });

  it('compares frameworks in both reports only; controls in one report are listed, the older-only ones last', () => {
    const ev: Ev[] = [{ key: 'chk', results: [['sg-1', 'fail']] }];
    const older = report(ev, [{ id: 'dropped', controls: [{ id: 'X', evaluations: ['chk'] }] }, { id: 'fw', controls: [{ id: 'OLD', evaluations: ['chk'] }, { id: 'KEPT', evaluations: ['chk'] }] }]);
    const newer = report(ev, [{ id: 'fw', controls: [{ id: 'KEPT', evaluations: ['chk'] }, { id: 'NEW', evaluations: [] }] }, { id: 'added', controls: [] }]);
    const d = diffReports(older, newer);
    expect(d.frameworksOnlyIn).toEqual({ old: ['dropped'], new: ['added'] });
    expect(d.frameworks.map((f) => f.id)).toEqual(['fw']);
    expect(d.frameworks[0]!.controls.map((c) => [c.id, c.oldStatus, c.newStatus, c.counts.fixed, c.counts.persisting])).toEqual([
      ['KEPT', 'pass', 'pass', 0, 1],
      ['NEW', null, 'pass', 0, 0],
      ['OLD', 'pass', null, 1, 0],
    ]);
    // Dropping a framework or a control fixes nothing overall.
    expect(d.counts).toEqual({ new: 0, fixed: 0, persisting: 1, newly_waived: 0, undetermined: 0 });
  });

  it('score changes to one decimal, null when either side is unscored', () => {
    expect(scoreChange(72.3, 74.5)).toBe(2.2);
    expect(scoreChange(88.7, 89.1)).toBe(0.4);
    expect(scoreChange(50, 12.3)).toBe(-37.7);
    expect(Object.is(scoreChange(70.1, 70.1), 0)).toBe(true);
    expect(scoreChange(null, 50)).toBeNull();
    expect(scoreChange(50, null)).toBeNull();
    const d = diffReports(
      report([], [{ id: 'fw', score: 72.3, controls: [{ id: 'C', evaluations: [], score: null }] }]),
      report([], [{ id: 'fw', score: 74.5, controls: [{ id: 'C', evaluations: [], score: 10 }] }]),
    );
    expect([d.frameworks[0]!.scoreChange, d.frameworks[0]!.controls[0]!.scoreChange]).toEqual([2.2, null]);
  });

  it('orders findings by severity, check, ARN, whatever the input order', () => {
    const evs: Ev[] = [
      { key: 'b-check', severity: 'low', results: [['sg-2', 'fail'], ['sg-1', 'fail']] },
      { key: 'a-check', severity: 'low', results: [['sg-3', 'fail']] },
      { key: 'a-check-longer', severity: 'low', results: [['sg-0', 'fail']] },
      { key: 'z-check', severity: 'critical', results: [['sg-9', 'fail']] },
    ];
    const fw: Fw[] = [{ id: 'fw', controls: [{ id: 'C', evaluations: evs.map((e) => e.key).sort() }] }];
    const d = diffReports(report([], fw), report(evs, fw));
    const expected = [['z-check', 'sg-9'], ['a-check', 'sg-3'], ['a-check-longer', 'sg-0'], ['b-check', 'sg-1'], ['b-check', 'sg-2']];
    expect(d.findings.map((f) => [f.checkId, f.resourceId])).toEqual(expected);
    expect(d.frameworks[0]!.controls[0]!.findings).toEqual(d.findings.map((f) => f.fingerprint));
    const shuffled = diffReports(report([], fw), report([...evs].reverse().map((e) => ({ ...e, results: [...e.results].reverse() })), fw));
    expect(JSON.stringify(shuffled)).toBe(JSON.stringify(d));
  });

  it('gates on new findings at a severity or above; an incomplete newer scan is 3', () => {
    const older = single([]);
    const newer = report([{ key: 'chk', severity: 'medium', results: [['sg-1', 'fail']] }], [{ id: 'fw', controls: [{ id: 'C1', evaluations: ['chk'] }] }]);
    expect(diffGate(diffReports(older, newer), 'high')).toEqual({ exitCode: 0, reasons: [] });
    expect(diffGate(diffReports(older, newer), 'medium').exitCode).toBe(1);
    const incomplete = { ...newer, complete: false };
    expect(diffGate(diffReports(older, incomplete), 'critical').exitCode).toBe(3);
  });
});
