import { findCheck } from '../checks/index.js';
import { runCheck } from '../checks/run.js';
import type { Inventory } from '../inventory/types.js';
import type { RuleSet } from '../rules/types.js';
import type { Snapshot } from '../snapshot/types.js';
import { addCounts, countControlStatuses, countStatuses, score, SCORE_FORMULA, SEVERITY_WEIGHTS, STATUS_PRECEDENCE, statusOf } from './score.js';
import type { Assessment, CheckInfo, ControlAssessment, Counts, Evaluation, FrameworkAssessment } from './types.js';
import { applyWaivers, resultKey, type WaiverInput } from './waive.js';

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Counts with some failures taken out (waived). */
function withoutWaived(counts: Counts, waived: number): Counts {
  return waived === 0 ? counts : { ...counts, fail: counts.fail - waived };
}

/**
 * Run every (check, params) the selected rule sets ask for, once each, and
 * join the results to controls and frameworks, applying waivers if given.
 */
export function assess(snapshot: Snapshot, inv: Inventory, ruleSets: RuleSet[], toolVersion: string, waiverInput?: WaiverInput): Assessment {
  const evaluations = new Map<string, Evaluation>();
  const frameworksByCheck = new Map<string, Set<string>>();
  for (const set of ruleSets) {
    for (const control of set.controls) {
      for (const ref of control.checks) {
        const users = frameworksByCheck.get(ref.checkId) ?? new Set();
        users.add(set.id);
        frameworksByCheck.set(ref.checkId, users);
        if (evaluations.has(ref.evaluationKey)) continue;
        const check = findCheck(ref.checkId)!;
        const results = runCheck(check, inv, ref.params);
        evaluations.set(ref.evaluationKey, {
          key: ref.evaluationKey,
          checkId: check.id,
          severity: check.severity,
          params: ref.params,
          counts: countStatuses(results.map((r) => r.status)),
          waived: 0,
          results,
        });
      }
    }
  }

  const scopes = ruleSets.flatMap((set) =>
    set.controls.map((c) => ({ framework: set.id, control: c.id, evaluations: [...new Set(c.checks.map((r) => r.evaluationKey))].sort() })),
  );
  const waiving = waiverInput && applyWaivers(scopes, evaluations, waiverInput);
  if (waiving) {
    for (const ev of evaluations.values()) {
      for (const r of ev.results) {
        const w = waiving.byResult.get(resultKey(ev.key, r.resource.arn));
        if (!w) continue;
        r.waiver = w;
        if (w.everywhere) ev.waived++;
      }
    }
  }

  // Each evaluation holds one result per resource, so a framework's distinct
  // results are the union of its controls' evaluations: counts add up per key.
  const frameworks: FrameworkAssessment[] = ruleSets.map((set) => {
    const used = new Set<string>();
    // Per evaluation: how many of this framework's controls use it, and per result how many waive it.
    const usesHere = new Map<string, number>();
    const waivedHere = new Map<string, number>();
    const controls: ControlAssessment[] = set.controls.map((control) => {
      const keys = [...new Set(control.checks.map((c) => c.evaluationKey))].sort();
      const waivedResults = waiving?.byControl.get(`${set.id}:${control.id}`) ?? [];
      const waivedPerEvaluation = new Map<string, number>();
      for (const w of waivedResults) {
        waivedPerEvaluation.set(w.evaluation, (waivedPerEvaluation.get(w.evaluation) ?? 0) + 1);
        const k = resultKey(w.evaluation, w.arn);
        waivedHere.set(k, (waivedHere.get(k) ?? 0) + 1);
      }
      for (const k of keys) {
        used.add(k);
        usesHere.set(k, (usesHere.get(k) ?? 0) + 1);
      }
      const raw = keys.map((k) => evaluations.get(k)!);
      const parts = raw.map((e) => ({ severity: e.severity, counts: withoutWaived(e.counts, waivedPerEvaluation.get(e.key) ?? 0) }));
      const counts = addCounts(parts);
      const out: ControlAssessment = {
        id: control.id,
        title: control.title,
        source: control.source,
        verified: control.verified,
        // A manual control has no checks, so no results: all-zero counts and a
        // null score. Its status says so; it never passes and is never scored.
        status: control.manual ? 'manual' : statusOf(counts),
        score: score(parts),
        scoreCountingWaived: score(raw),
        counts,
        waived: waivedResults.length,
        waivedResults,
        evaluations: keys,
      };
      if (control.group !== undefined) out.group = control.group;
      if (control.appliesTo !== undefined) out.appliesTo = control.appliesTo;
      if (control.note !== undefined) out.note = control.note;
      if (control.manual) out.manual = { collect: control.manual.collect };
      return out;
    });
    // A distinct result is waived in the framework when every control of it that the result evidences waives it.
    const waivedPerEvaluation = new Map<string, number>();
    for (const [k, n] of waivedHere) {
      const evaluation = k.slice(0, k.indexOf('\n'));
      if (n === usesHere.get(evaluation)) waivedPerEvaluation.set(evaluation, (waivedPerEvaluation.get(evaluation) ?? 0) + 1);
    }
    const raw = [...used].sort().map((k) => evaluations.get(k)!);
    const parts = raw.map((e) => ({ severity: e.severity, counts: withoutWaived(e.counts, waivedPerEvaluation.get(e.key) ?? 0) }));
    const counts = addCounts(parts);
    return {
      id: set.id,
      title: set.title,
      version: set.version,
      source: set.source,
      status: statusOf(counts),
      score: score(parts),
      scoreCountingWaived: score(raw),
      counts,
      waived: [...waivedPerEvaluation.values()].reduce((a, b) => a + b, 0),
      controlCounts: countControlStatuses(controls.map((c) => c.status)),
      controls,
    };
  });

  const checks: CheckInfo[] = [...frameworksByCheck.entries()]
    .map(([id, users]) => {
      const c = findCheck(id)!;
      return {
        id,
        title: c.title,
        severity: c.severity,
        resourceType: c.resourceType,
        rationale: c.rationale,
        remediation: c.remediation,
        frameworks: [...users].sort(),
      };
    })
    .sort(byKey((c) => c.id));

  const evaluationList = [...evaluations.values()].sort(byKey((e) => e.key));
  const { metadata } = snapshot;
  return {
    schemaVersion: 1,
    tool: { name: 'archscan', version: toolVersion },
    snapshot: {
      accountId: metadata.accountId,
      partition: metadata.partition,
      regions: [...metadata.regions].sort(),
      collectedAt: metadata.collectedAt,
      skippedRegions: [...(metadata.skippedRegions ?? [])].sort(byKey((s) => s.region)),
    },
    scoring: { formula: SCORE_FORMULA, weights: { ...SEVERITY_WEIGHTS }, statusPrecedence: [...STATUS_PRECEDENCE] },
    complete: evaluationList.every((e) => e.counts.error === 0),
    frameworks,
    evaluations: evaluationList,
    checks,
    // Failed calls, and answers the snapshot holds that could not be read.
    callErrors: [...snapshot.errors, ...inv.dataErrors].sort(
      byKey((e) => `${e.service}:${e.operation}\u0000${e.region}\u0000${e.resource ?? ''}\u0000${e.path ?? ''}`),
    ),
    ...(waiving ? { waivers: waiving.report } : {}),
  };
}
