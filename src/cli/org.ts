/**
 * `scan --org`, `scan --snapshot DIR` and `collect --org`: the organisation
 * runs, kept apart from the one-account commands they reuse (small hooks in
 * main.ts, scan.ts and collect.ts call in here).
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Command } from 'commander';
import { assess, summaryOf, type SnapshotSummary } from '../assess/assess.js';
import type { Assessment } from '../assess/types.js';
import { InputError } from '../errors.js';
import { EXIT } from '../exit.js';
import { buildInventory } from '../inventory/build.js';
import type { Inventory } from '../inventory/types.js';
import { organizationReport } from '../org/combine.js';
import { orgGateExitCode } from '../org/gate.js';
import { parseAccountList, parseShard, selectAccounts, type Selection } from '../org/select.js';
import { indexOf, readIndex, INDEX_FILE, type IndexEntry } from '../org/snapshots.js';
import type { OrgAccount, OrgAccountRef } from '../org/types.js';
import type { TakeSnapshot } from '../org/collect.js';
import { isOrgFormat, ORG_FORMATS, ORG_REPORTERS } from '../reporters/org/index.js';
import { loadArchitecture } from '../reach/load-profile.js';
import { selectRuleSets } from '../rules/load.js';
import { loadWaivers } from '../rules/waivers.js';
import { readSnapshot } from '../snapshot/read.js';
import type { Snapshot } from '../snapshot/types.js';
import { useColor, type Io } from './io.js';
import { collectAfterInventory } from './memory.js';
import type { AwsFlags } from './live.js';
import { writeFileAtomic } from './output.js';
import { parseAsOf, parseFormats, parseFrameworkList, parseMinScore, type ScanOptions } from './scan-options.js';
import { VERSION } from './version.js';

export interface OrgFlags {
  org?: boolean;
  orgRole?: string;
  accounts?: string;
  excludeAccounts?: string;
  shard?: string;
  accountConcurrency?: string;
  gzip?: boolean;
}

/** Default accounts collected at once: each runs its own --concurrency calls, so a few are plenty. */
export const ACCOUNT_CONCURRENCY = 4;

/** The organisation flags of `scan` and `collect`. */
export function orgOptions(cmd: Command, collecting: boolean): Command {
  cmd
    .option('--org', 'every ACTIVE account of the AWS organisation (run from the management account or a delegated administrator)')
    .option('--org-role <name>', 'with --org: the role assumed in each member account (arn:<partition>:iam::<id>:role/<name>), e.g. OrganizationAccountAccessRole or a read-only audit role')
    .option('--accounts <ids>', 'with --org (or a snapshot directory): only these comma-separated account ids')
    .option('--exclude-accounts <ids>', 'with --org (or a snapshot directory): leave these account ids out')
    .option('--shard <i/n>', 'with --org (or a snapshot directory): shard i of n of the sorted accounts, after --accounts/--exclude-accounts (docs/scale-out.md)')
    .option('--account-concurrency <n>', `with --org: accounts collected at once (default ${ACCOUNT_CONCURRENCY})`);
  if (collecting) cmd.option('--gzip', 'with --org: write each account snapshot as <account-id>.json.gz');
  return cmd;
}

function positiveInt(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError(flag, '', `a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

function selectionOf(o: OrgFlags): Selection {
  const s: Selection = {};
  const accounts = parseAccountList('--accounts', o.accounts);
  const exclude = parseAccountList('--exclude-accounts', o.excludeAccounts);
  const shard = parseShard(o.shard);
  if (accounts) s.accounts = accounts;
  if (exclude) s.exclude = exclude;
  if (shard) s.shard = shard;
  return s;
}

/** Whether a scan or collect is an organisation run: --org, a snapshot directory, or any organisation flag (which then needs one of those). */
export async function isOrgRun(o: OrgFlags & { snapshot?: string }): Promise<boolean> {
  const flags = ['org', 'orgRole', 'accounts', 'excludeAccounts', 'shard', 'accountConcurrency', 'gzip'] as const;
  return flags.some((k) => o[k] !== undefined) || (await isSnapshotDirectory(o.snapshot));
}

/** Whether a --snapshot path is a directory of account snapshots. */
export async function isSnapshotDirectory(path: string | undefined): Promise<boolean> {
  if (path === undefined) return false;
  return (await stat(path).catch(() => undefined))?.isDirectory() === true;
}

/** Flags that need --org (or a snapshot directory, for the selection ones). */
function checkOrgFlags(o: OrgFlags, directory: boolean): void {
  const kebab = (k: string) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const orgOnly = (['orgRole', 'accountConcurrency', 'gzip'] as const).find((k) => o[k] !== undefined);
  if (!o.org && orgOnly) throw new InputError(kebab(orgOnly), '', 'only with --org');
  const selecting = (['accounts', 'excludeAccounts', 'shard'] as const).find((k) => o[k] !== undefined);
  if (!o.org && !directory && selecting) throw new InputError(kebab(selecting), '', 'only with --org, or --snapshot naming a directory written by `collect --org`');
  if (o.org && o.orgRole === undefined) throw new InputError('--org-role', '', 'with --org: the role to assume in each member account, e.g. --org-role OrganizationAccountAccessRole');
  if (o.orgRole !== undefined && !/^[\w+=,.@/-]{1,512}$/.test(o.orgRole)) throw new InputError('--org-role', '', `an IAM role name (optionally with its path), not "${o.orgRole}"`);
}

/** Collect the organisation live; `each` keeps what the caller needs of a snapshot. */
async function collectOrgLive<T>(flags: AwsFlags & OrgFlags, io: Io, each: (ref: OrgAccountRef, take: TakeSnapshot) => Promise<T>) {
  const { collectOptions, terminalPrompt, withQuietConsole } = await import('./live.js');
  const { collectOrganization } = await import('../org/collect.js');
  // --external-id and --duration-seconds go with every role archscan assumes: --role-arn's and each account's --org-role.
  const base = await collectOptions(
    { ...flags, quiet: true, ...(flags.roleArn ? {} : { externalId: undefined, durationSeconds: undefined }) },
    io,
    false,
    terminalPrompt(process.stdin, io.stderr),
  );
  const o = {
    ...base,
    orgRole: flags.orgRole!,
    ...(flags.externalId ? { orgExternalId: flags.externalId } : {}),
    orgSessionSeconds: flags.durationSeconds === undefined ? 3600 : positiveInt('--duration-seconds', flags.durationSeconds, 900, 43_200),
    selection: selectionOf(flags),
    accountConcurrency: flags.accountConcurrency === undefined ? ACCOUNT_CONCURRENCY : positiveInt('--account-concurrency', flags.accountConcurrency, 1, 64),
    onAccount: (ref: OrgAccountRef, outcome: string, detail: string) => {
      if (!flags.quiet) io.stderr(`archscan: account ${ref.accountId}${ref.name ? ` (${ref.name})` : ''}: ${outcome}${detail ? `: ${detail}` : ''}\n`);
    },
  };
  try {
    return await withQuietConsole(flags.debug === true, () => collectOrganization(o, each));
  } finally {
    base.finish();
  }
}

/** `scan --org` or `scan --snapshot DIR`: one report for the organisation, and its gate. */
export async function runOrgScan(opts: ScanOptions & Partial<AwsFlags> & OrgFlags, io: Io): Promise<number> {
  const directory = await isSnapshotDirectory(opts.snapshot);
  checkOrgFlags(opts, directory);
  if (opts.demo) throw new InputError('--demo', '', 'a single-account scan, not with the organisation flags');
  if (opts.org && opts.snapshot) throw new InputError('--org', '', 'a live scan: to scan collected accounts, give --snapshot DIR without --org');
  if (opts.baseline !== undefined) throw new InputError('--baseline', '', 'a single-account scan (diff an organisation account by account: scan --accounts ID)');
  if (opts.failOnNew !== undefined) throw new InputError('--fail-on-new', '', 'a single-account scan with --baseline');
  // Not (yet) for an organisation: say so rather than ignore the flag.
  for (const [flag, given] of [['--output-dir', opts.outputDir], ['--security-hub', opts.securityHub], ['--checks', opts.checks], ['--exclude-checks', opts.excludeChecks], ['--services', opts.services], ['--severity', opts.severity]] as const) {
    if (given !== undefined && given !== false) throw new InputError(flag, '', 'a single-account scan, not with the organisation flags (scan the account with --accounts ID, or each shard on its own)');
  }
  const formats = parseFormats(opts.format);
  const format = formats[0]!;
  if (formats.length > 1) throw new InputError('--format', '', 'one format for an organisation report');
  if (!isOrgFormat(format)) throw new InputError('--format', '', `one of ${ORG_FORMATS.join(', ')} for an organisation report, not "${format}"`);
  const minScore = parseMinScore(opts.minScore);
  const architecture = opts.arch === undefined ? undefined : loadArchitecture(opts.arch);
  const { ruleSets, replaced, loaded } = selectRuleSets(opts.rules ?? [], parseFrameworkList(opts.framework));
  if (opts.asOf !== undefined && opts.waivers === undefined) throw new InputError('--as-of', '', 'only with --waivers (it dates their expiry)');
  const waivers = opts.waivers === undefined ? undefined : { waivers: loadWaivers(opts.waivers, loaded), asOf: parseAsOf(opts.asOf) };
  const assessOne = (inventory: Inventory, summary: SnapshotSummary): Assessment => {
    if (architecture) inventory.architecture = architecture;
    return assess(summary, inventory, ruleSets, VERSION, waivers);
  };

  let accounts: OrgAccount[];
  if (directory) {
    accounts = await assessDirectory(opts.snapshot!, selectionOf(opts), assessOne);
  } else {
    const outcomes = await collectOrgLive(opts as AwsFlags & OrgFlags, io, async (_ref, take) => {
      const { inventory, summary } = inventoryOf(take());
      // As for a snapshot directory: the account's raw answers are garbage now.
      collectAfterInventory(inventory.byArn.size);
      return assessOne(inventory, summary);
    });
    accounts = outcomes.map((o) => {
      if (o.status !== 'collected') return o;
      const { value, status: _, ...ref } = o;
      return { ...ref, status: 'scanned', assessment: value };
    });
  }
  const org = organizationReport(accounts, VERSION);
  const report = ORG_REPORTERS[format](org, { color: opts.output === undefined && useColor(io) });
  if (opts.output !== undefined) await writeFileAtomic(opts.output, report.chunks());
  else for (const chunk of report.chunks()) io.stdout(chunk);
  for (const w of report.warnings) io.stderr(`archscan: warning: ${w}\n`);
  for (const id of replaced) io.stderr(`archscan: note: --rules replaced the built-in framework "${id}"\n`);
  waiverWarnings(org.accounts, io);

  const failOn = opts.failOn;
  const verdict = orgGateExitCode(org, { failOn, ...(minScore !== undefined ? { minScore } : {}) });
  if (!opts.quiet) {
    const word = verdict.exitCode === 0 ? 'passed' : verdict.exitCode === 3 ? 'incomplete' : 'failed';
    io.stderr(`archscan: gate ${word}${verdict.reasons.length ? `: ${verdict.reasons.join('; ')}` : ''} (exit ${verdict.exitCode})\n`);
  }
  return verdict.exitCode;
}

/** A waiver is stale only if it matches nothing in any account; expired once, not per account. */
function waiverWarnings(accounts: readonly OrgAccount[], io: Io): void {
  const scanned = accounts.flatMap((a) => (a.status === 'scanned' && a.assessment.waivers ? [a.assessment.waivers.entries] : []));
  if (scanned.length === 0) return;
  for (const [i, w] of scanned[0]!.entries()) {
    const states = scanned.map((entries) => entries[i]!);
    if (w.state === 'expired') io.stderr(`archscan: warning: waiver ${w.ref} expired on ${w.expires} and no longer applies (${states.reduce((n, s) => n + s.matched, 0)} result(s) fail again)\n`);
    if (states.every((s) => s.state === 'stale')) io.stderr(`archscan: warning: waiver ${w.ref} matches no failing result in any account: remove it or fix its pattern\n`);
  }
}

/** The accounts of a snapshot directory, read and assessed one at a time. */
async function assessDirectory(dir: string, selection: Selection, assessOne: (inventory: Inventory, summary: SnapshotSummary) => Assessment): Promise<OrgAccount[]> {
  const index = await readIndex(dir);
  const byId = new Map(index.accounts.map((a) => [a.accountId, a]));
  const out: OrgAccount[] = [];
  for (const id of selectAccounts([...byId.keys()], selection, join(dir, INDEX_FILE))) {
    const entry = byId.get(id)!;
    if (entry.status !== 'collected') {
      out.push(entry);
      continue;
    }
    const { inventory, summary } = await readInventory(join(dir, entry.file), id);
    // One account's raw answers are garbage now: collect them before its checks run (memory.ts says why).
    collectAfterInventory(inventory.byArn.size);
    const { file: _, status: __, ...ref } = entry;
    out.push({ ...ref, status: 'scanned', assessment: assessOne(inventory, summary) });
  }
  return out;
}

/** An account's snapshot file as its inventory and summary: the raw answers are dropped when this returns. */
async function readInventory(file: string, id: string): Promise<{ inventory: Inventory; summary: SnapshotSummary }> {
  const snapshot = await readSnapshot(file);
  if (snapshot.metadata.accountId !== id) throw new InputError(file, '/metadata/accountId', `account ${id}, as ${INDEX_FILE} says, not ${snapshot.metadata.accountId}`);
  return inventoryOf(snapshot);
}

/** A snapshot's inventory and summary; once the caller has them, nothing it holds references the raw answers. */
function inventoryOf(snapshot: Snapshot): { inventory: Inventory; summary: SnapshotSummary } {
  return { inventory: buildInventory(snapshot), summary: summaryOf(snapshot) };
}

/** `collect --org --output DIR`: a snapshot per account and DIR/index.json; exit 3 when any account or call failed. */
export async function runOrgCollect(opts: AwsFlags & OrgFlags & { output: string }, io: Io): Promise<number> {
  checkOrgFlags(opts, false);
  const dir = opts.output;
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new InputError('--output', dir, 'with --org: a directory (one snapshot per account goes in it), not a file');
  await mkdir(dir, { recursive: true });
  const { failedCalls } = await import('./live.js');
  let incomplete = false;
  const outcomes = await collectOrgLive(opts, io, async (ref, take) => {
    const snapshot = take();
    const name = `${ref.accountId}.json${opts.gzip ? '.gz' : ''}`;
    const text = opts.gzip ? JSON.stringify(snapshot) : `${JSON.stringify(snapshot, null, 2)}\n`;
    await writeFileAtomic(join(dir, name), opts.gzip ? gzipSync(text) : text);
    if (failedCalls(snapshot).length > 0) incomplete = true;
    return name;
  });
  const entries: IndexEntry[] = outcomes.map((o) => {
    if (o.status !== 'collected') return o;
    const { value, status: _, ...ref } = o;
    return { ...ref, status: 'collected', file: value };
  });
  // The index last: a directory with an index is a finished collection.
  await writeFileAtomic(join(dir, INDEX_FILE), `${JSON.stringify(indexOf(entries), null, 2)}\n`);
  return incomplete || entries.some((e) => e.status === 'error') ? EXIT.incomplete : EXIT.ok;
}
