import type { CheckResult, Severity, Status } from '../checks/types.js';
import type { CallError } from '../snapshot/types.js';
import type { RuleSetSource } from '../rules/types.js';

export type Counts = Record<Status, number>;

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
  status: Status;
  /** 0–100, or null when nothing was decided (all not_applicable). */
  score: number | null;
  counts: Counts;
  /** Keys into `Assessment.evaluations`. */
  evaluations: string[];
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
  controlCounts: Counts;
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
