import type { FailOn } from '../assess/gate.js';
import { orgGateExitCode } from '../org/gate.js';
import { mergeReports } from '../org/merge.js';
import { ORG_REPORTERS, type OrgFormat } from '../reporters/org/index.js';
import { useColor, type Io } from './io.js';
import { writeFileAtomic } from './output.js';
import { parseMinScore } from './scan-options.js';

export interface MergeOptions {
  format: OrgFormat;
  output?: string;
  failOn: FailOn;
  minScore?: string;
  quiet?: boolean;
}

/** `archscan merge REPORT...`: the organisation report, written like a scan's, and the same gate as a single run. */
export async function runMerge(files: string[], opts: MergeOptions, io: Io): Promise<number> {
  const minScore = parseMinScore(opts.minScore);
  const org = await mergeReports(files);
  const report = ORG_REPORTERS[opts.format](org, { color: opts.output === undefined && useColor(io) });
  if (opts.output !== undefined) await writeFileAtomic(opts.output, report.chunks());
  else for (const chunk of report.chunks()) io.stdout(chunk);
  for (const w of report.warnings) io.stderr(`archscan: warning: ${w}\n`);
  const verdict = orgGateExitCode(org, { failOn: opts.failOn, ...(minScore !== undefined ? { minScore } : {}) });
  if (!opts.quiet) {
    const word = verdict.exitCode === 0 ? 'passed' : verdict.exitCode === 3 ? 'incomplete' : 'failed';
    io.stderr(`archscan: merged ${org.accounts.length} account(s) from ${files.length} report(s); gate ${word}${verdict.reasons.length ? `: ${verdict.reasons.join('; ')}` : ''} (exit ${verdict.exitCode})\n`);
  }
  return verdict.exitCode;
}
