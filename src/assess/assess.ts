import { findCheck } from '../checks/index.js';
import { runCheck } from '../checks/run.js';
import type { Inventory } from '../inventory/types.js';
import { architectureSection } from '../reach/matrix.js';
import { evidenceOf, isAttested, type RuleSet } from '../rules/types.js';
import { OPERATION_BY_KEY } from '../services/operations.js';
import type { Snapshot } from '../snapshot/types.js';
import { addCounts, countControlStatuses, countStatuses, score, SCORE_FORMULA, SCOPE_STATEMENT, SEVERITY_WEIGHTS, STATUS_PRECEDENCE, statusOf } from './score.js';
import type { Assessment, CheckInfo, ControlAssessment, Counts, Evaluation, FrameworkAssessment, FrameworkScope } from './types.js';
import { applyWaivers, resultKey, type WaiverInput } from './waive.js';

/**
 * What the assessment reads of the snapshot beyond the inventory: the
 * metadata and the failed calls. Callers can drop the raw answers once the
 * inventory is built (at 100k resources they are a third of the live heap).
 */
export type SnapshotSummary = Pick<Snapshot, 'metadata' | 'errors'>;

export function summaryOf(snapshot: Snapshot): SnapshotSummary {
  return { metadata: snapshot.metadata, errors: snapshot.errors };
}

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Counts with some failures taken out (waived). */
function withoutWaived(counts: Counts, waived: number): Counts {
  return waived === 0 ? counts : { ...counts, fail: counts.fail - waived };
}

/**
 * Run every (check, params) the selected rule sets ask for, once each, and
 * join the results to controls and frameworks, applying waivers if given.
 */
export function assess(snapshot: SnapshotSummary, inv: Inventory, allRuleSets: RuleSet[], toolVersion: string, waiverInput?: WaiverInput): Assessment {
  // Drift checks run only against an architecture profile (scan --arch); without one they are left out of every control.
  const ruleSets = inv.architecture ? allRuleSets : allRuleSets.map((set) => ({ ...set, controls: set.controls.map((c) => ({ ...c, checks: c.checks.filter((k) => findCheck(k.checkId)?.needsArchitecture !== true) })) }));
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
        const evaluation: Evaluation = {
          key: ref.evaluationKey,
          checkId: check.id,
          severity: check.severity,
          params: ref.params,
          counts: countStatuses(results.map((r) => r.status)),
          waived: 0,
          results,
        };
        // Information (a declared flow that is blocked) is reported, never counted as a failure.
        if (check.severity === 'info') {
          evaluation.informational = evaluation.counts.fail;
          evaluation.counts = { ...evaluation.counts, fail: 0 };
        }
        evaluations.set(ref.evaluationKey, evaluation);
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
    // Per control: its evaluation keys and the results waived in it.
    const scored: ControlScore[] = [];
    const controls: ControlAssessment[] = set.controls.map((control) => {
      const keys = [...new Set(control.checks.map((c) => c.evaluationKey))].sort();
      const waivedResults = waiving?.byControl.get(`${set.id}:${control.id}`) ?? [];
      const waivedPerEvaluation = new Map<string, number>();
      for (const w of waivedResults) waivedPerEvaluation.set(w.evaluation, (waivedPerEvaluation.get(w.evaluation) ?? 0) + 1);
      scored.push({ keys, waived: waivedResults.map((w) => resultKey(w.evaluation, w.arn)), attested: isAttested(control) });
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
        evidence: evidenceOf(control),
        attested: isAttested(control),
      };
      if (control.group !== undefined) out.group = control.group;
      if (control.appliesTo !== undefined) out.appliesTo = control.appliesTo;
      if (control.note !== undefined) out.note = control.note;
      if (control.manual) out.manual = { collect: control.manual.collect };
      if (control.partial) out.partial = { collect: control.partial.collect };
      return out;
    });
    const all = subsetScore(scored, evaluations);
    const attested = subsetScore(
      scored.filter((c) => c.attested),
      evaluations,
    );
    return {
      id: set.id,
      title: set.title,
      version: set.version,
      source: set.source,
      status: statusOf(all.counts),
      score: all.score,
      scoreAttested: attested.score,
      scoreCountingWaived: all.scoreCountingWaived,
      counts: all.counts,
      waived: all.waived,
      controlCounts: countControlStatuses(controls.map((c) => c.status)),
      controlEvidence: {
        attested: controls.filter((c) => c.attested).length,
        partial: controls.filter((c) => c.evidence === 'partial').length,
        unverified: controls.filter((c) => !c.verified).length,
        manual: controls.filter((c) => c.evidence === 'manual').length,
      },
      scope: frameworkScope(snapshot, [...new Set(scored.flatMap((c) => c.keys))].map((k) => evaluations.get(k)!.checkId)),
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
    // Failed calls, and answers the snapshot holds that could not be read. An
    // absentCodes answer (no bucket policy, no tag set, no organization) is data, not a failure.
    callErrors: [...snapshot.errors.filter((e) => !OPERATION_BY_KEY.get(`${e.service}:${e.operation}`)?.absentCodes?.includes(e.code)), ...inv.dataErrors].sort(
      byKey((e) => `${e.service}:${e.operation}\u0000${e.region}\u0000${e.resource ?? ''}\u0000${e.path ?? ''}`),
    ),
    ...(waiving ? { waivers: waiving.report } : {}),
    // The declared architecture against the account (scan --arch): the tier matrix.
    ...(inv.architecture ? { architecture: architectureSection(inv) } : {}),
  };
}

/** A control as the framework scores see it: its evaluations, the results waived in it, and whether it is attested. */
export interface ControlScore {
  keys: string[];
  /** `resultKey(evaluation, arn)` of each result waived in this control. */
  waived: string[];
  attested: boolean;
}

/**
 * The score of a set of controls over their distinct results (each
 * evaluation × resource once). A result is waived in the set when every
 * control of the set that it evidences waives it.
 */
function subsetScore(controls: ControlScore[], evaluations: Map<string, Evaluation>) {
  const { raw, parts } = subsetParts(controls, evaluations);
  return {
    score: score(parts),
    scoreCountingWaived: score(raw),
    counts: addCounts(parts),
    waived: raw.reduce((n, e, i) => n + e.counts.fail - parts[i]!.counts.fail, 0),
  };
}

/**
 * The scored parts of a set of controls: each distinct evaluation once, as
 * run (`raw`) and with the results waived in the whole set taken out
 * (`parts`). The organisation score adds these up over accounts.
 */
export function subsetParts(controls: readonly ControlScore[], evaluations: ReadonlyMap<string, Evaluation>) {
  const uses = new Map<string, number>();
  const waivedIn = new Map<string, number>();
  for (const c of controls) {
    for (const k of c.keys) uses.set(k, (uses.get(k) ?? 0) + 1);
    for (const r of c.waived) waivedIn.set(r, (waivedIn.get(r) ?? 0) + 1);
  }
  const waivedPerEvaluation = new Map<string, number>();
  for (const [r, n] of waivedIn) {
    const evaluation = r.slice(0, r.indexOf('\n'));
    if (n === uses.get(evaluation)) waivedPerEvaluation.set(evaluation, (waivedPerEvaluation.get(evaluation) ?? 0) + 1);
  }
  const raw = [...uses.keys()].sort().map((k) => evaluations.get(k)!);
  const parts = raw.map((e) => ({ severity: e.severity, counts: withoutWaived(e.counts, waivedPerEvaluation.get(e.key) ?? 0) }));
  return { raw, parts };
}

/** The regions scanned and skipped, the services the framework's checks read, and what a pass means. */
function frameworkScope(snapshot: SnapshotSummary, checkIds: string[]): FrameworkScope {
  const services = new Set<string>();
  for (const id of checkIds) for (const op of findCheck(id)!.requires) services.add(op.slice(0, op.indexOf(':')));
  const { metadata } = snapshot;
  return {
    regionsScanned: [...metadata.regions].sort(),
    regionsNotScanned: [...(metadata.skippedRegions ?? [])].sort(byKey((s) => s.region)),
    servicesRead: [...services].sort(),
    statement: SCOPE_STATEMENT,
  };
}
