import type { CheckResult, Severity, Status } from '../checks/types.js';
import type { CallError } from '../snapshot/types.js';
import type { RuleSetSource } from '../rules/types.js';

export type Counts = Record<Status, number>;

/**
 * A control's status: its results' status, or `manual` when no check can
 * evidence it. A manual control never passes and never counts in a score.
 */
export type ControlStatus = Status | 'manual';
export type ControlCounts = Record<ControlStatus, number>;

/** One (check, params) run over the inventory. */
export interface Evaluation {
  key: string;
  checkId: string;
  severity: Severity;
  params: Record<string, unknown>;
  counts: Counts;
  results: CheckResult[];
}

export interface ControlAssessment {
  id: string;
  title: string;
  source: string;
  group?: string;
  appliesTo?: string[];
  verified: boolean;
  note?: string;
  status: ControlStatus;
  /** 0–100, or null when nothing was decided (all not_applicable) or the control is manual. */
  score: number | null;
  /** All zero for a manual control. */
  counts: Counts;
  /** Keys into `Assessment.evaluations`; empty for a manual control. */
  evaluations: string[];
  /** On a manual control: what an auditor should collect. */
  manual?: { collect: string };
}

export interface FrameworkAssessment {
  id: string;
  title: string;
  version: string;
  source: RuleSetSource;
  status: Status;
  score: number | null;
  /** Distinct results (evaluation × resource) across the framework's controls. */
  counts: Counts;
  /** Controls per status; manual controls are counted apart and never as passes. */
  controlCounts: ControlCounts;
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
}
