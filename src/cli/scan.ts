import { fileURLToPath } from 'node:url';
import { assess, summaryOf, type SnapshotSummary } from '../assess/assess.js';
import { gateExitCode, type FailOn } from '../assess/gate.js';
import { InputError } from '../errors.js';
import { buildInventory } from '../inventory/build.js';
import { FORMATS, REPORTERS, type Format } from '../reporters/index.js';
import { applyFilter, parseList, type FilterReport, type FilterRequest } from '../rules/filter.js';
import type { RuleSet } from '../rules/types.js';
import type { Waiver } from '../rules/waivers.js';
import type { Assessment } from '../assess/types.js';
import type { Snapshot } from '../snapshot/types.js';
import type { Inventory } from '../inventory/types.js';
import type { DiffableReport } from '../diff/diff.js';
import { EXIT } from '../exit.js';
import { selectRuleSets } from '../rules/load.js';
import { loadWaivers } from '../rules/waivers.js';
import { loadArchitecture } from '../reach/load-profile.js';
import type { ArchitectureProfile } from '../reach/profile.js';
import { readSnapshotHashed } from '../snapshot/read.js';
import { useColor, type Io } from './io.js';
import { collectAfterInventory } from './memory.js';
import type { AwsFlags } from './live.js';
import { writeFileAtomic } from './output.js';
import { VERSION } from './version.js';
import type { Severity } from '../checks/types.js';
import type { CallError } from '../snapshot/types.js';
import { diffReports } from '../diff/diff.js';
import { checkSameAccount, readReport } from '../diff/read.js';
import { diffWarnings } from './diff.js';
import { describeCause, undecided, type Undecided } from '../assess/undecided.js';
import { clean } from '../reporters/text-format.js';
import { DEMO_SNAPSHOT, generationTime, parseAsOf, parseFormats, parseFrameworkList, parseMinScore, type ScanOptions, type ScanSettings } from './scan-options.js';

export * from './scan-options.js';

/** Options that only make sense for a live scan. */
const LIVE_FLAGS = ['profile', 'roleArn', 'externalId', 'durationSeconds', 'mfaSerial', 'mfaToken', 'region', 'regions'] as const;
/** The credential flags, which --security-hub also takes with --snapshot or --demo. */
const CREDENTIAL_FLAGS: readonly (typeof LIVE_FLAGS)[number][] = ['profile', 'roleArn', 'externalId', 'durationSeconds', 'mfaSerial', 'mfaToken'];
const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;


/** Rule sets, waivers, baseline and filter, loaded and checked before any snapshot is read or collected. */
export interface PreparedScan {
  ruleSets: RuleSet[];
  replaced: string[];
  waivers?: { waivers: Waiver[]; asOf: string };
  baseline?: DiffableReport;
  filterReport?: FilterReport;
  architecture?: ArchitectureProfile;
}

export async function prepareScan(s: ScanSettings): Promise<PreparedScan> {
  const { ruleSets: selected, replaced, loaded } = selectRuleSets(s.rules, s.frameworks);
  const { ruleSets, report } = applyFilter(selected, s.filters);
  const waivers = s.waivers === undefined ? undefined : { waivers: loadWaivers(s.waivers, loaded), asOf: s.asOf! };
  // A bad profile fails fast too, before any live collection.
  const architecture = s.arch === undefined ? undefined : loadArchitecture(s.arch);
  // Read the baseline before scanning: a bad file fails fast, before any live collection.
  const baseline = s.baseline === undefined ? undefined : await readReport(s.baseline);
  return { ruleSets, replaced, ...(waivers ? { waivers } : {}), ...(baseline ? { baseline } : {}), ...(report ? { filterReport: report } : {}), ...(architecture ? { architecture } : {}) };
}

/** The assessment of a snapshot under prepared settings (pure but for the baseline's account check). */
export function assessPrepared(p: PreparedScan, snapshot: Snapshot, baselineFile: string | undefined, source: string): Assessment {
  return assessInventory(p, buildInventory(snapshot), snapshot, baselineFile, source);
}

/** The assessment of a built inventory: the raw snapshot is no longer needed, only its metadata and failed calls. */
export function assessInventory(p: PreparedScan, inventory: Inventory, summary: SnapshotSummary, baselineFile: string | undefined, source: string): Assessment {
  if (p.architecture) inventory.architecture = p.architecture;
  const assessment = assess(summary, inventory, p.ruleSets, VERSION, p.waivers);
  if (p.filterReport) assessment.filters = p.filterReport;
  if (p.baseline !== undefined) {
    checkSameAccount(baselineFile!, p.baseline, assessment.snapshot.accountId, source);
    assessment.baseline = diffReports(p.baseline, assessment);
  }
  return assessment;
}

/** What a scan keeps of its snapshot: the inventory, the summary, the file's hash, and the raw answers only if asked. */
interface ScanInput {
  inventory: Inventory;
  summary: SnapshotSummary;
  sha256?: string;
  snapshot?: Snapshot;
}

/**
 * Read (or collect) the snapshot and build its inventory. The raw answers
 * live only in this function unless `keep` (a live scan's pack writes them):
 * once it returns they can be collected, which lowers the peak memory of a
 * large scan by about a third.
 */
async function scanInput(snapshotFile: string | undefined, keep: boolean, collect: () => Promise<Snapshot>): Promise<ScanInput> {
  const { snapshot, sha256 } = snapshotFile ? await readSnapshotHashed(snapshotFile) : { snapshot: await collect(), sha256: undefined };
  return {
    inventory: buildInventory(snapshot),
    summary: summaryOf(snapshot),
    ...(sha256 !== undefined ? { sha256 } : {}),
    ...(keep ? { snapshot } : {}),
  };
}

/** `archscan scan`: snapshot → inventory → checks → assessment → report(s), then the gate. */
export async function runScan(opts: ScanOptions, io: Io): Promise<number> {
  const org = await import('./org.js');
  if (await org.isOrgRun(opts)) return org.runOrgScan(opts, io);
  const minScore = parseMinScore(opts.minScore);
  const frameworks = parseFrameworkList(opts.framework);
  const formats = parseFormats(opts.format);
  if (opts.output !== undefined && opts.outputDir !== undefined) throw new InputError('--output', '', 'not with --output-dir (the pack holds one file per format)');
  if (formats.length > 1 && opts.outputDir === undefined) {
    throw new InputError('--format', '', `one format, or --output-dir DIR to write ${formats.join(', ')} as one file each${opts.output !== undefined ? ' (--output writes one file)' : ''}`);
  }
  // Importing findings needs credentials even for a snapshot: those flags are then allowed.
  const live = LIVE_FLAGS.filter((f) => opts[f] !== undefined && !(opts.securityHub && CREDENTIAL_FLAGS.includes(f)));
  if (opts.demo && opts.snapshot) throw new InputError('--demo', '', 'either --demo (the bundled sample) or --snapshot FILE, not both');
  if ((opts.snapshot || opts.demo) && live.length > 0) {
    throw new InputError(flagName(live[0]!), '', `live-collection options only without ${opts.demo ? '--demo' : '--snapshot'}`);
  }
  const snapshotFile = opts.demo ? DEMO_SNAPSHOT : opts.snapshot;
  if (opts.asOf !== undefined && opts.waivers === undefined) throw new InputError('--as-of', '', 'only with --waivers (it dates their expiry)');
  if (opts.failOnNew !== undefined && opts.baseline === undefined) throw new InputError('--fail-on-new', '', 'a --baseline report to tell new findings from old ones');
  const settings: ScanSettings = {
    ...(frameworks ? { frameworks } : {}),
    rules: opts.rules ?? [],
    ...(opts.waivers !== undefined ? { waivers: opts.waivers, asOf: parseAsOf(opts.asOf) } : {}),
    ...(opts.baseline !== undefined ? { baseline: opts.baseline } : {}),
    ...(opts.arch !== undefined ? { arch: opts.arch } : {}),
    filters: {
      ...(opts.checks !== undefined ? { checks: parseList('--checks', opts.checks, 'check ids')! } : {}),
      ...(opts.excludeChecks !== undefined ? { excludeChecks: parseList('--exclude-checks', opts.excludeChecks, 'check ids')! } : {}),
      ...(opts.services !== undefined ? { services: parseList('--services', opts.services, 'service names')! } : {}),
      ...(opts.severity !== undefined ? { severity: opts.severity } : {}),
    },
  };
  if (opts.sarifCategory !== undefined && !formats.includes('sarif')) throw new InputError('--sarif-category', '', 'only with --format sarif');
  if (typeof opts.sarifCategory === 'string' && opts.sarifCategory.trim() === '') throw new InputError('--sarif-category', '', 'a non-empty category (or --no-sarif-category)');
  const generatedAt = generationTime(io.env);
  const prepared = await prepareScan(settings);
  const source = snapshotFile ?? '<live collection>';
  if (opts.demo && !opts.quiet) io.stderr(`archscan: --demo: scanning the bundled sample account (fictional; not your AWS account): ${snapshotFile}\n`);
  // The live collector (and the AWS SDK) is loaded only for a live scan; it has no file to hash.
  // A pack of a live scan holds the collected snapshot; a pack of a file names the file and its hash.
  const keepSnapshot = opts.outputDir !== undefined && snapshotFile === undefined;
  const input = await scanInput(snapshotFile, keepSnapshot, async () => (await import('./live.js')).collectLive(opts as AwsFlags, io, io.stderrIsTty === true));
  // The raw answers are garbage now: a large scan collects them before the checks run (memory.ts says why).
  collectAfterInventory(input.inventory.byArn.size);
  const { sha256 } = input;
  const assessment = assessInventory(prepared, input.inventory, input.summary, opts.baseline, source);

  const render = {
    generatedAt,
    ...(sha256 !== undefined ? { snapshotSha256: sha256 } : {}),
    ...(opts.sarifCategory !== undefined ? { sarifCategory: opts.sarifCategory } : {}),
  };
  const warnings: string[] = [];
  if (opts.outputDir !== undefined) {
    const { writePack } = await import('./pack.js');
    await writePack(opts.outputDir, { formats, settings, render, assessment, ...(input.snapshot ? { snapshot: input.snapshot } : {}), ruleSets: prepared.ruleSets, ...(snapshotFile ? { snapshotFile } : {}), warnings });
  } else {
    const color = opts.output === undefined && useColor(io);
    const report = REPORTERS[formats[0]!](assessment, { color, verbose: opts.verbose === true, ...render });
    if (opts.output !== undefined) await writeFileAtomic(opts.output, report.chunks());
    else for (const chunk of report.chunks()) io.stdout(chunk);
    warnings.push(...report.warnings);
  }
  for (const w of warnings) io.stderr(`archscan: warning: ${w}\n`);
  if (prepared.filterReport && !opts.quiet) io.stderr(`archscan: note: ${prepared.filterReport.statement}\n`);

  for (const id of prepared.replaced) io.stderr(`archscan: note: --rules replaced the built-in framework "${id}"\n`);
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
  let exitCode: number = verdict.exitCode;
  if (opts.securityHub) {
    const { runSecurityHubImport } = await import('./securityhub.js');
    const imported = await runSecurityHubImport(assessment, opts, io);
    // Findings that did not reach Security Hub leave the job incomplete, like an undecided result.
    if (!imported) {
      exitCode = EXIT.incomplete;
      verdict.reasons.push('Security Hub import incomplete (see above)');
    }
  }
  if (!opts.quiet) {
    // Every format, live or snapshot: which calls left results undecided, and what to grant.
    for (const line of undecidedSummary(undecided(assessment))) io.stderr(`archscan: ${line}\n`);
    for (const line of unreadableSummary(assessment.callErrors, source)) io.stderr(`archscan: ${line}\n`);
    const word = exitCode === 0 ? 'passed' : exitCode === 3 ? 'incomplete' : 'failed';
    io.stderr(`archscan: gate ${word}${verdict.reasons.length ? `: ${verdict.reasons.join('; ')}` : ''} (exit ${exitCode})\n`);
  }
  return exitCode;
}

/** Undecided results for stderr: the failed calls behind them (the first `shown`) and the IAM actions to grant. */
export function undecidedSummary(u: Undecided, shown = 5): string[] {
  if (u.results === 0) return [];
  const lines = [`${u.results} result(s) could not be decided${u.causes.length > 0 ? '; the calls behind them:' : ':'}`];
  for (const c of u.causes.slice(0, shown)) lines.push(`  ${clean(describeCause(c))}`);
  if (u.causes.length > shown) lines.push(`  ... and ${u.causes.length - shown} more failed call(s) (--format text --verbose lists them, --format json has callErrors)`);
  if (u.other > 0) lines.push(`  ${u.other} result(s) undecided for another reason (a check could not evaluate; --format text --verbose shows each)`);
  if (u.grant.length > 0) lines.push(`grant the collecting role ${u.grant.join(', ')}, collect again and rescan`);
  return lines;
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
