import { collectSnapshot, type CollectOptions } from '../collect/collect.js';
import { isPermissionError } from '../assess/call-errors.js';
import { InputError } from '../errors.js';
import { iamActionFor, OPERATION_BY_KEY } from '../services/operations.js';
import type { Snapshot } from '../snapshot/types.js';
import type { Io } from './io.js';
import { progressFor } from './progress.js';
import { VERSION } from './version.js';

/** Flags shared by `collect` and a live `scan`. */
export interface AwsFlags {
  profile?: string;
  roleArn?: string;
  externalId?: string;
  regions?: string;
  concurrency: string;
  maxAttempts: string;
  timeout: string;
  quiet?: boolean;
  /** --debug: the SDK's own log lines go to stderr. */
  debug?: boolean;
}

function positiveInt(flag: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InputError(flag, '', `a whole number from 1 to ${max}, not "${value}"`);
  return n;
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;

export function parseRegions(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const regions = [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))];
  if (regions.length === 0) throw new InputError('--regions', '', 'a comma-separated list of region names, e.g. ap-south-1,ap-south-2');
  const bad = regions.find((r) => !REGION.test(r));
  if (bad) throw new InputError('--regions', '', `region names such as ap-south-1, not "${bad}"`);
  return regions;
}

export function collectOptions(flags: AwsFlags, io: Io, stderrIsTty: boolean): CollectOptions & { finish(): void } {
  if (flags.externalId && !flags.roleArn) throw new InputError('--external-id', '', 'to go with --role-arn');
  if (flags.roleArn && !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(flags.roleArn)) {
    throw new InputError('--role-arn', '', `an IAM role ARN such as arn:aws:iam::123456789012:role/Audit, not "${flags.roleArn}"`);
  }
  const progress = progressFor(io, flags.quiet === true, stderrIsTty);
  const regions = parseRegions(flags.regions);
  const o: CollectOptions & { finish(): void } = {
    homeRegion: io.env['AWS_REGION'] || io.env['AWS_DEFAULT_REGION'] || regions?.[0] || 'us-east-1',
    concurrency: positiveInt('--concurrency', flags.concurrency, 256),
    maxAttempts: positiveInt('--max-attempts', flags.maxAttempts, 20),
    timeoutMs: positiveInt('--timeout', flags.timeout, 600) * 1000,
    now: new Date(),
    collectorVersion: VERSION,
    progress,
    finish: () => progress.finish(),
  };
  if (regions) o.regions = regions;
  if (flags.profile) o.profile = flags.profile;
  if (flags.roleArn) o.roleArn = flags.roleArn;
  if (flags.externalId) o.externalId = flags.externalId;
  return o;
}

/**
 * Run `f` with the console silenced: parts of the AWS SDK print to it
 * directly (an endpoint it cannot build, a deprecation), whatever logger it is
 * given. Only the CLI does this, around a live collection; --debug keeps them.
 */
export async function withQuietConsole<T>(debug: boolean, f: () => Promise<T>): Promise<T> {
  if (debug) return f();
  const methods = ['error', 'warn', 'log', 'info', 'debug', 'trace'] as const;
  const saved = methods.map((m) => [m, console[m]] as const);
  for (const m of methods) console[m] = () => {};
  try {
    return await f();
  } finally {
    for (const [m, fn] of saved) console[m] = fn;
  }
}

/** The SDK's log lines, under --debug: to stderr, prefixed. */
function debugLogger(io: Io) {
  const line = (level: string) => (...args: unknown[]) => io.stderr(`archscan: debug: sdk ${level}: ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}\n`);
  return { trace: line('trace'), debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

/** Collect live, then tell the user on stderr what could not be read and why. */
export async function collectLive(flags: AwsFlags, io: Io, stderrIsTty: boolean): Promise<Snapshot> {
  const o = collectOptions(flags, io, stderrIsTty);
  const debug = flags.debug === true;
  if (debug) o.logger = debugLogger(io);
  let snapshot: Snapshot;
  try {
    snapshot = await withQuietConsole(debug, () => collectSnapshot(o));
  } finally {
    o.finish();
  }
  if (!flags.quiet) io.stderr(collectionSummary(snapshot));
  return snapshot;
}

/** Calls that failed, other than "feature not set up" answers (which are data). */
export function failedCalls(s: Snapshot) {
  return s.errors.filter((e) => !OPERATION_BY_KEY.get(`${e.service}:${e.operation}`)?.absentCodes?.includes(e.code));
}

export function collectionSummary(s: Snapshot): string {
  const lines = [`archscan: collected account ${s.metadata.accountId}, regions ${s.metadata.regions.join(', ') || 'none'}`];
  for (const r of s.metadata.skippedRegions ?? []) lines.push(`archscan: skipped region ${r.region}: ${r.reason}`);
  const failed = failedCalls(s);
  const missing = [...new Set(failed.filter((e) => isPermissionError(e.code)).map((e) => iamActionFor(`${e.service}:${e.operation}`)))].sort();
  if (missing.length) lines.push(`archscan: missing permissions (${missing.length}): ${missing.join(', ')}`);
  const other = failed.filter((e) => !isPermissionError(e.code));
  for (const e of other) lines.push(`archscan: ${e.service}:${e.operation} failed in ${e.region}${e.resource ? ` ${e.resource}` : ''}: ${e.code}`);
  return `${lines.join('\n')}\n`;
}
