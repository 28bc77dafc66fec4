import type { Severity } from '../checks/types.js';
import { diffReports } from '../diff/diff.js';
import { diffGate } from '../diff/gate.js';
import { checkSameAccount, readReport } from '../diff/read.js';
import { renderDiffText } from '../diff/text.js';
import type { ReportDiff } from '../diff/types.js';
import { useColor, type Io } from './io.js';
import { writeFileAtomic } from './output.js';

export const DIFF_FORMATS = ['text', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffOptions {
  format: DiffFormat;
  output?: string;
  failOnNew?: Severity;
  quiet?: boolean;
}

/** Warnings about a diff that is valid but probably not what was meant. */
export function diffWarnings(diff: ReportDiff, oldFile: string, newFile: string): string[] {
  const out: string[] = [];
  if (diff.old.collectedAt > diff.new.collectedAt) {
    out.push(`${oldFile} was collected after ${newFile} (${diff.old.collectedAt} > ${diff.new.collectedAt}): OLD comes first`);
  }
  if (diff.frameworksOnlyIn.old.length > 0) out.push(`framework(s) only in ${oldFile}, not compared: ${diff.frameworksOnlyIn.old.join(', ')}`);
  if (diff.frameworksOnlyIn.new.length > 0) out.push(`framework(s) only in ${newFile}, not compared: ${diff.frameworksOnlyIn.new.join(', ')}`);
  return out;
}

/** `archscan diff OLD NEW`: what changed between two JSON reports of one account. */
export async function runDiff(oldFile: string, newFile: string, opts: DiffOptions, io: Io): Promise<number> {
  const older = await readReport(oldFile);
  const newer = await readReport(newFile);
  checkSameAccount(newFile, newer, older.snapshot.accountId, oldFile);
  const diff = diffReports(older, newer);

  const text =
    opts.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : renderDiffText(diff, { color: opts.output === undefined && useColor(io) });
  if (opts.output !== undefined) await writeFileAtomic(opts.output, text);
  else io.stdout(text);
  for (const w of diffWarnings(diff, oldFile, newFile)) io.stderr(`archscan: warning: ${w}\n`);

  if (opts.failOnNew === undefined) return 0;
  const verdict = diffGate(diff, opts.failOnNew);
  if (!opts.quiet) {
    const word = verdict.exitCode === 0 ? 'passed' : verdict.exitCode === 3 ? 'incomplete' : 'failed';
    io.stderr(`archscan: gate ${word}${verdict.reasons.length ? `: ${verdict.reasons.join('; ')}` : ''} (exit ${verdict.exitCode})\n`);
  }
  return verdict.exitCode;
}
