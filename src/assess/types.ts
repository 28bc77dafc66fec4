import type { CheckResult, Severity, Status } from '../checks/types.js';
import type { CallError } from '../snapshot/types.js';
import type { ControlIdentity, EvidenceKind, RuleSetSource } from '../rules/types.js';
import type { Waiver } from '../rules/waivers.js';
import type { ReportDiff } from '../diff/types.js';
import type { FilterReport } from '../rules/filter.js';
import type { ControlCounts, ControlStatus } from './status.js';
import type { ArchitectureSection } from '../reach/matrix.js';
export type { ArchitectureSection, MatrixCell } from '../reach/matrix.js';

export type Counts = Record<Status, number>;

export type { ControlCounts, ControlStatus } from './status.js';

/**
 * How a waiver touched a failing result. A check waiver covers the result in
 * every control; a control waiver only in that control. `everywhere` is true
 * when every selected control that the result evidences waives it: only then
 * is it out of the gate, a SARIF suppression, and waived in CSV.
 */
export interface ResultWaiver {
  /** Refs of the active waivers that matched it (in any control), sorted. */
  refs: string[];
  everywhere: boolean;
}

/** A check result as assessed: the check's own result plus any waiver. */
export interface AssessedResult extends CheckResult {
  /** Only on `fail` results an active waiver matched. */
  waiver?: ResultWaiver;
}

/** One (check, params) run over the inventory. */
export interface Evaluation {
  key: string;
  checkId: string;
  severity: Severity;
  params: Record<string, unknown>;
  /** The check's own verdicts, waivers ignored. */
  counts: Counts;
  /** Failing results waived everywhere they count (these do not fail the gate). */
  waived: number;
  /** For an `info` check: its failing results, which are information, left out of `counts.fail`. */
  informational?: number;
  results: AssessedResult[];
}

/** A failing result waived within one control. */
export interface WaivedResult {
  evaluation: string;
  arn: string;
  /** Ref of the waiver that applied (the first in file order). */
  waiver: string;
}

export interface ControlAssessment extends ControlIdentity {
  /** From the counts below, so waived failures do not fail the control. */
  status: ControlStatus;
  /** 0–100, or null when nothing was decided (all not_applicable) or the control is manual. Waived results are left out. */
  score: number | null;
  /** The score had the waived results counted as failures (equals `score` when nothing is waived). */
  scoreCountingWaived: number | null;
  /** All zero for a manual control. `fail` excludes waived failures. */
  counts: Counts;
  /** Failing results waived in this control. */
  waived: number;
  waivedResults: WaivedResult[];
  /** Keys into `Assessment.evaluations`; empty for a manual control. */
  evaluations: string[];
  /** On a manual control: what an auditor should collect. */
  manual?: { collect: string };
  /** automated (its checks show it), partial (they show part of it; `note` says what not) or manual. */
  evidence: EvidenceKind;
  /** On a partially evidenced control: what an auditor collects for the rest. */
  partial?: { collect: string };
  /** The clause is verified and the checks fully evidence it: only these count in `scoreAttested`. */
  attested: boolean;
}

/** Controls of a framework by how far their evidence goes (`unverified` may overlap `partial` and `manual`). */
export interface ControlEvidenceCounts {
  /** Automated, with the clause verified: what `scoreAttested` is computed over. */
  attested: number;
  /** Partially evidenced: scored in `score`, not in `scoreAttested`. */
  partial: number;
  /** With the clause number unverified (any kind). */
  unverified: number;
  manual: number;
}

/** What a framework's results cover, and what a pass means. */
export interface FrameworkScope {
  /** Regions whose configuration was collected and scanned. */
  regionsScanned: string[];
  /** Regions the collection skipped, with the reason. */
  regionsNotScanned: { region: string; reason: string }[];
  /** AWS services the framework's checks read (service prefixes of their calls), sorted. */
  servicesRead: string[];
  /** What a pass means, and what the scan cannot show. */
  statement: string;
}

export interface FrameworkAssessment {
  id: string;
  title: string;
  version: string;
  source: RuleSetSource;
  status: Status;
  /** Over every scored control (automated and partial, verified or not). */
  score: number | null;
  /** Over attested controls only (automated, clause verified); null when none decided anything. */
  scoreAttested: number | null;
  scoreCountingWaived: number | null;
  /** Distinct results (evaluation × resource) across the framework's controls; `fail` excludes waived ones. */
  counts: Counts;
  /** Distinct failing results waived in every control of this framework that they evidence. */
  waived: number;
  /** Controls per status; manual controls are counted apart and never as passes. */
  controlCounts: ControlCounts;
  /** Controls by how far their evidence goes. */
  controlEvidence: ControlEvidenceCounts;
  /** Regions and services looked at, and what a pass means. */
  scope: FrameworkScope;
  controls: ControlAssessment[];
}

export interface CheckInfo {
  id: string;
  title: string;
  severity: Severity;
  resourceType: string;
  rationale: string;
  remediation: string;
  frameworks: string[];
}

export interface Assessment {
  schemaVersion: 1;
  tool: { name: 'archscan'; version: string };
  snapshot: {
    accountId: string;
    partition: string;
    regions: string[];
    collectedAt: string;
    skippedRegions: { region: string; reason: string }[];
  };
  scoring: { formula: string; weights: Record<Severity, number>; statusPrecedence: Status[] };
  /** False when any result is `error`: the scan could not see everything it needed. */
  complete: boolean;
  frameworks: FrameworkAssessment[];
  evaluations: Evaluation[];
  checks: CheckInfo[];
  /** Every call recorded as failed in the snapshot. */
  callErrors: CallError[];
  /** Present when the scan was given a waiver file. */
  waivers?: WaiverReport;
  /** Present with `scan --baseline OLD`: the change since that report. */
  baseline?: ReportDiff;
  /** Present with `scan --arch FILE`: tiers, and declared against actual flows between them. */
  architecture?: ArchitectureSection;
  /** Present when --checks, --exclude-checks, --services or --severity narrowed the scan: what was left out. */
  filters?: FilterReport;
}

export type WaiverState = 'active' | 'expired' | 'stale' | 'out_of_scope';

/** A waiver as loaded, with what it did on the as-of day. */
export interface WaiverOutcome extends Waiver {
  /**
   * active: in date and waiving at least one failing result; expired: past
   * its date (no longer applied; `matched` counts what it would have waived);
   * stale: in date but matching no failing result (fixed, or a typo);
   * out_of_scope: its check or control is in no selected framework (--framework).
   */
  state: WaiverState;
  /** Failing (check, resource) results it waives, or would have, in the selected frameworks. */
  matched: number;
}

export interface WaiverReport {
  /** The day expiry is judged on (YYYY-MM-DD): --as-of, or today (UTC). */
  asOf: string;
  entries: WaiverOutcome[];
}
