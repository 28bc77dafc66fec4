import type { ControlStatus } from '../assess/status.js';
import type { Severity } from '../checks/types.js';

/**
 * A finding's state in one scope (a control, a framework, the whole report).
 * A finding is one (check id, resource ARN); when several evaluations of the
 * check (different params) reach the resource in a scope, the worst state
 * wins, in this order: fail > waived > error > pass > not_applicable > absent.
 *   fail    a failing result not waived in that control
 *   waived  a failing result the control's `waivedResults` lists
 *   absent  no result for the resource (it is gone, or the check is not used)
 */
export type FindingState = 'fail' | 'waived' | 'error' | 'pass' | 'not_applicable' | 'absent';
export const FINDING_STATES = ['fail', 'waived', 'error', 'pass', 'not_applicable', 'absent'] as const satisfies readonly FindingState[];

/**
 * What happened to one finding between two reports. Identity is the SARIF
 * fingerprint's: check id + resource ARN (never message text or params).
 * "Before"/"now" are the finding's states in the scope being compared (a
 * control, a framework, or all compared frameworks); "clear" below is pass,
 * not_applicable or absent.
 *   new           fails (unwaived) now; before it was clear, error or waived
 *   fixed         failed or was waived before; now clear
 *   persisting    failed before and fails now
 *   newly_waived  waived now; before it failed, was clear or error
 *   undetermined  failed or was waived before; now `error` (cannot tell)
 * Everything else is no change and is not listed: clear or error on both
 * sides, or waived on both sides.
 */
export type ChangeKind = 'new' | 'fixed' | 'persisting' | 'newly_waived' | 'undetermined';
export const CHANGE_KINDS = ['new', 'fixed', 'persisting', 'newly_waived', 'undetermined'] as const satisfies readonly ChangeKind[];

export type ChangeCounts = Record<ChangeKind, number>;

export interface FindingChange {
  /** findingFingerprint(checkId, arn), as in SARIF partialFingerprints. */
  fingerprint: string;
  checkId: string;
  severity: Severity;
  arn: string;
  region: string;
  resourceType: string;
  resourceId: string;
  /** Across every compared framework: what the totals and --fail-on-new count. */
  change: ChangeKind;
  before: FindingState;
  after: FindingState;
  /** The message of the newer result (the older one when the resource is gone). */
  message: string;
  /** For `newly_waived`: the ref of the waiver that applies (the first control's, in report order). */
  waiver?: string;
}

/** Fingerprints per kind of change within one scope, each list in ReportDiff.findings order. */
export type ChangesByKind = Record<ChangeKind, string[]>;

/** What a scope (a control, a framework) shows of the change: scores and changed findings. */
interface ScopeChange {
  id: string;
  title: string;
  oldScore: number | null;
  newScore: number | null;
  /** newScore − oldScore, one decimal; null when either is null. */
  scoreChange: number | null;
  /** In a framework: distinct findings across its controls, worst state per side. */
  counts: ChangeCounts;
  /**
   * Fingerprints of the findings that changed in this scope, in
   * ReportDiff.findings order. Each is in ReportDiff.findings unless it is
   * waived overall in both reports (e.g. a check waiver over a control a
   * rule set added): no change overall, so not listed there.
   */
  findings: string[];
  /**
   * The same fingerprints by their change in this scope, which can differ
   * from the overall `change` (new here, persisting in another framework).
   */
  byKind: ChangesByKind;
}

export interface ControlDiff extends ScopeChange {
  /** null when the control is absent from that report (the rule set changed). */
  oldStatus: ControlStatus | null;
  newStatus: ControlStatus | null;
}

export interface FrameworkDiff extends ScopeChange {
  /** Every control present in either report: the newer report's order, then controls only the older has. */
  controls: ControlDiff[];
}

export interface ReportSide {
  accountId: string;
  collectedAt: string;
  toolVersion: string;
  /** False when that scan had `error` results. */
  complete: boolean;
}

export interface ReportDiff {
  schemaVersion: 1;
  old: ReportSide;
  new: ReportSide;
  /** Distinct findings across the compared frameworks. */
  counts: ChangeCounts;
  /** Frameworks in both reports, in the newer report's order. */
  frameworks: FrameworkDiff[];
  /** Frameworks in one report only: not compared (dropping a framework fixes nothing). */
  frameworksOnlyIn: { old: string[]; new: string[] };
  /** Every changed finding (persisting included), sorted by severity, check, ARN. */
  findings: FindingChange[];
}
