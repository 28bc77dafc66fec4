import { SEVERITIES, type Severity } from '../checks/types.js';
import { newFindingsReason } from '../diff/gate.js';
import { EXIT, type GateVerdict } from '../exit.js';
import type { Assessment } from './types.js';

export type FailOn = Severity | 'none';

export interface GateOptions {
  /** Fail on failing results of this severity or worse; `none` never fails on findings. */
  failOn: FailOn;
  /** Fail when any selected framework scores below this (0–100). */
  minScore?: number;
  /** Fail on findings new since the baseline (`a.baseline`) at this severity or worse. */
  failOnNew?: Severity;
}


/** Pure: the exit code a pipeline gates on, with the reasons for it. */
export function gateExitCode(a: Assessment, opts: GateOptions): GateVerdict {
  const reasons: string[] = [];
  if (opts.failOn !== 'none') {
    const worst = SEVERITIES.indexOf(opts.failOn);
    // Each failing result at its own severity (raised for a host open to the internet); waived failures
    // (waived in every control they evidence) and information (severity info, unless asked for) do not fail the gate.
    let failing = 0;
    for (const e of a.evaluations) {
      for (const r of e.results) {
        if (r.status !== 'fail' || r.waiver?.everywhere === true) continue;
        if (SEVERITIES.indexOf(r.severity ?? e.severity) <= worst) failing++;
      }
    }
    if (failing > 0) reasons.push(`${failing} failing result(s) at severity ${opts.failOn} or above`);
  }
  if (opts.failOnNew !== undefined && a.baseline) {
    const reason = newFindingsReason(a.baseline, opts.failOnNew);
    if (reason) reasons.push(reason);
  }
  if (opts.minScore !== undefined) {
    for (const f of a.frameworks) {
      if (f.score !== null && f.score < opts.minScore) reasons.push(`${f.id} scored ${f.score.toFixed(1)}, under --min-score ${opts.minScore}`);
    }
  }
  const errors = a.evaluations.reduce((n, e) => n + e.counts.error, 0);
  if (errors > 0) {
    return { exitCode: EXIT.incomplete, reasons: [`scan incomplete: ${errors} result(s) could not be decided`, ...reasons] };
  }
  return { exitCode: reasons.length > 0 ? EXIT.gateFailed : EXIT.ok, reasons };
}
