/**
 * AWS CLI conventions for a live collection, on the SDK's own config loading
 * (temporary AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, no instance
 * metadata): the home region from the profile's `region =`, `--region` and
 * `--regions all`, skipped opt-in regions always listed, and for a role a
 * session duration and an MFA device (flags, or the profile's
 * `duration_seconds` / `mfa_serial`), the code from --mfa-token or a prompt
 * and never anywhere in the output.
 *
 * STS runs on the real SDK stack against the loopback (test/helpers/loopback.ts),
 * so signing regions, which credentials signed what, and AssumeRole's
 * parameters are seen as AWS would see them; every other service is served
 * by aws-sdk-client-mock from the modules' fakes. Nothing but 127.0.0.1 is reached.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { collectLive, collectOptions, terminalPrompt, type AwsFlags } from '../../src/cli/live.js';
import { shareCredentials } from '../../src/collect/clients.js';
import { planRegions } from '../../src/collect/regions.js';
import { InputError } from '../../src/errors.js';
import { SERVICES } from '../../src/services/registry.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { queryXml, startLoopback, type Loopback, type Recorded } from '../helpers/loopback.js';
import { ACCOUNT, awsError, fakeAccount, mockAccount, type FakeAccount, type MockedAccount } from '../helpers/mock-account.js';

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
/** The base credentials, in the shared credentials file; the loopback signs with one secret for base and role sessions alike. */
const BASE_KEY = 'AKIAFILEBASE7Q2ZK4XW';
const SECRET = 'fileSecret/Key+ForArchscanConventions0000T';
const ROLE_KEY = 'ASIAROLESESSION0000X1';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjROLE/session+token//archscan-conventions-0001==';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/Audit`;
const MFA = 'arn:aws:iam::111122223333:mfa/priya';
const CODE = '482913';
const AWS_VARS = ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ENDPOINT_URL'];

const stsRoutes = {
  'sts:GetCallerIdentity': queryXml(STS_NS, 'GetCallerIdentity', `<Arn>arn:aws:sts::${ACCOUNT}:assumed-role/Audit/archscan</Arn><UserId>AROAEXAMPLE:archscan</UserId><Account>${ACCOUNT}</Account>`),
  'sts:AssumeRole': queryXml(
    STS_NS,
    'AssumeRole',
    `<Credentials><AccessKeyId>${ROLE_KEY}</AccessKeyId><SecretAccessKey>${SECRET}</SecretAccessKey><SessionToken>${SESSION_TOKEN}</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>` +
      `<AssumedRoleUser><Arn>arn:aws:sts::${ACCOUNT}:assumed-role/Audit/archscan</Arn><AssumedRoleId>AROAEXAMPLE:archscan</AssumedRoleId></AssumedRoleUser>`,
  ),
};

let dir: string;
let aws: Loopback;
let mocked: MockedAccount | undefined;
const saved = { ...process.env };

/** Write the shared config and credentials files of this test (the SDK reads them through AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). */
function awsFiles(config: string, credentials = `[default]\naws_access_key_id = ${BASE_KEY}\naws_secret_access_key = ${SECRET}\n`): void {
  writeFileSync(join(dir, 'config'), config);
  writeFileSync(join(dir, 'credentials'), credentials);
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'archscan-aws-conventions-'));
  for (const v of AWS_VARS) delete process.env[v];
  aws = await startLoopback(stsRoutes, SECRET);
  Object.assign(process.env, {
    HOME: dir,
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  awsFiles('[default]\n');
});
afterEach(async () => {
  mocked?.restore();
  mocked = undefined;
  process.env = { ...saved };
  await aws.close();
  rmSync(dir, { recursive: true, force: true });
});

function captureIo(): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdoutIsTty: false, stderrIsTty: false, env: { ...process.env } } as Io & { out: string; err: string };
  io.stdout = (t) => void (io.out += t);
  io.stderr = (t) => void (io.err += t);
  return io;
}

/** STS through the loopback, every other service mocked. */
async function liveAccount(account?: FakeAccount): Promise<void> {
  process.env['AWS_ENDPOINT_URL'] = aws.url;
  mocked = await mockAccount(account ?? (await fakeAccount()), SERVICES.filter((m) => m.name !== 'sts'));
}

async function collect(...flags: string[]): Promise<{ code: number; io: ReturnType<typeof captureIo>; snapshot?: Snapshot; text: string }> {
  const file = join(dir, 'snapshot.json');
  const io = captureIo();
  const code = await main(['node', 'archscan', 'collect', '--output', file, '--max-attempts', '1', ...flags], io);
  let text = io.out + io.err;
  let snapshot: Snapshot | undefined;
  try {
    const raw = readFileSync(file, 'utf8');
    text += raw;
    snapshot = JSON.parse(raw) as Snapshot;
  } catch {
    // nothing written
  }
  return { code, io, text, ...(snapshot ? { snapshot } : {}) };
}

const requestsOf = (key: string): Recorded[] => aws.requests.filter((r) => r.key === key);
const flags = (over: Partial<AwsFlags>): AwsFlags => ({ concurrency: '4', maxAttempts: '1', timeout: '5', quiet: true, ...over });

describe('home region, as the AWS CLI picks it', () => {
  it("is the profile's region = when no environment variable names one", async () => {
    awsFiles('[default]\nregion = ap-south-2\n[profile audit]\nregion = ap-southeast-1\n', `[audit]\naws_access_key_id = ${BASE_KEY}\naws_secret_access_key = ${SECRET}\n`);
    expect((await collectOptions(flags({ profile: 'audit' }), captureIo(), false)).homeRegion).toBe('ap-southeast-1');
    expect((await collectOptions(flags({}), captureIo(), false)).homeRegion, 'the default profile').toBe('ap-south-2');
    process.env['AWS_PROFILE'] = 'audit';
    expect((await collectOptions(flags({}), captureIo(), false)).homeRegion, 'AWS_PROFILE').toBe('ap-southeast-1');
  });

  it('takes AWS_REGION, then AWS_DEFAULT_REGION, over the profile; then the first region asked for; then us-east-1', async () => {
    awsFiles('[default]\nregion = ap-south-2\n');
    const home = async (env: Record<string, string>, over: Partial<AwsFlags> = {}) => {
      const io = captureIo();
      Object.assign(io.env, env);
      return (await collectOptions(flags(over), io, false)).homeRegion;
    };
    expect(await home({ AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-2' })).toBe('eu-west-1');
    expect(await home({ AWS_DEFAULT_REGION: 'eu-west-2' })).toBe('eu-west-2');
    expect(await home({})).toBe('ap-south-2');
    awsFiles('[default]\n');
    expect(await home({}, { regions: 'me-central-1,ap-south-1' })).toBe('me-central-1');
    expect(await home({})).toBe('us-east-1');
  });

  it('is where the identity call and the global calls go, signed for that region', async () => {
    awsFiles('[profile audit]\nregion = ap-southeast-1\n', `[audit]\naws_access_key_id = ${BASE_KEY}\naws_secret_access_key = ${SECRET}\n`);
    await liveAccount();
    const { code, io } = await collect('--profile', 'audit', '--region', 'ap-south-1');
    expect(code, io.err).toBe(0);
    expect(requestsOf('sts:GetCallerIdentity').map((r) => [r.signingRegion, r.signatureValid, r.sessionToken])).toEqual([['ap-southeast-1', true, false]]);
  });

  it('a --profile that neither file defines is a usage error naming both files, before any request', async () => {
    awsFiles('[profile audit]\nregion = ap-south-1\n');
    const { code, io } = await collect('--profile', 'audti');
    expect(code).toBe(2);
    expect(io.err.trim().split('\n')).toEqual([`archscan: error: --profile: a profile of the shared config file (${join(dir, 'config')}) or credentials file (${join(dir, 'credentials')}); "audti" is in neither`]);
    expect(aws.requests).toEqual([]);
  });
});

describe('--region and --regions all', () => {
  it('--region is --regions with one name', async () => {
    await liveAccount();
    const { code, snapshot } = await collect('--region', 'ap-south-2');
    expect(code).toBe(0);
    expect(snapshot!.metadata.regions).toEqual(['ap-south-2']);
    expect(mocked!.sent.some((s) => s.region === 'ap-south-1')).toBe(false);
  });

  it('--regions all is every region the partition lists as enabled; the ones not opted in are listed on stderr and in the snapshot', async () => {
    await liveAccount();
    const all = await collect('--regions', 'all');
    expect(all.code, all.io.err).toBe(0);
    expect(all.snapshot!.metadata.regions).toEqual(['ap-south-1', 'ap-south-2']);
    expect(all.snapshot!.metadata.skippedRegions).toEqual([{ region: 'me-central-1', reason: 'not opted in for this account' }]);
    expect(all.io.err).toContain('archscan: skipped region me-central-1: not opted in for this account');
    expect(mocked!.sent.some((s) => s.region === 'me-central-1')).toBe(false);
    // The same as giving no --regions at all.
    const byDefault = await collect();
    expect(byDefault.snapshot!.metadata).toEqual({ ...all.snapshot!.metadata, collectedAt: byDefault.snapshot!.metadata.collectedAt });
  });

  it('planRegions: opt-in regions are skipped whether asked for or not; unknown names are skipped as not of this partition', () => {
    const listed = { Regions: [{ RegionName: 'ap-south-1', OptInStatus: 'opt-in-not-required' }, { RegionName: 'ap-south-2', OptInStatus: 'opted-in' }, { RegionName: 'me-central-1', OptInStatus: 'not-opted-in' }, {}] };
    expect(planRegions(listed, 'ap-south-1')).toEqual({ regions: ['ap-south-1', 'ap-south-2'], skipped: [{ region: 'me-central-1', reason: 'not opted in for this account' }] });
    expect(planRegions(listed, 'ap-south-1', ['me-central-1', 'xx-east-9', 'ap-south-2'])).toEqual({
      regions: ['ap-south-2'],
      skipped: [
        { region: 'me-central-1', reason: 'not opted in for this account' },
        { region: 'xx-east-9', reason: 'not a region of this partition' },
      ],
    });
  });

  it('a denied DescribeRegions collects the home region only and says so', async () => {
    const account = await fakeAccount();
    account['global']!['ec2:DescribeRegions'] = awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.');
    await liveAccount(account);
    process.env['AWS_REGION'] = 'ap-south-1';
    const { code, snapshot, io } = await collect('--regions', 'all');
    expect(code).toBe(3);
    expect(snapshot!.metadata.regions).toEqual(['ap-south-1']);
    expect(io.err).toContain("archscan: ec2:DescribeRegions failed (UnauthorizedOperation): the account's enabled regions are unknown, so only ap-south-1 was collected");
    expect(io.err).toContain('missing permissions (1): ec2:DescribeRegions');
  });

  it.each([
    [['--region', 'ap-south-1,ap-south-2'], '--region: one region name such as ap-south-1, not "ap-south-1,ap-south-2" (several: --regions a,b or --regions all)'],
    [['--region', 'all'], '--region: one region name such as ap-south-1, not "all" (several: --regions a,b or --regions all)'],
    [['--region', 'Mumbai'], '--region: a region name such as ap-south-1, not "Mumbai"'],
    [['--region', 'ap-south-1', '--regions', 'ap-south-2'], '--region: either --region or --regions, not both'],
    [['--regions', 'all,ap-south-1'], '--regions: either all or a list of region names, not both ("all,ap-south-1")'],
  ])('%j is a usage error: one line, exit 2, no request', async (args, message) => {
    await liveAccount();
    const { code, io } = await collect(...args);
    expect(code).toBe(2);
    expect(io.err).toBe(`archscan: error: ${message}\n`);
    expect(aws.requests).toEqual([]);
    expect(mocked!.sent).toEqual([]);
  });

  it.each([
    [['--snapshot', 'fixtures/giftcard-issuer.json', '--region', 'ap-south-1'], '--region: live-collection options only without --snapshot'],
    [['--demo', '--regions', 'all'], '--regions: live-collection options only without --demo'],
    [['--snapshot', 'fixtures/giftcard-issuer.json', '--mfa-token', CODE], '--mfa-token: live-collection options only without --snapshot'],
  ])('scan %j is refused like every live-collection option', async (args, message) => {
    const io = captureIo();
    expect(await main(['node', 'archscan', 'scan', ...args], io)).toBe(2);
    expect(io.err).toBe(`archscan: error: ${message}\n`);
  });
});

describe('--role-arn: session duration and MFA', () => {
  it('assumes the role once, in the home region, for the duration and with the MFA device and code given; the code appears nowhere', async () => {
    awsFiles('[default]\nregion = ap-south-1\n');
    await liveAccount();
    const { code, io, text } = await collect('--role-arn', ROLE, '--duration-seconds', '900', '--mfa-serial', MFA, '--mfa-token', CODE, '--debug');
    expect(code, io.err).toBe(0);
    const assumed = requestsOf('sts:AssumeRole');
    expect(assumed.map((r) => [r.params['RoleArn'], r.params['RoleSessionName'], r.params['DurationSeconds'], r.params['SerialNumber'], r.params['TokenCode']])).toEqual([[ROLE, 'archscan', '900', MFA, CODE]]);
    // Signed with the base credentials from the file, in the home region; the identity call with the role's session.
    expect(assumed.map((r) => [r.signingRegion, r.signatureValid, r.sessionToken])).toEqual([['ap-south-1', true, false]]);
    expect(requestsOf('sts:GetCallerIdentity').map((r) => [r.signingRegion, r.sessionToken])).toEqual([['ap-south-1', true]]);
    // --debug prints the SDK's log lines, yet neither the code nor a credential.
    expect(io.err).toContain('archscan: debug: sdk');
    for (const secret of [CODE, SECRET, SESSION_TOKEN]) expect(text).not.toContain(secret);
  });

  it("reads role_arn, mfa_serial and duration_seconds from the profile, as the AWS CLI does, and answers with --mfa-token", async () => {
    awsFiles(
      `[profile audit]\nrole_arn = ${ROLE}\nsource_profile = base\nmfa_serial = ${MFA}\nduration_seconds = 1800\nregion = ap-southeast-1\n`,
      `[base]\naws_access_key_id = ${BASE_KEY}\naws_secret_access_key = ${SECRET}\n`,
    );
    await liveAccount();
    const { code, io, text } = await collect('--profile', 'audit', '--mfa-token', CODE);
    expect(code, io.err).toBe(0);
    expect(requestsOf('sts:AssumeRole').map((r) => [r.params['RoleArn'], r.params['DurationSeconds'], r.params['SerialNumber'], r.params['TokenCode'], r.signingRegion])).toEqual([[ROLE, '1800', MFA, CODE, 'ap-southeast-1']]);
    expect(requestsOf('sts:GetCallerIdentity').map((r) => [r.signingRegion, r.sessionToken])).toEqual([['ap-southeast-1', true]]);
    expect(text).not.toContain(CODE);
  });

  it('asks for the code on the terminal once, naming the device, when no --mfa-token is given', async () => {
    awsFiles('[default]\nregion = ap-south-1\n');
    await liveAccount();
    const asked: string[] = [];
    const io = captureIo();
    const snapshot = await collectLive(flags({ roleArn: ROLE, mfaSerial: MFA }), io, false, async (q) => (asked.push(q), ` ${CODE}\n`));
    expect(asked).toEqual([`archscan: MFA code for ${MFA}: `]);
    expect(requestsOf('sts:AssumeRole').map((r) => r.params['TokenCode'])).toEqual([CODE]);
    expect(JSON.stringify(snapshot) + io.err + io.out).not.toContain(CODE);
  });

  it('a typed code that is not six digits stops before any request to AWS', async () => {
    await liveAccount();
    const run = collectLive(flags({ roleArn: ROLE, mfaSerial: MFA }), captureIo(), false, async () => 'l23456');
    await expect(run).rejects.toThrow(new InputError('--mfa-token', '', `the six-digit code MFA device ${MFA} shows, not what was typed`));
    expect(aws.requests).toEqual([]);
  });

  it('without a terminal and without --mfa-token, an MFA device is a usage error naming --mfa-token, for the flag and for a profile alike', async () => {
    await liveAccount();
    const flag = await collect('--role-arn', ROLE, '--mfa-serial', MFA);
    expect(flag.code).toBe(2);
    expect(flag.io.err).toBe(`archscan: error: --mfa-token: the current code of MFA device ${MFA}: stdin is not a terminal to ask on (in CI, pass --mfa-token)\n`);
    awsFiles(`[profile audit]\nrole_arn = ${ROLE}\nsource_profile = base\nmfa_serial = ${MFA}\n`, `[base]\naws_access_key_id = ${BASE_KEY}\naws_secret_access_key = ${SECRET}\n`);
    const profile = await collect('--profile', 'audit');
    expect(profile.code).toBe(2);
    expect(profile.io.err).toBe(flag.io.err);
    expect(aws.requests).toEqual([]);
  });

  it.each([
    [['--role-arn', ROLE, '--duration-seconds', '600'], '--duration-seconds: a whole number from 900 to 43200, not "600"'],
    [['--role-arn', ROLE, '--duration-seconds', '1h'], '--duration-seconds: a whole number from 900 to 43200, not "1h"'],
    [['--duration-seconds', '900'], "--duration-seconds: to go with --role-arn (a profile's role takes duration_seconds from the profile)"],
    [['--mfa-serial', MFA], "--mfa-serial: to go with --role-arn (a profile's role takes mfa_serial from the profile)"],
    [['--role-arn', ROLE, '--mfa-serial', 'priya'], '--mfa-serial: an MFA device ARN such as arn:aws:iam::123456789012:mfa/priya or a hardware serial number, not "priya"'],
    [['--role-arn', ROLE, '--mfa-serial', MFA, '--mfa-token', '12345'], '--mfa-token: the six-digit code the MFA device shows'],
  ])('%j is a usage error: one line, exit 2, and a code given is never echoed', async (args, message) => {
    await liveAccount();
    const { code, io } = await collect(...args);
    expect(code).toBe(2);
    expect(io.err).toBe(`archscan: error: ${message}\n`);
    if (args.includes('--mfa-token')) expect(io.err).not.toContain('12345');
    expect(aws.requests).toEqual([]);
  });
});

/** A terminal as Node gives it: a readable with isTTY and setRawMode. */
function fakeTty() {
  const tty = Object.assign(new EventEmitter(), {
    isTTY: true,
    raw: [] as boolean[],
    setRawMode(on: boolean) {
      tty.raw.push(on);
      return tty;
    },
    resume: () => tty,
    pause: () => tty,
  });
  return tty;
}

describe('the MFA prompt', () => {
  it('writes the question, echoes nothing typed, honours backspace, and restores the terminal', async () => {
    const tty = fakeTty();
    let shown = '';
    const prompt = terminalPrompt(tty as unknown as NodeJS.ReadStream, (t) => void (shown += t))!;
    const answer = prompt('MFA code: ');
    tty.emit('data', Buffer.from('48299'));
    tty.emit('data', Buffer.from('\u007f13\r'));
    expect(await answer).toBe('482913');
    expect(shown).toBe('MFA code: \n');
    expect(tty.raw).toEqual([true, false]);
    expect(tty.listenerCount('data')).toBe(0);
  });

  it('Ctrl+C cancels it as a usage error', async () => {
    const tty = fakeTty();
    const answer = terminalPrompt(tty as unknown as NodeJS.ReadStream, () => {})!('MFA code: ');
    tty.emit('data', '12\u0003');
    await expect(answer).rejects.toThrow('--mfa-token: an MFA code (the prompt was cancelled)');
    expect(tty.raw).toEqual([true, false]);
  });

  it('is not offered when stdin is not a terminal', () => {
    expect(terminalPrompt(Object.assign(new EventEmitter(), { isTTY: false }) as unknown as NodeJS.ReadStream, () => {})).toBeUndefined();
  });
});

describe('shared credentials', () => {
  it('resolves once for every caller, again only near expiry, and never caches a failure', async () => {
    let now = 0;
    let calls = 0;
    let fail = false;
    const provider = shareCredentials(async () => {
      calls++;
      if (fail) throw new Error('denied');
      return { accessKeyId: `k${calls}`, secretAccessKey: 's', expiration: new Date(now + 3_600_000) };
    }, () => now);
    const first = await Promise.all([provider(), provider(), provider()]);
    expect(first.map((c) => c.accessKeyId)).toEqual(['k1', 'k1', 'k1']);
    now = 3_600_000 - 400_000; // more than five minutes left
    expect((await provider()).accessKeyId).toBe('k1');
    now = 3_600_000 - 200_000; // less: a new session
    expect((await provider()).accessKeyId).toBe('k2');
    now += 3_600_000;
    fail = true;
    await expect(provider()).rejects.toThrow('denied');
    fail = false;
    expect((await provider()).accessKeyId).toBe('k4');
  });
});
