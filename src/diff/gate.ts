import type { GateVerdict } from '../exit.js';
import type { Severity } from '../checks/types.js';
import { findingsAtOrAbove } from './diff.js';
import type { ReportDiff } from './types.js';

/** The --fail-on-new reason, if any: findings `new` since the older report at `severity` or above. */
export function newFindingsReason(diff: ReportDiff, severity: Severity): string | undefined {
  const n = findingsAtOrAbove(diff, 'new', severity).length;
  return n > 0 ? `${n} new finding(s) at severity ${severity} or above since ${diff.old.collectedAt}` : undefined;
}

/**
 * `archscan diff --fail-on-new`: 1 on a new finding at that severity or
 * above; 3 when the newer scan is incomplete (an error can hide a new
 * finding), as `scan` does.
 */
export function diffGate(diff: ReportDiff, failOnNew: Severity): GateVerdict {
  const reason = newFindingsReason(diff, failOnNew);
  const reasons = reason ? [reason] : [];
  if (!diff.new.complete) return { exitCode: 3, reasons: ['the newer scan is incomplete: some results could not be decided', ...reasons] };
  return { exitCode: reasons.length > 0 ? 1 : 0, reasons };
}
