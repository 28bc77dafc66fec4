/**
 * The text report's view of failures: each failing resource once, with the
 * checks it fails and the controls each breaks. Built in one pass over the
 * results (a Map from ARN to its failures), so it holds at 300k resources.
 */
import { resultKey } from '../assess/waive.js';
import type { AssessedResult, Assessment, Evaluation } from '../assess/types.js';
import { SEVERITIES, type ResourceRef, type Severity } from '../checks/types.js';

/** A control of a selected framework, numbered in report order (frameworks, then their controls). */
export interface ControlRef {
  framework: string;
  control: string;
}

/** One check failing on one resource; evaluations of the check that fail with the same message are one entry. */
export interface FailingCheck {
  checkId: string;
  severity: Severity;
  message: string;
  /** The first failing result (its evidence is quoted). */
  result: AssessedResult;
  /** The check's evaluations (params) that fail with this message. */
  evaluations: Evaluation[];
  /** Ordinals (into `FailureIndex.controls`) of the controls it fails, ascending. */
  broken: number[];
  /** Ordinals of the controls where a waiver accepted it. */
  waivedIn: number[];
  /** Refs of the waivers that matched it. */
  waivers: string[];
  /**
   * The params that tell this entry from the check's other entries on the
   * same resource (`key: value; ...`), or '' when it is the only one.
   */
  params: string;
}

export interface FailingResource {
  resource: ResourceRef;
  /** Most severe first, then most controls broken, then check id. */
  checks: FailingCheck[];
  /** The most severe unwaived failure; null when every failure is waived wherever it counts. */
  worst: Severity | null;
  /** Distinct controls broken (unwaived). */
  controls: number;
}

export interface FailureIndex {
  controls: ControlRef[];
  /** Worst first: severity, then controls broken, then failing checks, then ARN. */
  resources: FailingResource[];
  /** Of `resources`, those with an unwaived failure (they come first). */
  failing: number;
}

const rank = (s: Severity | null) => (s === null ? SEVERITIES.length : SEVERITIES.indexOf(s));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Param keys whose values differ between a check's evaluations: the only params worth showing. */
export function differingParams(evaluations: readonly Evaluation[]): Map<string, string[]> {
  const byCheck = new Map<string, Evaluation[]>();
  for (const ev of evaluations) {
    const list = byCheck.get(ev.checkId);
    if (list) list.push(ev);
    else byCheck.set(ev.checkId, [ev]);
  }
  const out = new Map<string, string[]>();
  for (const [checkId, evs] of byCheck) {
    if (evs.length < 2) continue;
    const keys = new Set(evs.flatMap((e) => Object.keys(e.params)));
    const differ = [...keys].filter((k) => new Set(evs.map((e) => JSON.stringify(e.params[k]))).size > 1).sort();
    if (differ.length > 0) out.set(checkId, differ);
  }
  return out;
}

/** A param value as a person reads it: lists comma-separated, objects as JSON. */
function paramValue(v: unknown): string {
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.map(String).join(', ');
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? 'unset');
}

export function failureIndex(a: Pick<Assessment, 'frameworks' | 'evaluations'>): FailureIndex {
  const controls: ControlRef[] = [];
  const byEvaluation = new Map<string, number[]>();
  // `evaluation\narn` -> the control ordinals that waive it (only waived results are here).
  const waivedBy = new Map<string, Set<number>>();
  for (const f of a.frameworks) {
    for (const c of f.controls) {
      const ordinal = controls.length;
      controls.push({ framework: f.id, control: c.id });
      for (const k of c.evaluations) {
        const list = byEvaluation.get(k);
        if (list) list.push(ordinal);
        else byEvaluation.set(k, [ordinal]);
      }
      for (const w of c.waivedResults) {
        const key = resultKey(w.evaluation, w.arn);
        const set = waivedBy.get(key) ?? new Set<number>();
        set.add(ordinal);
        waivedBy.set(key, set);
      }
    }
  }

  // ARN -> (check id + message) -> entry. Evaluations are sorted by key, so entries come out in a stable order.
  const byArn = new Map<string, { resource: ResourceRef; checks: Map<string, FailingCheck> }>();
  for (const ev of a.evaluations) {
    if (ev.counts.fail === 0) continue;
    const ordinals = byEvaluation.get(ev.key) ?? [];
    for (const r of ev.results) {
      if (r.status !== 'fail') continue;
      let bucket = byArn.get(r.resource.arn);
      if (!bucket) {
        bucket = { resource: r.resource, checks: new Map() };
        byArn.set(r.resource.arn, bucket);
      }
      const waived = r.waiver ? waivedBy.get(resultKey(ev.key, r.resource.arn)) : undefined;
      const broken = waived ? ordinals.filter((o) => !waived.has(o)) : ordinals;
      const key = `${ev.checkId}\n${r.message}`;
      const entry = bucket.checks.get(key);
      if (!entry) {
        bucket.checks.set(key, {
          checkId: ev.checkId,
          severity: ev.severity,
          message: r.message,
          result: r,
          evaluations: [ev],
          broken,
          waivedIn: waived ? [...waived].sort((x, y) => x - y) : [],
          waivers: r.waiver?.refs ?? [],
          params: '',
        });
        continue;
      }
      entry.evaluations.push(ev);
      // Merged entries are rare (one check run with several params): sets here are small.
      entry.broken = [...new Set([...entry.broken, ...broken])].sort((x, y) => x - y);
      if (waived) entry.waivedIn = [...new Set([...entry.waivedIn, ...waived])].sort((x, y) => x - y);
      if (r.waiver) entry.waivers = [...new Set([...entry.waivers, ...r.waiver.refs])].sort();
    }
  }

  const differing = differingParams(a.evaluations);
  const resources: FailingResource[] = [];
  for (const { resource, checks } of byArn.values()) {
    const list = [...checks.values()];
    labelParams(list, differing);
    list.sort((x, y) => rank(x.broken.length ? x.severity : null) - rank(y.broken.length ? y.severity : null) || y.broken.length - x.broken.length || cmp(x.checkId, y.checkId) || cmp(x.params, y.params));
    const all = new Set<number>();
    let worst: Severity | null = null;
    for (const c of list) {
      for (const o of c.broken) all.add(o);
      if (c.broken.length > 0 && rank(c.severity) < rank(worst)) worst = c.severity;
    }
    resources.push({ resource, checks: list, worst, controls: all.size });
  }
  resources.sort((x, y) => rank(x.worst) - rank(y.worst) || y.controls - x.controls || y.checks.length - x.checks.length || cmp(x.resource.arn, y.resource.arn));
  let failing = 0;
  while (failing < resources.length && resources[failing]!.worst !== null) failing++;
  return { controls, resources, failing };
}

/** Label entries of the same check on one resource with the params that differ between them. */
function labelParams(list: FailingCheck[], differing: Map<string, string[]>): void {
  const perCheck = new Map<string, number>();
  for (const c of list) perCheck.set(c.checkId, (perCheck.get(c.checkId) ?? 0) + 1);
  for (const c of list) {
    const keys = differing.get(c.checkId);
    if (!keys || perCheck.get(c.checkId)! < 2) continue;
    // Within a merged entry, only the params its evaluations share describe it.
    const shared = keys.filter((k) => new Set(c.evaluations.map((e) => JSON.stringify(e.params[k]))).size === 1);
    c.params = shared.map((k) => `${k}: ${paramValue(c.evaluations[0]!.params[k])}`).join('; ');
  }
}

/** Controls as `framework control` ids, grouped: `pci-dss-v4 1.3.1, 1.4.1; mas-trm 9.1.3`. */
export function controlList(index: Pick<FailureIndex, 'controls'>, ordinals: readonly number[]): string {
  const groups: string[] = [];
  let framework = '';
  let ids: string[] = [];
  for (const o of ordinals) {
    const c = index.controls[o]!;
    if (c.framework !== framework) {
      if (ids.length) groups.push(`${framework} ${ids.join(', ')}`);
      framework = c.framework;
      ids = [];
    }
    ids.push(c.control);
  }
  if (ids.length) groups.push(`${framework} ${ids.join(', ')}`);
  return groups.join('; ');
}
