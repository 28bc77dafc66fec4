import { fileURLToPath } from 'node:url';
import { assess } from '../assess/assess.js';
import { gateExitCode, type FailOn } from '../assess/gate.js';
import { InputError } from '../errors.js';
import { buildInventory } from '../inventory/build.js';
import { REPORTERS, type Format } from '../reporters/index.js';
import { selectRuleSets } from '../rules/load.js';
import { loadWaivers } from '../rules/waivers.js';
import { readSnapshotHashed } from '../snapshot/read.js';
import { useColor, type Io } from './io.js';
import type { AwsFlags } from './live.js';
import { writeFileAtomic } from './output.js';
import { VERSION } from './version.js';
import type { Severity } from '../checks/types.js';
import type { CallError } from '../snapshot/types.js';
import { diffReports } from '../diff/diff.js';
import { checkSameAccount, readReport } from '../diff/read.js';
import { diffWarnings } from './diff.js';

/** Options that only make sense for a live scan. */
const LIVE_FLAGS = ['profile', 'roleArn', 'externalId', 'durationSeconds', 'mfaSerial', 'mfaToken', 'region', 'regions'] as const;
const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The sample account shipped in the package, which `scan --demo` scans (the README's sample, a fictional gift-card issuer). */
export const DEMO_SNAPSHOT = fileURLToPath(new URL('../../fixtures/giftcard-issuer.json', import.meta.url));

export interface ScanOptions extends Partial<AwsFlags> {
  snapshot?: string;
  /** --demo: scan DEMO_SNAPSHOT. */
  demo?: boolean;
  framework?: string;
  rules?: string[];
  format: Format;
  output?: string;
  failOn: FailOn;
  minScore?: string;
  quiet?: boolean;
  waivers?: string;
  asOf?: string;
  /** An earlier JSON report: the diff goes into `assessment.baseline`. */
  baseline?: string;
  failOnNew?: Severity;
  /** True when --fail-on was not given (commander's default). */
  failOnDefaulted?: boolean;
  /** SARIF category; false (--no-sarif-category) leaves it to the upload action's `category:`. */
  sarifCategory?: string | false;
}

/**
 * When the report was made: SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention) when set, so a report can be reproduced
 * byte for byte, else the clock.
 */
export function generationTime(env: NodeJS.ProcessEnv, now: Date = new Date()): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (!/^\d{1,12}$/.test(epoch)) throw new InputError('SOURCE_DATE_EPOCH', '', `whole seconds since 1970-01-01 UTC, not "${epoch}"`);
  return new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The day waiver expiry is judged on: --as-of, or today (UTC) from the clock. */
export function parseAsOf(value: string | undefined, today: Date = new Date()): string {
  if (value === undefined) return today.toISOString().slice(0, 10);
  const d = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new InputError('--as-of', '', `a calendar date YYYY-MM-DD, not "${value}"`);
  }
  return value;
}

export function parseMinScore(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new InputError('--min-score', '', `a number from 0 to 100, not "${value}"`);
  }
  return n;
}

export function parseFrameworkList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new InputError('--framework', '', 'a comma-separated list of framework ids');
  return ids;
}

/** `archscan scan`: snapshot → inventory → checks → assessment → report, then the gate. */
export async function runScan(opts: ScanOptions, io: Io): Promise<number> {
  const minScore = parseMinScore(opts.minScore);
  const frameworks = parseFrameworkList(opts.framework);
  const live = LIVE_FLAGS.filter((f) => opts[f] !== undefined);
  if (opts.demo && opts.snapshot) throw new InputError('--demo', '', 'either --demo (the bundled sample) or --snapshot FILE, not both');
  if ((opts.snapshot || opts.demo) && live.length > 0) {
    throw new InputError(flagName(live[0]!), '', `live-collection options only without ${opts.demo ? '--demo' : '--snapshot'}`);
  }
  const snapshotFile = opts.demo ? DEMO_SNAPSHOT : opts.snapshot;
  const { ruleSets, replaced, loaded } = selectRuleSets(opts.rules ?? [], frameworks);
  if (opts.asOf !== undefined && opts.waivers === undefined) throw new InputError('--as-of', '', 'only with --waivers (it dates their expiry)');
  const asOf = parseAsOf(opts.asOf);
  const waivers = opts.waivers === undefined ? undefined : { waivers: loadWaivers(opts.waivers, loaded), asOf };
  if (opts.failOnNew !== undefined && opts.baseline === undefined) throw new InputError('--fail-on-new', '', 'a --baseline report to tell new findings from old ones');
  // Read the baseline before scanning: a bad file fails fast, before any live collection.
  const baseline = opts.baseline === undefined ? undefined : await readReport(opts.baseline);
  if (opts.sarifCategory !== undefined && opts.format !== 'sarif') throw new InputError('--sarif-category', '', 'only with --format sarif');
  if (typeof opts.sarifCategory === 'string' && opts.sarifCategory.trim() === '') throw new InputError('--sarif-category', '', 'a non-empty category (or --no-sarif-category)');
  const generatedAt = generationTime(io.env);
  const source = snapshotFile ?? '<live collection>';
  if (opts.demo && !opts.quiet) io.stderr(`archscan: --demo: scanning the bundled sample account (fictional; not your AWS account): ${snapshotFile}\n`);
  // The live collector (and the AWS SDK) is loaded only for a live scan; it has no file to hash.
  const { snapshot, sha256 } = snapshotFile
    ? await readSnapshotHashed(snapshotFile)
    : { snapshot: await (await import('./live.js')).collectLive(opts as AwsFlags, io, io.stderrIsTty === true), sha256: undefined };
  const inventory = buildInventory(snapshot);
  const assessment = assess(snapshot, inventory, ruleSets, VERSION, waivers);
  if (baseline !== undefined) {
    checkSameAccount(opts.baseline!, baseline, assessment.snapshot.accountId, source);
    assessment.baseline = diffReports(baseline, assessment);
  }

  const color = opts.output === undefined && useColor(io);
  const report = REPORTERS[opts.format](assessment, {
    color,
    generatedAt,
    ...(sha256 !== undefined ? { snapshotSha256: sha256 } : {}),
    ...(opts.sarifCategory !== undefined ? { sarifCategory: opts.sarifCategory } : {}),
  });
  if (opts.output !== undefined) await writeFileAtomic(opts.output, report.chunks());
  else for (const chunk of report.chunks()) io.stdout(chunk);
  for (const w of report.warnings) io.stderr(`archscan: warning: ${w}\n`);

  for (const id of replaced) io.stderr(`archscan: note: --rules replaced the built-in framework "${id}"\n`);
  if (assessment.baseline) for (const w of diffWarnings(assessment.baseline, opts.baseline!, source)) io.stderr(`archscan: warning: ${w}\n`);
  for (const w of assessment.waivers?.entries ?? []) {
    if (w.state === 'expired') io.stderr(`archscan: warning: waiver ${w.ref} expired on ${w.expires} and no longer applies (${w.matched} result(s) fail again)\n`);
    if (w.state === 'stale') io.stderr(`archscan: warning: waiver ${w.ref} matches no failing result: remove it or fix its pattern\n`);
  }
  // --fail-on-new without an explicit --fail-on gates on new findings only.
  const failOn = opts.failOnNew !== undefined && opts.failOnDefaulted === true ? 'none' : opts.failOn;
  const verdict = gateExitCode(assessment, {
    failOn,
    ...(minScore !== undefined ? { minScore } : {}),
    ...(opts.failOnNew !== undefined ? { failOnNew: opts.failOnNew } : {}),
  });
  if (!opts.quiet) {
    for (const line of unreadableSummary(assessment.callErrors, source)) io.stderr(`archscan: ${line}\n`);
    const word = verdict.exitCode === 0 ? 'passed' : verdict.exitCode === 3 ? 'incomplete' : 'failed';
    io.stderr(`archscan: gate ${word}${verdict.reasons.length ? `: ${verdict.reasons.join('; ')}` : ''} (exit ${verdict.exitCode})\n`);
  }
  return verdict.exitCode;
}

/** Answers the snapshot holds that could not be read, for stderr: where, and what was expected (the first few). */
export function unreadableSummary(errors: readonly CallError[], source: string, shown = 10): string[] {
  const bad = errors.filter((e) => e.code === 'MalformedResponse');
  if (bad.length === 0) return [];
  const lines = [`${bad.length} answer(s) in ${source} could not be read; the checks that need them report error:`];
  for (const e of bad.slice(0, shown)) lines.push(`  ${e.path}: expected ${e.expected}`);
  if (bad.length > shown) lines.push(`  ... and ${bad.length - shown} more (callErrors in --format json)`);
  return lines;
}
