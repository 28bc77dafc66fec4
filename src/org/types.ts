/**
 * An organisation report: one section per account (an assessment, the reason
 * it could not be scanned, or why it was skipped) and organisation scores
 * computed from those sections alone, so that `archscan merge` of shard
 * reports rebuilds a single run's report byte for byte.
 */
import type { Assessment, Counts } from '../assess/types.js';
import type { Severity, Status } from '../checks/types.js';

/** An account as the organisation lists it. */
export interface OrgAccountRef {
  accountId: string;
  /** The account's name in AWS Organizations (absent when merged from a plain single-account report). */
  name?: string;
}

export interface ScannedAccount extends OrgAccountRef {
  status: 'scanned';
  assessment: Assessment;
}

/** An account that could not be scanned: which call failed, and the permission it needed. */
export interface FailedAccount extends OrgAccountRef {
  status: 'error';
  error: {
    /** `service:Operation`, e.g. `sts:AssumeRole`. */
    call: string;
    code: string;
    message: string;
    /** The IAM action the caller needs for it. */
    permission: string;
    /** The role archscan tried to assume, when it did. */
    roleArn?: string;
  };
}

/** An account listed but not scanned (suspended, closed, pending). */
export interface SkippedAccount extends OrgAccountRef {
  status: 'skipped';
  reason: string;
}

export type OrgAccount = ScannedAccount | FailedAccount | SkippedAccount;

/** A framework over every scanned account. */
export interface OrgFramework {
  id: string;
  title: string;
  version: string;
  status: Status;
  score: number | null;
  scoreAttested: number | null;
  scoreCountingWaived: number | null;
  /** Results summed over the scanned accounts; `fail` excludes waived ones. */
  counts: Counts;
  waived: number;
  /** Per account: its score in this framework (accounts sorted by id). */
  accounts: { accountId: string; score: number | null; status: Status }[];
}

export interface OrgAssessment {
  schemaVersion: 1;
  kind: 'organization';
  tool: { name: 'archscan'; version: string };
  scoring: { formula: string; organizationFormula: string; weights: Record<Severity, number> };
  /** False when any account could not be scanned or any account's scan is incomplete. */
  complete: boolean;
  organization: {
    accounts: { listed: number; scanned: number; error: number; skipped: number };
    frameworks: OrgFramework[];
  };
  /** Sorted by account id. */
  accounts: OrgAccount[];
}
