import { gateExitCode, type GateOptions } from '../assess/gate.js';
import { EXIT, type GateVerdict } from '../exit.js';
import type { OrgAssessment } from './types.js';

/**
 * The organisation's gate: every scanned account through the account gate
 * (--fail-on, --min-score per framework), --min-score also on the
 * organisation scores. An account that could not be scanned, or scanned with
 * results in error, makes the run incomplete: exit 3 wins over 1, as for one
 * account (an incomplete scan proves nothing), with the gate's reasons kept.
 */
export function orgGateExitCode(org: OrgAssessment, opts: GateOptions): GateVerdict {
  const incomplete: string[] = [];
  const reasons: string[] = [];
  for (const a of org.accounts) {
    if (a.status === 'error') incomplete.push(`account ${a.accountId} could not be scanned (${a.error.call}: ${a.error.code})`);
    if (a.status !== 'scanned') continue;
    const v = gateExitCode(a.assessment, opts);
    for (const r of v.reasons) (r.startsWith('scan incomplete') ? incomplete : reasons).push(`account ${a.accountId}: ${r}`);
  }
  if (opts.minScore !== undefined) {
    for (const f of org.organization.frameworks) {
      if (f.score !== null && f.score < opts.minScore) reasons.push(`organisation: ${f.id} scored ${f.score.toFixed(1)}, under --min-score ${opts.minScore}`);
    }
  }
  if (incomplete.length > 0) return { exitCode: EXIT.incomplete, reasons: [...incomplete, ...reasons] };
  return { exitCode: reasons.length > 0 ? EXIT.gateFailed : EXIT.ok, reasons };
}
