import { profileNames, profileRegion, sharedFiles } from '../collect/clients.js';
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
  /** --duration-seconds: the assumed role's session length (the AWS CLI's `duration_seconds`). */
  durationSeconds?: string;
  /** --mfa-serial: the MFA device the role requires (the AWS CLI's `mfa_serial`). */
  mfaSerial?: string;
  /** --mfa-token: its current code, for where no terminal can be asked (CI). */
  mfaToken?: string;
  /** --region: one region, an alias of --regions with one name. */
  region?: string;
  regions?: string;
  concurrency: string;
  serviceConcurrency?: string;
  maxAttempts: string;
  timeout: string;
  quiet?: boolean;
  /** --debug: the SDK's own log lines go to stderr. */
  debug?: boolean;
}

/** Asks the person at the terminal for a secret (an MFA code), without echoing it. */
export type Prompt = (question: string) => Promise<string>;

function positiveInt(flag: string, value: string, max: number, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError(flag, '', `a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;
/** STS: an MFA device's serial number (hardware) or ARN (virtual), 9 to 256 characters. */
const MFA_SERIAL = /^[\w+=/:,.@-]{9,256}$/;
/** STS: the code an MFA device shows, six digits. */
const MFA_TOKEN = /^\d{6}$/;
/** STS AssumeRole accepts 900 s up to the role's maximum session duration, at most 12 hours. */
const DURATION = { min: 900, max: 43_200 } as const;

/**
 * The regions to collect, from `--regions a,b`, `--regions all` or `--region a`:
 * a list, or undefined for every region the account has enabled (also what
 * `all` means; see planRegions).
 */
export function parseRegions(value: string | undefined, single?: string): string[] | undefined {
  if (single !== undefined) {
    if (value !== undefined) throw new InputError('--region', '', 'either --region or --regions, not both');
    if (single.includes(',') || single.trim() === 'all') throw new InputError('--region', '', `one region name such as ap-south-1, not "${single}" (several: --regions a,b or --regions all)`);
    if (!REGION.test(single.trim())) throw new InputError('--region', '', `a region name such as ap-south-1, not "${single}"`);
    return [single.trim()];
  }
  if (value === undefined) return undefined;
  const regions = [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))];
  if (regions.length === 0) throw new InputError('--regions', '', 'a comma-separated list of region names, e.g. ap-south-1,ap-south-2, or all');
  if (regions.includes('all')) {
    if (regions.length > 1) throw new InputError('--regions', '', `either all or a list of region names, not both ("${value}")`);
    return undefined;
  }
  const bad = regions.find((r) => !REGION.test(r));
  if (bad) throw new InputError('--regions', '', `region names such as ap-south-1 (or all), not "${bad}"`);
  return regions;
}

/**
 * The region for the global calls (STS, IAM, DescribeRegions), as the AWS CLI
 * picks one: AWS_REGION, AWS_DEFAULT_REGION, the profile's `region =`, then
 * the first region asked for, then us-east-1.
 */
export async function homeRegionFor(flags: Pick<AwsFlags, 'profile'>, env: NodeJS.ProcessEnv, regions: string[] | undefined): Promise<string> {
  return env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || (await profileRegion(flags.profile)) || regions?.[0] || 'us-east-1';
}

/**
 * The terminal prompt: the question on stderr, the answer read from stdin in
 * raw mode so that nothing typed is echoed. Undefined when stdin is not a
 * terminal (CI, a pipe): then nobody can be asked.
 */
export function terminalPrompt(input: NodeJS.ReadStream, write: (text: string) => void): Prompt | undefined {
  if (input.isTTY !== true) return undefined;
  return (question) =>
    new Promise<string>((resolve, reject) => {
      let typed = '';
      const end = () => {
        input.off('data', onData);
        input.setRawMode(false);
        input.pause();
        write('\n');
      };
      const onData = (chunk: Buffer | string) => {
        for (const ch of chunk.toString()) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') {
            end();
            resolve(typed);
            return;
          }
          if (ch === '\u0003') {
            end();
            reject(new InputError('--mfa-token', '', 'an MFA code (the prompt was cancelled)'));
            return;
          }
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      write(question);
      input.setRawMode(true);
      input.resume();
      input.on('data', onData);
    });
}

/**
 * What answers an MFA challenge (--mfa-serial, or a profile's mfa_serial):
 * --mfa-token, else the terminal. The code is checked, handed to STS and
 * forgotten: never stored, logged or echoed.
 */
function mfaCodeFor(token: string | undefined, prompt: Prompt | undefined): (serial: string) => Promise<string> {
  return async (serial) => {
    if (token !== undefined) return token;
    if (prompt === undefined) throw new InputError('--mfa-token', '', `the current code of MFA device ${serial}: stdin is not a terminal to ask on (in CI, pass --mfa-token)`);
    const code = (await prompt(`archscan: MFA code for ${serial}: `)).trim();
    if (!MFA_TOKEN.test(code)) throw new InputError('--mfa-token', '', `the six-digit code MFA device ${serial} shows, not what was typed`);
    return code;
  };
}

export async function collectOptions(flags: AwsFlags, io: Io, stderrIsTty: boolean, prompt?: Prompt): Promise<CollectOptions & { finish(): void }> {
  if (flags.externalId && !flags.roleArn) throw new InputError('--external-id', '', 'to go with --role-arn');
  if (flags.roleArn && !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(flags.roleArn)) {
    throw new InputError('--role-arn', '', `an IAM role ARN such as arn:aws:iam::123456789012:role/Audit, not "${flags.roleArn}"`);
  }
  if (flags.durationSeconds !== undefined && !flags.roleArn) throw new InputError('--duration-seconds', '', 'to go with --role-arn (a profile\'s role takes duration_seconds from the profile)');
  if (flags.mfaSerial !== undefined && !flags.roleArn) throw new InputError('--mfa-serial', '', 'to go with --role-arn (a profile\'s role takes mfa_serial from the profile)');
  if (flags.mfaSerial !== undefined && !MFA_SERIAL.test(flags.mfaSerial)) {
    throw new InputError('--mfa-serial', '', `an MFA device ARN such as arn:aws:iam::123456789012:mfa/priya or a hardware serial number, not "${flags.mfaSerial}"`);
  }
  // Never echo what was given: it may be a live code.
  if (flags.mfaToken !== undefined && !MFA_TOKEN.test(flags.mfaToken)) throw new InputError('--mfa-token', '', 'the six-digit code the MFA device shows');
  if (flags.mfaSerial !== undefined && flags.mfaToken === undefined && prompt === undefined) {
    throw new InputError('--mfa-token', '', `the current code of MFA device ${flags.mfaSerial}: stdin is not a terminal to ask on (in CI, pass --mfa-token)`);
  }
  const durationSeconds = flags.durationSeconds === undefined ? undefined : positiveInt('--duration-seconds', flags.durationSeconds, DURATION.max, DURATION.min);
  const regions = parseRegions(flags.regions, flags.region);
  const concurrency = positiveInt('--concurrency', flags.concurrency, 256);
  const serviceConcurrency = flags.serviceConcurrency === undefined ? undefined : positiveInt('--service-concurrency', flags.serviceConcurrency, concurrency);
  const maxAttempts = positiveInt('--max-attempts', flags.maxAttempts, 20);
  const timeoutMs = positiveInt('--timeout', flags.timeout, 600) * 1000;
  if (flags.profile !== undefined) await checkProfile(flags.profile);
  const homeRegion = await homeRegionFor(flags, io.env, regions);
  const progress = progressFor(io, flags.quiet === true, stderrIsTty);
  const o: CollectOptions & { finish(): void } = {
    homeRegion,
    concurrency,
    maxAttempts,
    timeoutMs,
    now: new Date(),
    collectorVersion: VERSION,
    progress,
    finish: () => progress.finish(),
  };
  if (regions) o.regions = regions;
  if (serviceConcurrency !== undefined) o.serviceConcurrency = serviceConcurrency;
  if (flags.profile) o.profile = flags.profile;
  if (flags.roleArn) o.roleArn = flags.roleArn;
  if (flags.externalId) o.externalId = flags.externalId;
  if (durationSeconds !== undefined) o.durationSeconds = durationSeconds;
  if (flags.mfaSerial) o.mfaSerial = flags.mfaSerial;
  o.mfaCode = mfaCodeFor(flags.mfaToken, prompt);
  return o;
}

/** --profile names a profile of the shared config or credentials file, as the AWS CLI requires. */
async function checkProfile(profile: string): Promise<void> {
  if (profile.trim() === '') throw new InputError('--profile', '', 'a profile name, not an empty string');
  if (!(await profileNames()).has(profile)) {
    const files = sharedFiles();
    throw new InputError('--profile', '', `a profile of the shared config file (${files.config}) or credentials file (${files.credentials}); "${profile}" is in neither`);
  }
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

/**
 * Collect live, then tell the user on stderr what could not be read and why.
 * An MFA code is asked for on the terminal (stdin) unless --mfa-token gives it.
 */
export async function collectLive(flags: AwsFlags, io: Io, stderrIsTty: boolean, prompt: Prompt | undefined = terminalPrompt(process.stdin, io.stderr)): Promise<Snapshot> {
  const o = await collectOptions(flags, io, stderrIsTty, prompt);
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
  const listing = s.errors.find((e) => e.service === 'ec2' && e.operation === 'DescribeRegions');
  if (listing) lines.push(`archscan: ec2:DescribeRegions failed (${listing.code}): the account's enabled regions are unknown, so only ${s.metadata.regions.join(', ')} ${s.metadata.regions.length === 1 ? 'was' : 'were'} collected`);
  const failed = failedCalls(s);
  const missing = [...new Set(failed.filter((e) => isPermissionError(e.code)).map((e) => iamActionFor(`${e.service}:${e.operation}`)))].sort();
  if (missing.length) lines.push(`archscan: missing permissions (${missing.length}): ${missing.join(', ')}`);
  const other = failed.filter((e) => !isPermissionError(e.code));
  for (const e of other) lines.push(`archscan: ${e.service}:${e.operation} failed in ${e.region}${e.resource ? ` ${e.resource}` : ''}: ${e.code}`);
  return `${lines.join('\n')}\n`;
}
