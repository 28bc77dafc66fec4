import { findCheck } from '../checks/index.js';
import { runCheck } from '../checks/run.js';
import type { Inventory } from '../inventory/types.js';
import type { RuleSet } from '../rules/types.js';
import type { Snapshot } from '../snapshot/types.js';
import { addCounts, countControlStatuses, countStatuses, score, SCORE_FORMULA, SEVERITY_WEIGHTS, STATUS_PRECEDENCE, statusOf } from './score.js';
import type { Assessment, CheckInfo, ControlAssessment, Evaluation, FrameworkAssessment } from './types.js';

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * Run every (check, params) the selected rule sets ask for, once each, and
 * join the results to controls and frameworks.
 */
export function assess(snapshot: Snapshot, inv: Inventory, ruleSets: RuleSet[], toolVersion: string): Assessment {
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
          results,
        });
      }
    }
  }

  // Each evaluation holds one result per resource, so a framework's distinct
  // results are the union of its controls' evaluations: counts add up per key.
  const frameworks: FrameworkAssessment[] = ruleSets.map((set) => {
    const used = new Set<string>();
    const controls: ControlAssessment[] = set.controls.map((control) => {
      const keys = [...new Set(control.checks.map((c) => c.evaluationKey))].sort();
      for (const k of keys) used.add(k);
      const parts = keys.map((k) => evaluations.get(k)!);
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
        counts,
        evaluations: keys,
      };
      if (control.group !== undefined) out.group = control.group;
      if (control.appliesTo !== undefined) out.appliesTo = control.appliesTo;
      if (control.note !== undefined) out.note = control.note;
      if (control.manual) out.manual = { collect: control.manual.collect };
      return out;
    });
    const parts = [...used].map((k) => evaluations.get(k)!);
    const counts = addCounts(parts);
    return {
      id: set.id,
      title: set.title,
      version: set.version,
      source: set.source,
      status: statusOf(counts),
      score: score(parts),
      counts,
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
    callErrors: [...snapshot.errors].sort(
      byKey((e) => `${e.service}:${e.operation}\u0000${e.region}\u0000${e.resource ?? ''}`),
    ),
  };
}
