/**
 * The default report, for a person at a terminal: a summary first (scores,
 * the worst failing resources, what could not be decided, waivers that need
 * attention, the scope in a line or two), then the failing resources (each
 * once, with the checks it fails and the controls each breaks), then what to
 * do next. `verbose` adds every framework and control, the full scope
 * statements and every failed call.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { architectureLines } from './architecture.js';
import type { Assessment } from '../assess/types.js';
import { describeCause, undecided, type Undecided } from '../assess/undecided.js';
import { SEVERITIES } from '../checks/types.js';
import { lines, rendered } from './stream.js';
import { callErrorDetail, controlDetail, waiverDetail } from './text-detail.js';
import { controlList, failureIndex, type FailingCheck, type FailingResource, type FailureIndex } from './text-findings.js';
import { clean, evidencePieces, fmtScore, indentWrap, LABEL, paint, paintSeverity, plural, truncate, WIDTH, wrap } from './text-format.js';
import type { Reporter } from './types.js';

export { LISTED } from './text-detail.js';
export { wrap } from './text-format.js';

/** Failing resources in the summary's top list. */
export const TOP = 10;
/** Failing resources listed with their checks without --verbose. */
export const RESOURCES_LISTED = 50;
/** Failed calls named in the summary without --verbose. */
export const CAUSES_LISTED = 10;
/** A waiver expiring within this many days of the as-of day is flagged. */
export const EXPIRING_DAYS = 30;
/** New findings since the baseline listed without --verbose. */
const NEW_LISTED = 10;

const README = 'https://github.com/archscan/archscan';

/** For a person at a terminal: summary, failing resources, next steps; `verbose`: every control too. */
export const renderText: Reporter = (a, { color, verbose = false }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  function* text(): Generator<string> {
    const index = failureIndex(a);
    const u = undecided(a);
    yield* header(c, a);
    if (a.filters) yield c.yellow(a.filters.statement);
    yield* scores(c, a);
    yield* undecidedLines(c, u, verbose);
    yield* top(c, index);
    if (a.waivers) yield* waiverSummary(c, a.waivers);
    if (a.baseline) yield* baselineLines(c, a.baseline, verbose);
    if (a.architecture) yield* architectureLines(a.architecture);
    yield* scopeCaveat(c, a);
    yield* byResource(c, a, index, verbose);
    if (verbose) {
      yield* controlDetail(c, a);
      if (a.waivers) yield* waiverDetail(c, a.waivers);
      yield* callErrorDetail(c, a);
    }
    yield* nextSteps(c, a, index, u, verbose);
  }
  return rendered(() => lines(text()));
};

function* header(c: ChalkInstance, a: Assessment): Generator<string> {
  const account = ` · account ${a.snapshot.accountId} (${a.snapshot.partition})`;
  const regions = `regions ${a.snapshot.regions.join(', ') || 'none'}`;
  const snapshot = `snapshot ${a.snapshot.collectedAt}`;
  const head = `archscan ${a.tool.version}${account}`;
  // One line when it fits the width; many regions move the region list to a line of its own.
  if (head.length + regions.length + snapshot.length + 6 <= WIDTH) yield `${c.bold(`archscan ${a.tool.version}`)}${account} · ${regions} · ${snapshot}`;
  else {
    yield `${c.bold(`archscan ${a.tool.version}`)}${account} · ${snapshot}`;
    yield* indentWrap(2, regions);
  }
  for (const s of a.snapshot.skippedRegions) yield c.yellow(`skipped region ${s.region}: ${clean(s.reason)}`);
}

/** One row per framework: score, attested score, status and controls per status. */
function* scores(c: ChalkInstance, a: Assessment): Generator<string> {
  yield '';
  if (a.frameworks.length === 0) {
    yield c.bold('Scores') + '  no framework selected';
    return;
  }
  const w = Math.max(20, ...a.frameworks.map((f) => f.id.length));
  yield `${c.bold('Scores'.padEnd(w + 2))}  ${c.gray(`${'score'.padStart(5)}  attested  status  controls`)}`;
  for (const f of a.frameworks) {
    const cc = f.controlCounts;
    const manual = cc.manual > 0 ? ` · ${cc.manual} manual` : '';
    const controls = `${cc.fail} fail · ${cc.error} error · ${cc.pass} pass · ${cc.not_applicable} n/a${manual}`;
    yield `  ${f.id.padEnd(w)}  ${c.bold(fmtScore(f.score).padStart(5))}  ${fmtScore(f.scoreAttested).padStart(8)}  ${paint(c, f.status, LABEL[f.status].padEnd(6))}  ${c.gray(controls)}`;
    // Waived results are out of the score; this line shows what they would cost.
    if (f.waived > 0) yield c.cyan(`    ${f.id} waived: ${f.waived} result(s), not scored; counted as failures the score would be ${fmtScore(f.scoreCountingWaived)}`);
  }
  const weights = SEVERITIES.map((s) => `${s} ${a.scoring.weights[s]}`).join(', ');
  const formula = a.scoring.formula.split(', ')[0]!;
  for (const l of indentWrap(2, `${formula}; weights ${weights}. attested: over attested controls only (automated, clause verified); manual controls are not scored.`)) yield c.gray(l);
}

/** Counts, the calls that failed (the first CAUSES_LISTED) and the IAM actions to grant. */
function* undecidedLines(c: ChalkInstance, u: Undecided, verbose: boolean): Generator<string> {
  if (u.results === 0) return;
  yield '';
  yield `${c.yellow.bold(`Not decided: ${plural(u.results, 'result')}`)} ${c.gray('(the scan is incomplete; they count against the score, never as passes)')}`;
  const shown = verbose ? u.causes.length : Math.min(u.causes.length, CAUSES_LISTED);
  for (let i = 0; i < shown; i++) for (const l of indentWrap(2, clean(describeCause(u.causes[i]!)))) yield c.yellow(l);
  if (u.causes.length > shown) yield c.gray(`  ... and ${u.causes.length - shown} more failed call(s) (--verbose lists them)`);
  if (u.other > 0) yield c.yellow(`  ${plural(u.other, 'result')} undecided for another reason (a check could not evaluate; --verbose shows each)`);
  if (u.grant.length > 0) for (const l of indentWrap(2, `grant: ${u.grant.join(', ')}`)) yield c.bold(l);
}

/** The severity in a column of 8, with a space after CRITICAL, which fills it. */
const sevLabel = (s: string) => `${s.toUpperCase().padEnd(7)} `;

const resourceName = (r: FailingResource['resource']) => (r.name && r.name !== r.id ? `${clean(r.id)} (${clean(r.name)})` : clean(r.id));

/** The TOP worst failing resources: what is wrong and the controls it breaks, a line each. */
function* top(c: ChalkInstance, index: FailureIndex): Generator<string> {
  yield '';
  if (index.failing === 0) {
    yield c.bold('No failing resources') + (index.resources.length > 0 ? c.gray(` (${plural(index.resources.length, 'resource')} with waived failures only)`) : '');
    return;
  }
  const n = Math.min(TOP, index.failing);
  yield `${c.bold(`Top ${n} of ${plural(index.failing, 'failing resource')}`)} ${c.gray('(most severe first, then most controls broken)')}`;
  for (let i = 0; i < n; i++) {
    const r = index.resources[i]!;
    const first = r.checks[0]!;
    yield `  ${`${i + 1}.`.padStart(3)} ${paintSeverity(c, r.worst!, sevLabel(r.worst!))}${resourceName(r.resource)}  ${r.resource.region}  ${c.gray(r.resource.type)}`;
    const more = r.checks.length > 1 ? ` (+${r.checks.length - 1} more)` : '';
    yield `               ${truncate(clean(first.message), WIDTH - 15 - more.length)}${c.gray(more)}`;
    const controls = `${plural(r.controls, 'control')}: ${controlList(index, unionBroken(r))}`;
    yield c.gray(`               ${truncate(controls, WIDTH - 15)}`);
  }
}

/** The controls a resource breaks, ascending (entries hold their own). */
function unionBroken(r: FailingResource): number[] {
  if (r.checks.length === 1) return r.checks[0]!.broken;
  const all = new Set<number>();
  for (const ch of r.checks) for (const o of ch.broken) all.add(o);
  return [...all].sort((x, y) => x - y);
}

/** Expired and stale waivers, and those expiring within EXPIRING_DAYS; the rest as counts. */
function* waiverSummary(c: ChalkInstance, w: NonNullable<Assessment['waivers']>): Generator<string> {
  const count = { active: 0, expired: 0, stale: 0, out_of_scope: 0 };
  for (const e of w.entries) count[e.state]++;
  yield '';
  yield `${c.bold(`Waivers (as of ${w.asOf})`)} ${c.gray(`${count.active} active · ${count.expired} expired · ${count.stale} stale · ${count.out_of_scope} out of scope`)}`;
  const asOf = Date.parse(`${w.asOf}T00:00:00Z`);
  for (const e of w.entries) {
    const days = Math.round((Date.parse(`${e.expires}T00:00:00Z`) - asOf) / 86_400_000);
    const expiring = e.state === 'active' && days <= EXPIRING_DAYS;
    if (e.state !== 'expired' && e.state !== 'stale' && !expiring) continue;
    const label = e.state === 'expired' ? 'EXPIRED' : e.state === 'stale' ? 'STALE' : 'ACTIVE';
    const target = e.check ? `check ${e.check}` : `control ${e.control}`;
    const note =
      e.state === 'expired'
        ? `expired ${e.expires}: ${plural(e.matched, 'result')} fail again`
        : e.state === 'stale'
          ? 'matches no failing result: remove it or fix its pattern'
          : `expires ${e.expires} (in ${plural(days, 'day')})`;
    yield `  ${c.yellow.bold(label.padEnd(7))} ${clean(e.ref)}  ${target}  ${clean(e.resource)}`;
    yield c.gray(`          ${note}; approved by ${clean(e.approver)}`);
  }
}

/** `scan --baseline`: counts per kind, score change per framework, and the new findings (details: `archscan diff`). */
function* baselineLines(c: ChalkInstance, d: NonNullable<Assessment['baseline']>, verbose: boolean): Generator<string> {
  const kinds = (n: Record<'new' | 'fixed' | 'persisting' | 'newly_waived' | 'undetermined', number>) =>
    `${n.new} new · ${n.fixed} fixed · ${n.persisting} persisting · ${n.newly_waived} newly waived · ${n.undetermined} undetermined`;
  const delta = (x: number | null) => (x === null ? 'n/a' : `${x > 0 ? '+' : ''}${x.toFixed(1)}`);
  yield '';
  yield c.bold(`Change since baseline (${d.old.collectedAt})`);
  yield `  findings: ${kinds(d.counts)}`;
  for (const f of d.frameworks) {
    yield `  ${f.id.padEnd(24)} ${fmtScore(f.oldScore).padStart(5)} → ${fmtScore(f.newScore).padStart(5)} (${delta(f.scoreChange)})  ${c.gray(kinds(f.counts))}`;
  }
  if (d.frameworksOnlyIn.old.length > 0) yield c.yellow(`  only in the baseline, not compared: ${d.frameworksOnlyIn.old.join(', ')}`);
  if (d.frameworksOnlyIn.new.length > 0) yield c.yellow(`  not in the baseline, not compared: ${d.frameworksOnlyIn.new.join(', ')}`);
  let listed = 0;
  for (const f of d.findings) {
    if (f.change !== 'new') continue;
    if (!verbose && listed >= NEW_LISTED) {
      listed++;
      continue;
    }
    listed++;
    yield `  ${c.red.bold('NEW')} ${f.severity.toUpperCase().padEnd(8)} ${f.checkId}  ${clean(f.resourceId)} ${f.region}`;
  }
  if (!verbose && listed > NEW_LISTED) yield c.gray(`  ... and ${listed - NEW_LISTED} more new finding(s) (archscan diff lists them all)`);
}

/** The scope in two lines: regions, what a pass means, what the attested score leaves out; the full statements under --verbose. */
function* scopeCaveat(c: ChalkInstance, a: Assessment): Generator<string> {
  let notAttested = 0;
  let manual = 0;
  for (const f of a.frameworks) {
    manual += f.controlCounts.manual;
    for (const ctl of f.controls) if (!ctl.attested && !ctl.manual) notAttested++;
  }
  const skipped = a.snapshot.skippedRegions.length > 0 ? ` (not scanned: ${a.snapshot.skippedRegions.map((s) => s.region).join(', ')})` : '';
  const text =
    `Scope: regions ${a.snapshot.regions.join(', ') || 'none'}${skipped}, as collected ${a.snapshot.collectedAt}; regions not collected are not checked. ` +
    `A PASS is the configuration seen then, not proof that a control operates; ${plural(notAttested, 'scored control')} rest on partial evidence or an unverified clause, ` +
    `${manual} manual control(s) need evidence collected by hand (--verbose: full scope statements).`;
  yield '';
  for (const l of wrap(text, WIDTH)) yield c.gray(l);
}

/** Each failing resource once, worst first: its checks, their messages, short evidence and the controls each breaks. */
function* byResource(c: ChalkInstance, a: Assessment, index: FailureIndex, verbose: boolean): Generator<string> {
  if (index.resources.length === 0) return;
  const titles = new Map(a.checks.map((ch) => [ch.id, ch]));
  const total = index.resources.length;
  const shown = verbose ? total : Math.min(total, RESOURCES_LISTED);
  const waivedOnly = total - index.failing;
  yield '';
  const of = shown < total ? `the first ${shown} of ${total}` : `${total}`;
  yield `${c.bold.underline(`Findings by resource (${of})`)}${waivedOnly > 0 ? c.gray(` ${waivedOnly} with waived failures only, listed last`) : ''}`;
  for (let i = 0; i < shown; i++) {
    const r = index.resources[i]!;
    yield '';
    const summary = `${r.resource.type} · ${plural(r.checks.length, 'failing check')} · ${r.worst === null ? 'all waived' : plural(r.controls, 'control')}`;
    const head = `${i + 1}. ${resourceName(r.resource)}  ${r.resource.region}`;
    // The type and counts go on a line of their own rather than past the width.
    if (head.length + 2 + summary.length <= WIDTH) yield `${c.bold(`${i + 1}. ${resourceName(r.resource)}`)}  ${r.resource.region}  ${c.gray(summary)}`;
    else {
      yield `${c.bold(`${i + 1}. ${resourceName(r.resource)}`)}  ${r.resource.region}`;
      yield c.gray(`   ${summary}`);
    }
    yield c.gray(`   ${clean(r.resource.arn)}`);
    for (const ch of r.checks) yield* checkLines(c, index, ch, titles.get(ch.checkId), verbose);
  }
  if (shown < total) {
    yield '';
    yield c.gray(`... and ${total - shown} more resource(s) with failures: --verbose lists each, --format json every result.`);
  }
}

function* checkLines(c: ChalkInstance, index: FailureIndex, ch: FailingCheck, info: Assessment['checks'][number] | undefined, verbose: boolean): Generator<string> {
  const waived = ch.broken.length === 0;
  const tag = waived ? c.cyan('WAIVED'.padEnd(8)) : paintSeverity(c, ch.severity, sevLabel(ch.severity));
  const params = ch.params ? ` (${clean(ch.params)})` : '';
  const col = 3 + (waived ? 8 : sevLabel(ch.severity).length);
  if (col + ch.checkId.length + params.length > WIDTH) {
    // Many differing params: wrapped under the check id, no title.
    yield `   ${tag}${c.bold(ch.checkId)}`;
    for (const l of indentWrap(11, params.trim())) yield c.gray(l);
  } else {
    // The title is cut to the width: the check id names the check in full (archscan checks lists them).
    const room = WIDTH - col - ch.checkId.length - params.length - 2;
    const title = info && room >= 10 ? `  ${truncate(info.title, room)}` : '';
    yield `   ${tag}${c.bold(ch.checkId)}${c.gray(params)}${title}`;
  }
  for (const l of indentWrap(11, clean(ch.message))) yield l;
  const evidence = evidencePieces(ch.result).join(' · ');
  if (evidence) yield c.gray(`           ${truncate(`evidence: ${evidence}`, WIDTH - 11)}`);
  if (!waived) for (const l of indentWrap(11, `controls: ${controlList(index, ch.broken)}`)) yield c.gray(l);
  if (ch.waivedIn.length > 0) for (const l of indentWrap(11, `waived (${ch.waivers.map(clean).join(', ')}) in: ${controlList(index, ch.waivedIn)}`)) yield c.cyan(l);
  if (verbose && info) for (const l of indentWrap(11, `fix: ${info.remediation}`)) yield c.gray(l);
}

/** How to see more, waive, compare, gate and, for an incomplete scan, what to grant. */
function* nextSteps(c: ChalkInstance, a: Assessment, index: FailureIndex, u: Undecided, verbose: boolean): Generator<string> {
  yield '';
  yield c.bold('Next steps');
  const step = (label: string, text: string) => indentWrap(16, text).map((l, i) => (i === 0 ? `  ${c.bold(label.padEnd(12))}  ${l.trimStart()}` : l));
  if (u.grant.length > 0) {
    yield* step('grant', `${u.grant.join(', ')} to the role that collects, collect again and rescan (archscan permissions prints the whole read-only policy)`);
  } else if (u.results > 0) {
    yield* step('complete', `the calls above failed or answered what could not be read: collect again, then rescan`);
  }
  if (!verbose) yield* step('more detail', 'add --verbose: every framework and control with its results, the full scope statements, every failed call');
  yield* step('full report', '--format json --output report.json (every result), --format html --output pack.html (the VAPT pack for auditors); also sarif, junit, csv, markdown');
  if (index.failing > 0) yield* step('fix', 'each check\'s remediation: archscan checks, docs/checks.md' + (verbose ? ' (fix: lines above)' : ', or --verbose'));
  if (a.waivers) yield* step('waive', `${plural(a.waivers.entries.length, 'waiver')} read from --waivers; add accepted risks there with approver and expiry (${README}#waivers)`);
  else if (index.failing > 0) yield* step('waive', `--waivers FILE: accepted risks with approver and expiry, shown as waived and left out of the gate (${README}#waivers)`);
  yield* step('compare', a.baseline ? 'the change since --baseline is above; archscan diff OLD.json NEW.json lists every finding' : 'keep this scan as JSON, then next time --baseline last.json, or archscan diff last.json new.json');
  yield* step('gate in CI', '--fail-on high (exit 1 on a failure at high or above; default low), --min-score 90, --fail-on-new high with --baseline; exit 3 when the scan is incomplete');
}
