/**
 * `--verbose` sections of the text report: every framework and control with
 * its failing and undecided results (the first LISTED per control), the full
 * scope statements, the scoring formula, every waiver and every failed call.
 */
import type { ChalkInstance } from 'chalk';
import { describeCallError } from '../assess/call-errors.js';
import type { Assessment, ControlAssessment, Evaluation, FrameworkAssessment } from '../assess/types.js';
import { WAIVER_STATE_LABEL } from '../assess/waive.js';
import { differingParams } from './text-findings.js';
import { clean, evidencePieces, fmtScore, indentWrap, LABEL, paint, resourceLabel, WIDTH, wrap } from './text-format.js';

/** Failing or undecided results listed per control. */
export const LISTED = 20;

/** `label: text` wrapped under a control, continuation lines indented under the text. */
function indented(label: string, text: string): string[] {
  // Continuation lines sit 18 columns in: wrapped so that they too end within WIDTH.
  return wrap(`${label}: ${clean(text)}`, WIDTH - 18).map((l, i) => `         ${i === 0 ? '' : '         '}${l}`);
}

/**
 * The rule file's note and, for a partially evidenced control, what else to
 * collect: shown whenever the control is not attested (partial, or its clause
 * unverified), so no reader takes its status for an attested one.
 */
function caveatLines(c: ChalkInstance, control: ControlAssessment): string[] {
  const lines: string[] = [];
  if (control.evidence === 'partial' || !control.verified) {
    if (control.note !== undefined) for (const l of indented('note', control.note)) lines.push(c.gray(l));
  }
  if (control.partial) for (const l of indented('also collect', control.partial.collect)) lines.push(c.gray(l));
  return lines;
}

/** The check id, with the params that tell it apart when the control runs the check more than once. */
function checkLabels(control: ControlAssessment, evaluations: Map<string, Evaluation>, differing: Map<string, string[]>): Map<string, string> {
  const perCheck = new Map<string, number>();
  for (const k of control.evaluations) {
    const id = evaluations.get(k)!.checkId;
    perCheck.set(id, (perCheck.get(id) ?? 0) + 1);
  }
  const labels = new Map<string, string>();
  for (const k of control.evaluations) {
    const ev = evaluations.get(k)!;
    const keys = perCheck.get(ev.checkId)! > 1 ? (differing.get(ev.checkId) ?? []) : [];
    const params = keys.map((p) => `${p}: ${JSON.stringify(ev.params[p]) ?? 'unset'}`).join('; ');
    labels.set(k, params ? `${ev.checkId} (${params})` : ev.checkId);
  }
  return labels;
}

function* controlBlock(c: ChalkInstance, control: ControlAssessment, evaluations: Map<string, Evaluation>, differing: Map<string, string[]>): Generator<string> {
  const label = paint(c, control.status, LABEL[control.status].padEnd(6));
  const unverified = control.verified ? '' : c.gray(' (clause unverified)');
  const partial = control.evidence === 'partial' ? c.magenta(' [partial evidence]') : '';
  if (control.manual) {
    // Not scored: say what an auditor has to collect instead.
    yield `  ${label} ${c.bold(control.id)}  ${control.title}${unverified}  ${c.gray('not scored')}`;
    yield* indented('collect', control.manual.collect);
    if (!control.verified && control.note !== undefined) for (const l of indented('note', control.note)) yield c.gray(l);
    return;
  }
  const waivedNote = control.waived > 0 ? c.cyan(`  ${control.waived} waived`) : '';
  yield `  ${label} ${c.bold(control.id)}  ${control.title}${partial}${unverified}  ${c.gray(`score ${fmtScore(control.score)}`)}${waivedNote}`;
  yield* caveatLines(c, control);
  if (control.status !== 'fail' && control.status !== 'error' && control.waived === 0) return;
  // Waived failures keep their evidence, labelled with the waiver that accepted them.
  const waivedBy = new Map(control.waivedResults.map((w) => [`${w.evaluation}\n${w.arn}`, w.waiver]));
  const labels = checkLabels(control, evaluations, differing);
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
      yield `         ${tag}  ${labels.get(key)!}  ${resourceLabel(r.resource)}${waiver ? c.cyan(`  waiver ${waiver}`) : ''}`;
      for (const l of indentWrap(15, clean(r.message))) yield l;
      for (const e of evidencePieces(r)) yield c.gray(`               ${e}`);
    }
  }
  if (more > 0) yield c.gray(`         ... and ${more} more failing or undecided result(s) (--format json lists them all)`);
}

/** Regions scanned and not, services read, and what a pass means: each framework's scope. */
function scopeLines(s: FrameworkAssessment['scope']): string[] {
  const skipped = s.regionsNotScanned.length > 0 ? `; not scanned: ${s.regionsNotScanned.map((r) => `${r.region} (${r.reason})`).join(', ')}` : '';
  return [
    ...wrap(`scope: regions ${s.regionsScanned.join(', ') || 'none'}${skipped}; services read: ${s.servicesRead.join(', ') || 'none'}.`, WIDTH - 4).map((l, i) => `  ${i === 0 ? '' : '  '}${l}`),
    ...wrap(s.statement, WIDTH - 4).map((l) => `    ${l}`),
  ];
}

/** Framework → control → failing and undecided resources with evidence, as the report was before it had a summary. */
export function* controlDetail(c: ChalkInstance, a: Assessment): Generator<string> {
  const evaluations = new Map(a.evaluations.map((e) => [e.key, e]));
  const differing = differingParams(a.evaluations);
  for (const f of a.frameworks) {
    yield '';
    const score = `score ${c.bold(fmtScore(f.score))}/100  ${c.gray(`attested controls only: ${fmtScore(f.scoreAttested)}`)}`;
    const plain = `${f.title} [${f.id}]  score ${fmtScore(f.score)}/100  attested controls only: ${fmtScore(f.scoreAttested)}`;
    // A long framework title puts the scores on the next line rather than past the width.
    if (plain.length <= WIDTH) yield `${c.bold.underline(f.title)} ${c.gray(`[${f.id}]`)}  ${score}`;
    else {
      yield `${c.bold.underline(f.title)} ${c.gray(`[${f.id}]`)}`;
      yield `  ${score}`;
    }
    const cc = f.controlCounts;
    const rc = f.counts;
    const ce = f.controlEvidence;
    const manual = cc.manual > 0 ? ` · ${cc.manual} manual` : '';
    yield c.gray(
      `  controls: ${cc.fail} fail · ${cc.error} error · ${cc.pass} pass · ${cc.not_applicable} n/a${manual}    ` +
        `results: ${rc.fail} fail · ${rc.error} error · ${rc.pass} pass · ${rc.not_applicable} n/a${f.waived > 0 ? ` · ${f.waived} waived` : ''}`,
    );
    yield c.gray(`  evidence: ${ce.attested} attested · ${ce.partial} partial · ${ce.unverified} clause unverified · ${ce.manual} manual`);
    for (const l of scopeLines(f.scope)) yield c.gray(l);
    for (const control of f.controls) yield* controlBlock(c, control, evaluations, differing);
  }
  yield '';
  yield c.bold('Scoring');
  for (const l of wrap(a.scoring.formula, WIDTH - 2)) yield c.gray(`  ${l}`);
  yield c.gray('  attested: the same over attested controls only (automated, clause verified); partially evidenced');
  yield c.gray('  and unverified controls are left out.');
}

/** Every waiver with its state on the as-of day: active, expired (no longer applied), stale (matches nothing) or out of scope. */
export function* waiverDetail(c: ChalkInstance, w: NonNullable<Assessment['waivers']>): Generator<string> {
  yield '';
  yield c.bold(`Waivers (as of ${w.asOf})`);
  if (w.entries.length === 0) yield '  none';
  for (const e of w.entries) {
    const label = WAIVER_STATE_LABEL[e.state].padEnd(7);
    const state = e.state === 'active' ? c.cyan(label) : e.state === 'out_of_scope' ? c.gray(label) : c.yellow.bold(label);
    const target = e.check ? `check ${e.check}` : `control ${e.control}`;
    yield `  ${state} ${clean(e.ref)}  ${target}  ${clean(e.resource)}  (${e.matched} matched)`;
    yield c.gray(`          approved by ${clean(e.approver)}, expires ${e.expires}: ${clean(e.reason)}`);
  }
}

/** Every call that failed, and every answer that could not be read, expected "not set up" answers included. */
export function* callErrorDetail(c: ChalkInstance, a: Assessment): Generator<string> {
  if (a.callErrors.length === 0) return;
  yield '';
  yield c.yellow.bold(`Calls that failed, or answers that could not be read (${a.callErrors.length})`);
  for (const e of a.callErrors) yield c.yellow(`  ${clean(describeCallError(e))}`);
}
