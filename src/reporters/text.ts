import { architectureLines } from './architecture.js';
import { WAIVER_STATE_LABEL } from '../assess/waive.js';
import { Chalk, type ChalkInstance } from 'chalk';
import { describeCallError } from '../assess/call-errors.js';
import type { Assessment, ControlAssessment, ControlStatus, Evaluation, FrameworkAssessment } from '../assess/types.js';
import type { CheckResult } from '../checks/types.js';
import { lines, rendered } from './stream.js';
import type { Reporter } from './types.js';

const LABEL: Record<ControlStatus, string> = { fail: 'FAIL', error: 'ERROR', pass: 'PASS', not_applicable: 'N/A', manual: 'MANUAL' };

/** Failing or undecided results listed per control. */
export const LISTED = 20;

/** Width the evidence-to-collect text of a manual control is wrapped at. */
const WRAP = 100;

function paint(c: ChalkInstance, status: ControlStatus, text: string): string {
  switch (status) {
    case 'manual':
      return c.cyan(text);
    case 'fail':
      return c.red.bold(text);
    case 'error':
      return c.yellow.bold(text);
    case 'pass':
      return c.green(text);
    case 'not_applicable':
      return c.gray(text);
  }
}

const fmtScore = (s: number | null) => (s === null ? 'n/a' : s.toFixed(1));

/** Evidence as short `key: value` lines, JSON for structured values. */
function evidenceLines(result: CheckResult): string[] {
  return Object.entries(result.evidence).map(([k, v]) => {
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    return `${k}: ${text.length > 200 ? `${text.slice(0, 197)}...` : text}`;
  });
}

function resourceLabel(r: CheckResult['resource']): string {
  const name = r.name && r.name !== r.id ? ` (${r.name})` : '';
  return `${r.id}${name} ${r.region}`;
}

/** Words wrapped to lines of at most `width` characters (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** `label: text` wrapped under a control, continuation lines indented under the text. */
function indented(label: string, text: string): string[] {
  return wrap(`${label}: ${text}`, WRAP).map((l, i) => `         ${i === 0 ? '' : '         '}${l}`);
}

/**
 * The rule file's note and, for a partially evidenced control, what else to
 * collect: shown whenever the control is not attested (partial, or its clause
 * unverified), so no reader takes its status for an attested one.
 */
function caveatLines(c: ChalkInstance, control: ControlAssessment): string[] {
  const lines: string[] = [];
  if (control.evidence === 'partial' || !control.verified) {
    if (control.note !== undefined) lines.push(...indented('note', control.note).map((l) => c.gray(l)));
  }
  if (control.partial) lines.push(...indented('also collect', control.partial.collect).map((l) => c.gray(l)));
  return lines;
}

function controlBlock(c: ChalkInstance, control: ControlAssessment, evaluations: Map<string, Evaluation>): string[] {
  const label = paint(c, control.status, LABEL[control.status].padEnd(6));
  const unverified = control.verified ? '' : c.gray(' (clause unverified)');
  const partial = control.evidence === 'partial' ? c.magenta(' [partial evidence]') : '';
  if (control.manual) {
    // Not scored: say what an auditor has to collect instead.
    const lines = [`  ${label} ${c.bold(control.id)}  ${control.title}${unverified}  ${c.gray('not scored')}`];
    lines.push(...indented('collect', control.manual.collect));
    if (!control.verified && control.note !== undefined) lines.push(...indented('note', control.note).map((l) => c.gray(l)));
    return lines;
  }
  const waivedNote = control.waived > 0 ? c.cyan(`  ${control.waived} waived`) : '';
  const lines = [`  ${label} ${c.bold(control.id)}  ${control.title}${partial}${unverified}  ${c.gray(`score ${fmtScore(control.score)}`)}${waivedNote}`];
  lines.push(...caveatLines(c, control));
  if (control.status !== 'fail' && control.status !== 'error' && control.waived === 0) return lines;
  // Waived failures keep their evidence, labelled with the waiver that accepted them.
  const waivedBy = new Map(control.waivedResults.map((w) => [`${w.evaluation}\n${w.arn}`, w.waiver]));
  let listed = 0;
  let more = 0;
  for (const key of control.evaluations) {
    const ev = evaluations.get(key)!;
    for (const r of ev.results) {
      if (r.status !== 'fail' && r.status !== 'error') continue;
      // A large account lists thousands per control: the first LISTED here, all of them in --format json.
      if (listed++ >= LISTED) {
        more++;
        continue;
      }
      const waiver = waivedBy.get(`${ev.key}\n${r.resource.arn}`);
      const tag = waiver ? c.cyan(`WAIVED ${ev.severity.toUpperCase()}`) : paint(c, r.status, ev.severity.toUpperCase());
      lines.push(`         ${tag}  ${ev.key}  ${resourceLabel(r.resource)}${waiver ? c.cyan(`  waiver ${waiver}`) : ''}`);
      lines.push(`               ${r.message}`);
      for (const e of evidenceLines(r)) lines.push(c.gray(`               ${e}`));
    }
  }
  if (more > 0) lines.push(c.gray(`         ... and ${more} more failing or undecided result(s) (--format json lists them all)`));
  return lines;
}

/** For a person at a terminal: framework → control → failing resources with evidence → scores. */
export const renderText: Reporter = (a, { color }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const evaluations = new Map(a.evaluations.map((e) => [e.key, e]));
  function* text(): Generator<string> {
    yield (
      c.bold(`archscan ${a.tool.version}`) +
        ` · account ${a.snapshot.accountId} (${a.snapshot.partition}) · regions ${a.snapshot.regions.join(', ') || 'none'} · snapshot ${a.snapshot.collectedAt}`
    );
    for (const s of a.snapshot.skippedRegions) yield c.yellow(`skipped region ${s.region}: ${s.reason}`);
    if (a.filters) yield c.yellow(a.filters.statement);
    for (const f of a.frameworks) {
      yield '';
      yield `${c.bold.underline(f.title)} ${c.gray(`[${f.id}]`)}  score ${c.bold(fmtScore(f.score))}/100  ${c.gray(`attested controls only: ${fmtScore(f.scoreAttested)}`)}`;
      const cc = f.controlCounts;
      const rc = f.counts;
      const ce = f.controlEvidence;
      const manual = cc.manual > 0 ? ` · ${cc.manual} manual` : '';
      yield (
        c.gray(
          `  controls: ${cc.fail} fail · ${cc.error} error · ${cc.pass} pass · ${cc.not_applicable} n/a${manual}    ` +
            `results: ${rc.fail} fail · ${rc.error} error · ${rc.pass} pass · ${rc.not_applicable} n/a${f.waived > 0 ? ` · ${f.waived} waived` : ''}`,
        )
      );
      yield c.gray(`  evidence: ${ce.attested} attested · ${ce.partial} partial · ${ce.unverified} clause unverified · ${ce.manual} manual`);
      yield* scopeLines(f.scope).map((l) => c.gray(l));
      for (const control of f.controls) yield* controlBlock(c, control, evaluations);
    }
    yield '';
    yield c.bold('Scores');
    for (const f of a.frameworks) {
      yield `  ${f.id.padEnd(24)} ${fmtScore(f.score).padStart(5)}  ${LABEL[f.status].padEnd(6)} ${c.gray(`attested ${fmtScore(f.scoreAttested)}`)}`;
      // Waived results are out of the score; this line shows what they would cost.
      if (f.waived > 0) yield c.cyan(`  ${''.padEnd(24)} waived: ${f.waived} result(s), not scored; counted as failures the score would be ${fmtScore(f.scoreCountingWaived)}`);
    }
    yield c.gray(`  ${a.scoring.formula}`);
    yield c.gray('  attested: the same over attested controls only (automated, clause verified); partially evidenced and unverified controls are left out.');
    if (a.waivers) yield* waiverLines(c, a.waivers);
    if (a.callErrors.length > 0) {
      yield '';
      yield c.yellow.bold(`Calls that failed, or answers that could not be read (${a.callErrors.length})`);
      for (const e of a.callErrors) {
        yield c.yellow(`  ${describeCallError(e)}`);
      }
    }
    if (a.baseline) yield* baselineLines(c, a.baseline);
    if (a.architecture) yield* architectureLines(a.architecture);
  }
  return rendered(() => lines(text()));
};

/** Regions scanned and not, services read, and what a pass means: each framework's scope. */
function scopeLines(s: FrameworkAssessment['scope']): string[] {
  const skipped = s.regionsNotScanned.length > 0 ? `; not scanned: ${s.regionsNotScanned.map((r) => `${r.region} (${r.reason})`).join(', ')}` : '';
  return [
    ...wrap(`scope: regions ${s.regionsScanned.join(', ') || 'none'}${skipped}; services read: ${s.servicesRead.join(', ') || 'none'}.`, WRAP + 4).map((l, i) => `  ${i === 0 ? '' : '  '}${l}`),
    ...wrap(s.statement, WRAP + 2).map((l) => `    ${l}`),
  ];
}

/** Every waiver with its state on the as-of day: active, expired (no longer applied), stale (matches nothing) or out of scope. */
function waiverLines(c: ChalkInstance, w: NonNullable<Assessment['waivers']>): string[] {
  const lines = ['', c.bold(`Waivers (as of ${w.asOf})`)];
  if (w.entries.length === 0) lines.push('  none');
  for (const e of w.entries) {
    const label = WAIVER_STATE_LABEL[e.state].padEnd(7);
    const state = e.state === 'active' ? c.cyan(label) : e.state === 'out_of_scope' ? c.gray(label) : c.yellow.bold(label);
    const target = e.check ? `check ${e.check}` : `control ${e.control}`;
    lines.push(`  ${state} ${e.ref}  ${target}  ${e.resource}  (${e.matched} matched)`);
    lines.push(c.gray(`          approved by ${e.approver}, expires ${e.expires}: ${e.reason}`));
  }
  return lines;
}

/** `scan --baseline`: counts per kind, score change per framework, and the new findings (details: `archscan diff`). */
function baselineLines(c: ChalkInstance, d: NonNullable<Assessment['baseline']>): string[] {
  const kinds = (n: Record<'new' | 'fixed' | 'persisting' | 'newly_waived' | 'undetermined', number>) =>
    `${n.new} new · ${n.fixed} fixed · ${n.persisting} persisting · ${n.newly_waived} newly waived · ${n.undetermined} undetermined`;
  const delta = (x: number | null) => (x === null ? 'n/a' : `${x > 0 ? '+' : ''}${x.toFixed(1)}`);
  const lines = ['', c.bold(`Change since baseline (${d.old.collectedAt})`), `  findings: ${kinds(d.counts)}`];
  for (const f of d.frameworks) {
    lines.push(`  ${f.id.padEnd(24)} ${fmtScore(f.oldScore).padStart(5)} → ${fmtScore(f.newScore).padStart(5)} (${delta(f.scoreChange)})  ${c.gray(kinds(f.counts))}`);
  }
  if (d.frameworksOnlyIn.old.length > 0) lines.push(c.yellow(`  only in the baseline, not compared: ${d.frameworksOnlyIn.old.join(', ')}`));
  if (d.frameworksOnlyIn.new.length > 0) lines.push(c.yellow(`  not in the baseline, not compared: ${d.frameworksOnlyIn.new.join(', ')}`));
  for (const f of d.findings.filter((x) => x.change === 'new')) {
    lines.push(`  ${c.red.bold('NEW')} ${f.severity.toUpperCase().padEnd(8)} ${f.checkId}  ${f.resourceId} ${f.region}`);
  }
  return lines;
}
