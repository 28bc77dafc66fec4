/**
 * Assessments for the VAPT pack tests: a fixture's, and the same augmented by
 * hand with waivers, a baseline diff and hostile text from the "account", so
 * the reporters are tested against the contract types (src/assess/types.ts,
 * src/diff/types.ts) independently of how waivers and diffs get computed.
 */
import { readFileSync } from 'node:fs';
import { assess } from '../../src/assess/assess.js';
import type { AssessedResult, Assessment, Evaluation } from '../../src/assess/types.js';
import type { ChangeCounts, ChangesByKind, FindingChange, FindingState, ReportDiff } from '../../src/diff/types.js';
import { buildInventory } from '../../src/inventory/build.js';
import { findingFingerprint } from '../../src/assess/identity.js';
import { loadBuiltinRuleSets } from '../../src/rules/load.js';
import { parseArchitecture } from '../../src/reach/load-profile.js';
import { parseSnapshot } from '../../src/snapshot/read.js';
import { fixture } from '../helpers/cli.js';

export function fixtureAssessment(name: string): Assessment {
  const snapshot = parseSnapshot(readFileSync(fixture(`${name}.json`), 'utf8'), `${name}.json`);
  return assess(snapshot, buildInventory(snapshot), loadBuiltinRuleSets(), '0.1.0');
}

/** A seed fixture's assessment held against its architecture profile (`fixtures/<name>.arch.yaml`), as `scan --arch` makes it. */
export function archAssessment(name: string): Assessment {
  const snapshot = parseSnapshot(readFileSync(fixture(`${name}.json`), 'utf8'), `${name}.json`);
  const inv = buildInventory(snapshot);
  inv.architecture = parseArchitecture(readFileSync(fixture(`${name}.arch.yaml`), 'utf8'), `${name}.arch.yaml`);
  return assess(snapshot, inv, loadBuiltinRuleSets(), '0.1.0');
}

/** Text an attacker could plant in a resource name or tag: markup, a table pipe, a formula, a fetch. */
export const HOSTILE = '<img src="https://evil.example/x.png"> | `tick` *bold* =HYPERLINK("https://evil.example") & </td>';

export interface Augmented {
  assessment: Assessment;
  /** Waived everywhere by check waiver W-001. */
  waivedEverywhere: { evaluation: Evaluation; result: AssessedResult };
  /** Waived in one control only, by control waiver W-002. */
  waivedInOne: { evaluation: Evaluation; result: AssessedResult; control: string };
  /** The result whose name and message carry HOSTILE. */
  hostile: AssessedResult;
}

const zero = (): ChangeCounts => ({ new: 0, fixed: 0, persisting: 0, newly_waived: 0, undetermined: 0 });
const byKind = (): ChangesByKind => ({ new: [], fixed: [], persisting: [], newly_waived: [], undetermined: [] });

/** Take one failing result out of a control's fail counts, as a waiver would. */
function waiveIn(a: Assessment, frameworkId: string, controlId: string, ev: Evaluation, r: AssessedResult, ref: string) {
  const c = a.frameworks.find((x) => x.id === frameworkId)!.controls.find((x) => x.id === controlId)!;
  c.waivedResults.push({ evaluation: ev.key, arn: r.resource.arn, waiver: ref });
  c.waived++;
  c.counts.fail--;
}

export function augmented(name = 'payments-group'): Augmented {
  const a = structuredClone(fixtureAssessment(name));
  const failing = a.evaluations.filter((e) => e.counts.fail > 0);
  const citing = (ev: Evaluation) => a.frameworks.flatMap((f) => f.controls.filter((c) => c.evaluations.includes(ev.key)).map((c) => [f.id, c.id] as const));

  // W-001: a check waiver, so the result is waived in every control citing it.
  const ev1 = failing[0]!;
  const r1 = ev1.results.find((r) => r.status === 'fail')!;
  r1.waiver = { refs: ['W-001'], everywhere: true };
  ev1.waived++;
  for (const [f, c] of citing(ev1)) waiveIn(a, f, c, ev1, r1, 'W-001');
  // A distinct result, waived in every control of each framework citing it.
  for (const id of new Set(citing(ev1).map(([f]) => f))) {
    const f = a.frameworks.find((x) => x.id === id)!;
    f.waived++;
    f.counts.fail--;
  }

  // W-002: a control waiver, waiving the result in its first control only.
  const ev2 = failing.find((e) => e !== ev1 && citing(e).length > 1)!;
  const r2 = ev2.results.find((r) => r.status === 'fail')!;
  const [f2, c2] = citing(ev2)[0]!;
  r2.waiver = { refs: ['W-002'], everywhere: false };
  waiveIn(a, f2, c2, ev2, r2, 'W-002');

  // Scores as the assessment would report them: the waived score is higher, the counting-waived one the old.
  for (const f of a.frameworks) {
    f.scoreCountingWaived = f.score;
    if (f.waived > 0 && f.score !== null) f.score = Math.min(100, Math.round((f.score + 0.7) * 10) / 10);
  }

  // A third failing result whose name and message came from a hostile account.
  const ev3 = failing.find((e) => e !== ev1 && e !== ev2)!;
  const r3 = ev3.results.find((r) => r.status === 'fail')!;
  r3.resource.name = HOSTILE;
  r3.message = `${r3.message} ${HOSTILE}`;

  a.waivers = {
    asOf: '2026-11-20',
    entries: [
      { ref: 'W-001', id: 'W-001', check: ev1.checkId, resource: r1.resource.arn, reason: 'Compensating control: reviewed quarterly', approver: 'ciso@example.com', expires: '2027-03-31', state: 'active', matched: 1 },
      { ref: 'W-002', id: 'W-002', control: `${f2}:${c2}`, resource: r2.resource.arn, reason: 'Accepted for this control only', approver: 'risk@example.com', expires: '2026-12-31', state: 'active', matched: 1 },
      { ref: 'waivers[2]', check: 'ec2-sg-no-public-admin-ports', resource: 'arn:aws:ec2:*:*:security-group/*', reason: 'Old pen-test window', approver: 'it@example.com', expires: '2026-06-30', state: 'expired', matched: 2 },
      { ref: 'W-004', id: 'W-004', check: 'rds-multi-az', resource: 'arn:aws:rds:*:*:db:typo*', reason: HOSTILE, approver: '=cmd|"/c calc"!A1', expires: '2027-01-31', state: 'stale', matched: 0 },
    ],
  };

  // The baseline: last quarter r3 and r1 did not fail (new, newly waived), a since-deleted bucket failed (fixed).
  const change = (ev: Evaluation, r: AssessedResult, kind: FindingChange['change'], before: FindingState, after: FindingState): FindingChange => ({
    fingerprint: findingFingerprint(ev.checkId, r.resource.arn),
    checkId: ev.checkId,
    severity: ev.severity,
    arn: r.resource.arn,
    region: r.resource.region,
    resourceType: r.resource.type,
    resourceId: r.resource.id,
    change: kind,
    before,
    after,
    message: r.message,
  });
  const goneArn = `arn:aws:s3:::legacy-${HOSTILE.length}-bucket`;
  const fixed: FindingChange = {
    fingerprint: findingFingerprint('s3-bucket-public-access-block', goneArn),
    checkId: 's3-bucket-public-access-block',
    severity: 'high',
    arn: goneArn,
    region: 'us-east-1',
    resourceType: 'AWS::S3::Bucket',
    resourceId: `legacy-${HOSTILE.length}-bucket`,
    change: 'fixed',
    before: 'fail',
    after: 'absent',
    message: 'Bucket legacy-bucket does not block public access.',
  };
  const findings = [
    change(ev3, r3, 'new', 'pass', 'fail'),
    { ...change(ev1, r1, 'newly_waived', 'fail', 'waived'), waiver: 'W-001' },
    fixed,
    change(ev2, r2, 'persisting', 'fail', 'fail'),
  ];
  const diff: ReportDiff = {
    schemaVersion: 1,
    old: { accountId: a.snapshot.accountId, collectedAt: '2026-08-20T06:00:00Z', toolVersion: '0.0.9', complete: true },
    new: { accountId: a.snapshot.accountId, collectedAt: a.snapshot.collectedAt, toolVersion: a.tool.version, complete: a.complete },
    counts: zero(),
    frameworks: a.frameworks.map((f) => ({
      id: f.id,
      title: f.title,
      oldScore: f.score === null ? null : Math.max(0, Math.round((f.score - 4.2) * 10) / 10),
      newScore: f.score,
      scoreChange: f.score === null ? null : Math.round((f.score - Math.max(0, Math.round((f.score - 4.2) * 10) / 10)) * 10) / 10,
      counts: zero(),
      findings: [],
      byKind: byKind(),
      controls: f.controls.map((c) => ({
        id: c.id,
        title: c.title,
        oldStatus: c.status,
        newStatus: c.status,
        oldScore: c.score,
        newScore: c.score,
        scoreChange: c.score === null ? null : 0,
        counts: zero(),
        findings: [],
        byKind: byKind(),
      })),
    })),
    frameworksOnlyIn: { old: ['legacy-framework'], new: [] },
    findings,
  };
  // Count each finding once per framework and per control that cites its check.
  const byCheck = new Map(a.evaluations.map((e) => [e.checkId, e.key]));
  for (const fc of findings) {
    diff.counts[fc.change]++;
    const key = byCheck.get(fc.checkId);
    for (const fd of diff.frameworks) {
      const controls = a.frameworks.find((f) => f.id === fd.id)!.controls.filter((c) => key !== undefined && c.evaluations.includes(key));
      if (controls.length > 0) {
        fd.counts[fc.change]++;
        fd.findings.push(fc.fingerprint);
        fd.byKind[fc.change].push(fc.fingerprint);
      }
      for (const c of controls) {
        const cd = fd.controls.find((x) => x.id === c.id)!;
        cd.counts[fc.change]++;
        cd.findings.push(fc.fingerprint);
        cd.byKind[fc.change].push(fc.fingerprint);
      }
    }
  }
  a.baseline = diff;
  return { assessment: a, waivedEverywhere: { evaluation: ev1, result: r1 }, waivedInOne: { evaluation: ev2, result: r2, control: `${f2}:${c2}` }, hostile: r3 };
}
