import { Chalk, type ChalkInstance } from 'chalk';
import { CHANGE_KINDS, type ChangeCounts, type ChangeKind, type FindingChange, type ReportDiff } from './types.js';

export const KIND_LABEL = {
  new: 'new',
  fixed: 'fixed',
  persisting: 'persisting',
  newly_waived: 'newly waived',
  undetermined: 'undetermined',
} as const satisfies Record<ChangeKind, string>;

function paint(c: ChalkInstance, kind: ChangeKind, text: string): string {
  switch (kind) {
    case 'new':
      return c.red.bold(text);
    case 'fixed':
      return c.green(text);
    case 'newly_waived':
      return c.cyan(text);
    case 'undetermined':
      return c.yellow(text);
    case 'persisting':
      return text;
  }
}

const fmtScore = (s: number | null) => (s === null ? 'n/a' : s.toFixed(1));
/** `+1.8`, `-0.3`, `0.0`, or n/a. */
export const fmtScoreChange = (d: number | null) => (d === null ? 'n/a' : `${d > 0 ? '+' : ''}${d.toFixed(1)}`);

/** `1 new · 2 fixed · …`, every kind, in CHANGE_KINDS order. */
export function countsLine(counts: ChangeCounts, c?: ChalkInstance): string {
  return CHANGE_KINDS.map((k) => {
    const text = `${counts[k]} ${KIND_LABEL[k]}`;
    return c && counts[k] > 0 ? paint(c, k, text) : text;
  }).join(' · ');
}

const hasChanges = (counts: ChangeCounts) => CHANGE_KINDS.some((k) => k !== 'persisting' && counts[k] > 0);

function findingLines(c: ChalkInstance, f: FindingChange, detail: boolean): string[] {
  const lines = [`  ${paint(c, f.change ?? 'persisting', f.severity.toUpperCase().padEnd(8))} ${f.checkId}  ${f.resourceId} ${f.region}`];
  if (!detail) return lines;
  lines.push(`           ${f.message}`);
  const waiver = f.waiver !== undefined ? ` · waiver ${f.waiver}` : '';
  lines.push(c.gray(`           ${f.before} → ${f.after}${waiver} · ${f.fingerprint.slice(0, 16)}`));
  return lines;
}

/**
 * For a person: the overall counts, per framework its score and counts with
 * the controls that changed, then the findings by kind (persisting ones one
 * line each, without detail).
 */
export function renderDiffText(diff: ReportDiff, { color }: { color: boolean }): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [];
  const side = (s: ReportDiff['old']) => `${s.collectedAt} (archscan ${s.toolVersion}${s.complete ? '' : ', incomplete'})`;
  out.push(c.bold(`archscan diff · account ${diff.new.accountId}`) + ` · ${side(diff.old)} → ${side(diff.new)}`);
  out.push('');
  out.push(`${c.bold('Findings')}  ${countsLine(diff.counts, c)}`);
  if (!diff.new.complete) out.push(c.yellow('  the newer scan is incomplete: findings it could not decide are undetermined, not fixed'));
  for (const [which, ids] of [['older', diff.frameworksOnlyIn.old], ['newer', diff.frameworksOnlyIn.new]] as const) {
    if (ids.length > 0) out.push(c.yellow(`  only in the ${which} report, not compared: ${ids.join(', ')}`));
  }

  for (const f of diff.frameworks) {
    out.push('');
    out.push(`${c.bold.underline(f.title)} ${c.gray(`[${f.id}]`)}  score ${fmtScore(f.oldScore)} → ${c.bold(fmtScore(f.newScore))} (${fmtScoreChange(f.scoreChange)})`);
    out.push(`  ${countsLine(f.counts, c)}`);
    // Controls with something other than persisting findings, or a moved score or status.
    for (const ctl of f.controls) {
      const moved = ctl.scoreChange !== null && ctl.scoreChange !== 0;
      if (!hasChanges(ctl.counts) && !moved && ctl.oldStatus === ctl.newStatus) continue;
      const status = ctl.oldStatus === ctl.newStatus ? '' : `  ${ctl.oldStatus ?? 'absent'} → ${ctl.newStatus ?? 'absent'}`;
      const counts = CHANGE_KINDS.filter((k) => k !== 'persisting' && ctl.counts[k] > 0).map((k) => paint(c, k, `${ctl.counts[k]} ${KIND_LABEL[k]}`));
      out.push(
        `  ${c.bold(ctl.id)}  ${ctl.title}  ${c.gray(`score ${fmtScore(ctl.oldScore)} → ${fmtScore(ctl.newScore)} (${fmtScoreChange(ctl.scoreChange)})`)}${status}` +
          (counts.length > 0 ? `  ${counts.join(' · ')}` : ''),
      );
    }
  }

  for (const kind of CHANGE_KINDS) {
    const list = diff.findings.filter((f) => f.change === kind);
    if (list.length === 0) continue;
    out.push('');
    out.push(paint(c, kind, c.bold(`${KIND_LABEL[kind][0]!.toUpperCase()}${KIND_LABEL[kind].slice(1)} (${list.length})`)));
    for (const f of list) out.push(...findingLines(c, f, kind !== 'persisting'));
  }
  return `${out.join('\n')}\n`;
}
