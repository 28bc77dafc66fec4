/**
 * Compare two reports of one account: which findings are new, fixed,
 * persisting, newly waived or undetermined, per control, per framework and
 * overall, with score changes. Pure and deterministic.
 */
import { findingFingerprint } from '../assess/identity.js';
import type { ControlStatus, WaivedResult } from '../assess/types.js';
import { SEVERITIES, type CheckResult, type Severity } from '../checks/types.js';
import {
  type ChangeCounts,
  type ChangesByKind,
  type ChangeKind,
  type ControlDiff,
  type FindingChange,
  type FindingState,
  type FrameworkDiff,
  type ReportDiff,
  type ReportSide,
} from './types.js';

/**
 * The parts of an Assessment a diff reads. `waivedResults` is optional:
 * reports written before waivers existed have none.
 */
export interface DiffableControl {
  id: string;
  title: string;
  status: ControlStatus;
  score: number | null;
  evaluations: string[];
  waivedResults?: WaivedResult[];
}
export interface DiffableReport {
  tool: { version: string };
  snapshot: { accountId: string; collectedAt: string };
  complete: boolean;
  frameworks: { id: string; title: string; score: number | null; controls: DiffableControl[] }[];
  evaluations: { key: string; checkId: string; severity: Severity; results: CheckResult[] }[];
}

/** Higher is worse; the worst state in a scope is the finding's state there. */
const RANK: Record<FindingState, number> = { absent: 0, not_applicable: 1, pass: 2, error: 3, waived: 4, fail: 5 };

/** What decided a finding's state in a scope: the state and the result behind it. */
interface Seen {
  state: FindingState;
  checkId: string;
  severity: Severity;
  result: CheckResult;
  waiver?: string;
}

/** Findings by internal key `checkId \n arn`. */
type Findings = Map<string, Seen>;

const findingKey = (checkId: string, arn: string) => `${checkId}\n${arn}`;

/** Keep the worse of two sightings; on a tie the first one stays, so scope order decides. */
function merge(into: Findings, key: string, seen: Seen): void {
  const had = into.get(key);
  if (!had || RANK[seen.state] > RANK[had.state]) into.set(key, seen);
}

function controlFindings(control: DiffableControl, evaluations: Map<string, DiffableReport['evaluations'][number]>): Findings {
  const waivers = new Map((control.waivedResults ?? []).map((w) => [`${w.evaluation}\n${w.arn}`, w.waiver]));
  const out: Findings = new Map();
  for (const key of control.evaluations) {
    const ev = evaluations.get(key);
    if (!ev) continue; // read.ts rejects dangling keys; a hand-built object may still have them
    for (const result of ev.results) {
      const waiver = result.status === 'fail' ? waivers.get(`${ev.key}\n${result.resource.arn}`) : undefined;
      const state: FindingState = waiver !== undefined ? 'waived' : result.status;
      const seen: Seen = { state, checkId: ev.checkId, severity: ev.severity, result };
      if (waiver !== undefined) seen.waiver = waiver;
      merge(out, findingKey(ev.checkId, result.resource.arn), seen);
    }
  }
  return out;
}

/** The transition table of ChangeKind (see diff/types.ts); undefined is no change. */
export function changeOf(before: FindingState, after: FindingState): ChangeKind | undefined {
  if (after === 'fail') return before === 'fail' ? 'persisting' : 'new';
  if (after === 'waived') return before === 'waived' ? undefined : 'newly_waived';
  if (before !== 'fail' && before !== 'waived') return undefined;
  return after === 'error' ? 'undetermined' : 'fixed';
}

const zeroCounts = (): ChangeCounts => ({ new: 0, fixed: 0, persisting: 0, newly_waived: 0, undetermined: 0 });

/** One decimal, like the scores; never -0. */
export function scoreChange(oldScore: number | null, newScore: number | null): number | null {
  if (oldScore === null || newScore === null) return null;
  return Math.round((newScore - oldScore) * 10) / 10 || 0;
}

/**
 * A check that could not see its data in a region reports one `error` result
 * for all of it (resource id `*`), not one per resource. Such a blanket error
 * covers every finding of that check in that account and region.
 */
const blanketKey = (checkId: string, r: CheckResult['resource']) => `${checkId}\n${r.account}\n${r.region}`;
const blankets = new WeakMap<Findings, Set<string>>();
function blanketErrors(findings: Findings): Set<string> {
  let set = blankets.get(findings);
  if (!set) {
    set = new Set([...findings.values()].filter((s) => s.state === 'error' && s.result.resource.id === '*').map((s) => blanketKey(s.checkId, s.result.resource)));
    blankets.set(findings, set);
  }
  return set;
}

/**
 * A finding's state in a scope. Absent, but under a blanket error of its
 * check and region, it is `error`: the newer scan could not look, so a
 * failure that vanished this way is undetermined, never fixed.
 */
function stateIn(findings: Findings, key: string, other: Seen | undefined): FindingState {
  const seen = findings.get(key);
  if (seen) return seen.state;
  if (other && blanketErrors(findings).has(blanketKey(other.checkId, other.result.resource))) return 'error';
  return 'absent';
}

/** Changes between two finding maps of the same scope, as (key, kind) pairs. */
function scopedChanges(before: Findings, after: Findings): Map<string, ChangeKind> {
  const out = new Map<string, ChangeKind>();
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const kind = changeOf(stateIn(before, key, after.get(key)), stateIn(after, key, before.get(key)));
    if (kind) out.set(key, kind);
  }
  return out;
}

function side(r: DiffableReport): ReportSide {
  return { accountId: r.snapshot.accountId, collectedAt: r.snapshot.collectedAt, toolVersion: r.tool.version, complete: r.complete };
}

/**
 * The diff from `older` to `newer`. Only frameworks in both are compared;
 * controls are matched by id within a framework, findings by check id + ARN.
 * Any `baseline` either report carries is ignored.
 */
export function diffReports(older: DiffableReport, newer: DiffableReport): ReportDiff {
  const evOld = new Map(older.evaluations.map((e) => [e.key, e]));
  const evNew = new Map(newer.evaluations.map((e) => [e.key, e]));
  const oldFrameworks = new Map(older.frameworks.map((f) => [f.id, f]));
  const newIds = new Set(newer.frameworks.map((f) => f.id));

  const totalOld: Findings = new Map();
  const totalNew: Findings = new Map();
  // Scoped changes are resolved to fingerprints once the overall list (and its order) is known.
  type Scoped = 'counts' | 'findings' | 'byKind';
  const pending: {
    framework: Omit<FrameworkDiff, Scoped | 'controls'>;
    changes: Map<string, ChangeKind>;
    controls: { diff: Omit<ControlDiff, Scoped>; changes: Map<string, ChangeKind> }[];
  }[] = [];

  for (const nf of newer.frameworks) {
    const of = oldFrameworks.get(nf.id);
    if (!of) continue;
    const fwOld: Findings = new Map();
    const fwNew: Findings = new Map();
    const oldControls = new Map(of.controls.map((c) => [c.id, c]));
    const newControlIds = new Set(nf.controls.map((c) => c.id));
    const pairs = [
      ...nf.controls.map((c) => [oldControls.get(c.id), c] as const),
      ...of.controls.filter((c) => !newControlIds.has(c.id)).map((c) => [c, undefined] as const),
    ];
    const controls = pairs.map(([oc, nc]) => {
      const before = oc ? controlFindings(oc, evOld) : new Map<string, Seen>();
      const after = nc ? controlFindings(nc, evNew) : new Map<string, Seen>();
      for (const [k, s] of before) merge(fwOld, k, s);
      for (const [k, s] of after) merge(fwNew, k, s);
      const id = (nc ?? oc)!.id;
      const oldScore = oc?.score ?? null;
      const newScore = nc?.score ?? null;
      return {
        diff: { id, title: (nc ?? oc)!.title, oldStatus: oc?.status ?? null, newStatus: nc?.status ?? null, oldScore, newScore, scoreChange: scoreChange(oldScore, newScore) },
        changes: scopedChanges(before, after),
      };
    });
    for (const [k, s] of fwOld) merge(totalOld, k, s);
    for (const [k, s] of fwNew) merge(totalNew, k, s);
    pending.push({
      framework: { id: nf.id, title: nf.title, oldScore: of.score, newScore: nf.score, scoreChange: scoreChange(of.score, nf.score) },
      changes: scopedChanges(fwOld, fwNew),
      controls,
    });
  }

  const overall = scopedChanges(totalOld, totalNew);
  const describe = (key: string, change: ChangeKind): FindingChange => {
    const before = totalOld.get(key);
    const after = totalNew.get(key);
    // The newer result describes the finding unless the resource is gone from the newer report.
    const shown = after ?? before!;
    const r = shown.result.resource;
    const f: FindingChange = {
      fingerprint: findingFingerprint(shown.checkId, r.arn),
      checkId: shown.checkId,
      severity: shown.severity,
      arn: r.arn,
      region: r.region,
      resourceType: r.type,
      resourceId: r.id,
      change,
      before: stateIn(totalOld, key, after),
      after: stateIn(totalNew, key, before),
      message: shown.result.message,
    };
    if (change === 'newly_waived' && after?.waiver !== undefined) f.waiver = after.waiver;
    return f;
  };
  // Severity (critical first), then check id, then ARN: comparing `checkId \n arn` keys orders
  // them as check id then ARN ('\n' sorts before any character of an id).
  const severityOf = (k: string) => SEVERITIES.indexOf((totalNew.get(k) ?? totalOld.get(k))!.severity);
  const compareKeys = (a: string, b: string) => severityOf(a) - severityOf(b) || (a < b ? -1 : a > b ? 1 : 0);
  const findings = [...overall.keys()].sort(compareKeys).map((key) => describe(key, overall.get(key)!));

  // Scoped lists use the same order. A finding changed in a scope but waived overall on both
  // sides is not in `findings` (no change overall) but still has its fingerprint here.
  const fingerprints = new Map(findings.map((f) => [findingKey(f.checkId, f.arn), f.fingerprint]));
  const fingerprintOf = (key: string) => {
    let fp = fingerprints.get(key);
    if (fp === undefined) {
      const cut = key.indexOf('\n');
      fp = findingFingerprint(key.slice(0, cut), key.slice(cut + 1));
      fingerprints.set(key, fp);
    }
    return fp;
  };

  const scoped = (changes: Map<string, ChangeKind>): { counts: ChangeCounts; findings: string[]; byKind: ChangesByKind } => {
    const counts = zeroCounts();
    const byKind: ChangesByKind = { new: [], fixed: [], persisting: [], newly_waived: [], undetermined: [] };
    const keys = [...changes.keys()].sort(compareKeys);
    for (const k of keys) {
      const kind = changes.get(k)!;
      counts[kind]++;
      byKind[kind].push(fingerprintOf(k));
    }
    return { counts, findings: keys.map(fingerprintOf), byKind };
  };

  const totals = zeroCounts();
  for (const kind of overall.values()) totals[kind]++;

  return {
    schemaVersion: 1,
    old: side(older),
    new: side(newer),
    counts: totals,
    frameworks: pending.map((p) => ({
      ...p.framework,
      ...scoped(p.changes),
      controls: p.controls.map((c) => ({ ...c.diff, ...scoped(c.changes) })),
    })),
    frameworksOnlyIn: {
      old: older.frameworks.map((f) => f.id).filter((id) => !newIds.has(id)),
      new: newer.frameworks.map((f) => f.id).filter((id) => !oldFrameworks.has(id)),
    },
    findings,
  };
}

/** Findings of a kind at `severity` or above (critical is the highest). */
export function findingsAtOrAbove(diff: ReportDiff, kind: ChangeKind, severity: Severity): FindingChange[] {
  const worst = SEVERITIES.indexOf(severity);
  return diff.findings.filter((f) => f.change === kind && SEVERITIES.indexOf(f.severity) <= worst);
}

