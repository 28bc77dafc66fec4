import type { Severity, Status } from '../checks/types.js';
import type { ControlCounts, ControlStatus, Counts } from './types.js';

/** Severity weights of the score (CVSS-like spacing: one critical outweighs two highs). */
export const SEVERITY_WEIGHTS = { critical: 10, high: 7, medium: 4, low: 1, info: 0 } as const satisfies Record<Severity, number>;

/** Control status precedence: the first status present among a control's results wins. */
export const STATUS_PRECEDENCE: Status[] = ['fail', 'error', 'pass', 'not_applicable'];

export const SCORE_FORMULA =
  'score = 100 × Σ weight(pass) / Σ weight(pass + fail + error), weight by check severity ' +
  '(critical 10, high 7, medium 4, low 1), rounded to one decimal; not_applicable results are left out; ' +
  'information (severity info: a declared flow that is blocked) is never scored and never fails a control; ' +
  'errors count against the score, never as passes; null when nothing was decided. ' +
  'A framework score counts each (check, params, resource) result once, however many controls it evidences.';

/**
 * What a framework's results mean, printed with every framework section: a
 * pass is configuration observed at one moment in the scanned regions, not an
 * attestation. Regions enabled for the account but not collected are not
 * recorded in a snapshot, so "every region" checks hold for the scanned ones.
 */
export const SCOPE_STATEMENT =
  'PASS means the configuration archscan read when the snapshot was collected (snapshot.collectedAt) met the check, in the regions scanned and for the services read; ' +
  'it is not an attestation that the control operates, and says nothing about other regions, services or accounts. ' +
  'Regions enabled for the account but not collected are not recorded in the snapshot: all-region checks (CloudTrail, ' +
  'Config, GuardDuty, Access Analyzer, data residency) hold for the scanned regions only. Partially evidenced controls ' +
  'and controls whose clause is unverified are left out of the attested score.';

export function emptyCounts(): Counts {
  return { pass: 0, fail: 0, error: 0, not_applicable: 0 };
}

export function countStatuses(statuses: Iterable<Status>): Counts {
  const c = emptyCounts();
  for (const s of statuses) c[s]++;
  return c;
}

/** Controls per status, manual included. */
export function countControlStatuses(statuses: Iterable<ControlStatus>): ControlCounts {
  const c: ControlCounts = { ...emptyCounts(), manual: 0 };
  for (const s of statuses) c[s]++;
  return c;
}

export function statusOf(counts: Counts): Status {
  return STATUS_PRECEDENCE.find((s) => counts[s] > 0) ?? 'not_applicable';
}

/**
 * The weighted share of decided results that pass, 0–100, or null if none was
 * decided. Severity is per evaluation, so counts are enough: O(evaluations).
 */
export function score(parts: Iterable<{ counts: Counts; severity: Severity }>): number | null {
  let passed = 0;
  let decided = 0;
  for (const { counts, severity } of parts) {
    const w = SEVERITY_WEIGHTS[severity];
    decided += w * (counts.pass + counts.fail + counts.error);
    passed += w * counts.pass;
  }
  return decided === 0 ? null : Math.round((1000 * passed) / decided) / 10;
}

export function addCounts(parts: Iterable<{ counts: Counts }>): Counts {
  const total = emptyCounts();
  for (const { counts } of parts) for (const s of STATUS_PRECEDENCE) total[s] += counts[s];
  return total;
}
