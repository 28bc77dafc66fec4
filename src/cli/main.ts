/**
 * The only place that reads flags, prints and picks exit codes:
 * 0 gate passed, 1 gate failed, 2 bad usage or input, 3 scan incomplete.
 */
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT } from '../exit.js';
import { SEVERITIES } from '../checks/types.js';
import { CollectError, InputError } from '../errors.js';
import { FORMATS } from '../reporters/index.js';
import { ORG_FORMATS } from '../reporters/org/index.js';
import { FRAMEWORK_FORMATS, listChecks, listFrameworks, type FrameworkFormat } from './catalogue.js';
import { processIo, type Io } from './io.js';
import { runScan, type ScanOptions } from './scan.js';
import { DIFF_FORMATS, runDiff, type DiffOptions } from './diff.js';
import { validateFile } from './validate.js';
import { runArchInit, type ArchInitOptions } from './arch.js';
import type { AwsFlags } from './live.js';
import { DEFAULT_CONCURRENCY } from '../collect/limits.js';
import { minimalPolicy } from '../collect/permissions.js';
import { VERSION } from './version.js';
import { orgOptions, type OrgFlags } from './org.js';
import type { MergeOptions } from './merge.js';

/** A file argument: never empty (an empty --snapshot would silently mean "scan live"). */
const path = (value: string): string => {
  if (value.trim() === '') throw new InvalidArgumentError('expected a file path, not an empty string.');
  return value;
};
const collect = (value: string, previous: string[] = []) => [...previous, path(value)];
/** --format: a format or a comma list of them, repeatable; each checked here so a typo is a usage error before anything runs. */
const formatList = (value: string, previous: string[] = []) => {
  const bad = value.split(',').map((s) => s.trim()).find((f) => f !== '' && !(FORMATS as string[]).includes(f));
  if (bad !== undefined) throw new InvalidArgumentError(`Allowed choices are ${FORMATS.join(', ')} (several as a comma list, with --output-dir).`);
  return [...previous, value];
};

function buildProgram(io: Io, setExit: (code: number) => void, argv: readonly string[]): Command {
  const program = new Command()
    .name('archscan')
    .description('Scan AWS accounts against MAS TRM, PCI DSS v4.0.1, RBI and AWS Well-Architected controls.')
    .version(VERSION)
    .option('--debug', 'print stack traces for internal errors')
    .exitOverride()
    // Usage errors carry the same "archscan:" prefix as every other message.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(`archscan: ${text}`) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', '\nExit codes: 0 gate passed, 1 gate failed, 2 bad usage or input, 3 scan incomplete (some results are error), 4 internal error (a bug).');

  const awsOptions = (cmd: Command) =>
    cmd
      .option('--profile <name>', 'AWS profile from the shared config/credentials files (SSO profiles too; its region = is the home region)')
      .option('--role-arn <arn>', 'assume this IAM role (STS AssumeRole) before collecting')
      .option('--external-id <id>', 'external id for --role-arn')
      .option('--duration-seconds <n>', 'session length of the --role-arn session, 900-43200 (default 3600; the AWS CLI\'s duration_seconds)')
      .option('--mfa-serial <arn>', 'MFA device that --role-arn requires (the AWS CLI\'s mfa_serial); its code is asked for on the terminal')
      .option('--mfa-token <code>', 'the MFA device\'s current code, where no terminal can be asked (CI); also answers a profile\'s mfa_serial')
      .option('--regions <list>', 'comma-separated regions, or all: every region of the partition enabled for the account (the default)')
      .option('--region <name>', 'one region: the same as --regions with one name')
      .option('--concurrency <n>', 'API calls in flight at once, across regions and services', String(DEFAULT_CONCURRENCY))
      .option('--service-concurrency <n>', 'of those, at most this many for one service in one region (default: a quarter of --concurrency)')
      .option('--max-attempts <n>', 'attempts per call under the SDK adaptive retry mode (throttling)', '8')
      .option('--timeout <seconds>', 'per-request timeout', '30');

  awsOptions(
    program
      .command('collect')
      .description('collect a snapshot of a live AWS account (read-only calls only)')
      .requiredOption('--output <file>', 'write the snapshot here (atomically; gzip when it ends in .gz)', path)
      .option('--quiet', 'no progress and no summary on stderr'),
  );
  orgOptions(program.commands.at(-1)!, true).action(async (opts: AwsFlags & OrgFlags & { output: string }) => {
    // Loaded on demand: the AWS SDK clients take most of a start-up, and offline commands never need them.
    const { runCollect } = await import('./collect.js');
    setExit(await runCollect({ ...opts, debug: argv.includes('--debug') }, io));
  });

  program
    .command('permissions')
    .description('print the minimal IAM policy a collection needs (the AWS managed SecurityAudit policy also suffices)')
    .action(() => io.stdout(`${JSON.stringify(minimalPolicy(), null, 2)}\n`));

  awsOptions(
  program
    .command('scan')
    .description('scan a snapshot, or a live account, and report findings per framework and control')
    .option('--snapshot <file>', 'snapshot to scan (.json or .json.gz, from `archscan collect` or a fixture); without it, scan live', path)
    .option('--demo', 'scan the sample account shipped with archscan (a fictional gift-card issuer): try archscan without AWS')
    .option('--framework <ids>', 'comma-separated framework ids (default: all loaded)')
    .option('--rules <file>', 'an extra rule set (YAML); repeatable; same id as a built-in replaces it', collect)
    .option('--format <format>', `output format (default text): ${FORMATS.join(', ')}; several as a comma list or repeated, with --output-dir`, formatList)
    .option('--output <file>', 'write the report here (atomically) instead of stdout', path)
    .option('--output-dir <dir>', 'write one file per --format and manifest.json (SHA-256 of snapshot and files): an evidence pack `archscan verify` checks', path)
    .option('--checks <ids>', 'run only these checks (comma-separated check ids)')
    .option('--exclude-checks <ids>', 'leave these checks out (comma-separated check ids)')
    .option('--services <names>', 'run only checks reading these services (comma-separated IAM service prefixes, e.g. ec2,s3)')
    .addOption(new Option('--severity <severity>', 'run only checks of this severity or above').choices(SEVERITIES))
    .option('--security-hub', 'import the ASFF findings into AWS Security Hub (BatchImportFindings, the one write call) in the account and regions they name')
    .option('--verbose', 'text: every framework and control with its results, the full scope statements, every failed call (default: a summary and the failing resources)')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 if a result fails at this severity or above')
        .choices([...SEVERITIES, 'none'])
        .default('low'),
    )
    .option('--min-score <n>', 'exit 1 if any framework scores under n (0-100)')
    .option('--waivers <file>', 'accepted risks (YAML): waived failures are shown, kept out of the score and the gate', path)
    .option('--as-of <date>', 'judge waiver expiry on this day (YYYY-MM-DD; default today, UTC)')
    .option('--arch <file>', 'an architecture profile (YAML, schemas/architecture.schema.json): check tiers, flows, regions, zones and peering against it', path)
    .option('--baseline <report>', 'an earlier JSON report of this account: the change since it goes into the report', path)
    .addOption(new Option('--fail-on-new <severity>', 'exit 1 if a finding new since --baseline is at this severity or above (then, unless --fail-on is also given, existing findings no longer fail the gate)').choices(SEVERITIES))
    .option('--sarif-category <category>', 'SARIF category (automationDetails.id; default archscan/<account>/)')
    .option('--no-sarif-category', "write no SARIF category: the upload action's category: input then applies")
    .option('--quiet', 'no progress, collection summary or gate summary on stderr'),
  );
  orgOptions(program.commands.at(-1)!, false).action(async (opts: ScanOptions & AwsFlags & OrgFlags, cmd: Command) =>
    // --fail-on-new alone replaces the --fail-on default: the gate then looks at new findings only.
    setExit(await runScan({ ...opts, debug: argv.includes('--debug'), failOnDefaulted: cmd.getOptionValueSource('failOn') === 'default' }, io)),
  );

  const arch = program.command('arch').description('architecture profiles: the declared tiers, flows, regions and peering scan --arch holds the account to');
  arch
    .command('init')
    .description('write a starting architecture profile (YAML) from what a snapshot has today: tiers from subnet tags and routes, flows from what is reachable')
    .requiredOption('--snapshot <file>', 'snapshot to read (.json or .json.gz)', path)
    .option('--output <file>', 'write the profile here (atomically) instead of stdout', path)
    .action(async (opts: ArchInitOptions) => setExit(await runArchInit(opts, io)));

  program
    .command('verify')
    .description('check an evidence pack (scan --output-dir): every SHA-256 in manifest.json, and, given the snapshot, every report re-rendered byte for byte')
    .addArgument(new Argument('<dir>', 'the pack directory').argParser(path))
    .option('--snapshot <file>', 'the snapshot the pack was made from (default: the snapshot.json in the pack, written for live scans)', path)
    .action(async (dir: string, opts: { snapshot?: string }) => {
      const { runVerify } = await import('./verify.js');
      setExit(await runVerify(dir, opts, io));
    });

  program
    .command('diff')
    .description('compare two JSON reports of one account: findings new, fixed, persisting, newly waived, undetermined; score changes')
    .addArgument(new Argument('<old>', 'the earlier report (`archscan scan --format json`)').argParser(path))
    .addArgument(new Argument('<new>', 'the later report').argParser(path))
    .addOption(new Option('--format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
    .option('--output <file>', 'write the diff here (atomically) instead of stdout', path)
    .addOption(new Option('--fail-on-new <severity>', 'exit 1 if a new finding is at this severity or above').choices(SEVERITIES))
    .option('--quiet', 'no gate summary on stderr')
    .action(async (oldFile: string, newFile: string, opts: DiffOptions) => setExit(await runDiff(oldFile, newFile, opts, io)));

  program
    .command('merge')
    .description('combine JSON reports of single accounts or of organisation shards into one organisation report (docs/scale-out.md)')
    .addArgument(new Argument('<report...>', 'JSON reports (`scan --format json`, `scan --org --shard i/n --format json`)').argParser((v: string, prev: string[] = []) => [...prev, path(v)]))
    .addOption(new Option('--format <format>', 'output format').choices(ORG_FORMATS).default('json'))
    .option('--output <file>', 'write the report here (atomically) instead of stdout', path)
    .addOption(new Option('--fail-on <severity>', 'exit 1 if a result fails at this severity or above').choices([...SEVERITIES, 'none']).default('low'))
    .option('--min-score <n>', 'exit 1 if any account or the organisation scores under n in a framework (0-100)')
    .option('--quiet', 'no gate summary on stderr')
    .action(async (files: string[], opts: MergeOptions) => setExit(await (await import('./merge.js')).runMerge(files, opts, io)));

  program
    .command('frameworks')
    .description('list the loaded frameworks with control counts; --coverage: every control, automated or manual, with its checks')
    .option('--rules <file>', 'an extra rule set (YAML); repeatable', collect)
    .option('--coverage', 'every control: its checks (with params that differ from the defaults), or what to collect for a manual control')
    .addOption(new Option('--format <format>', 'output format').choices(FRAMEWORK_FORMATS).default('text'))
    .action((opts: { rules?: string[]; coverage?: boolean; format: FrameworkFormat }) =>
      io.stdout(listFrameworks(opts.rules ?? [], opts.format, opts.coverage ?? false)),
    );

  program
    .command('checks')
    .description('list every check with id, severity and the frameworks that use it')
    .option('--rules <file>', 'an extra rule set (YAML); repeatable', collect)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((opts: { rules?: string[]; format: string }) => io.stdout(listChecks(opts.rules ?? [], opts.format === 'json')));

  program
    .command('validate')
    .description('validate a rule set or waiver file (.yaml) or a snapshot (.json, .json.gz)')
    .addArgument(new Argument('<file>').argParser(path))
    .action(async (file: string) => io.stdout(await validateFile(file)));

  return program;
}

/** Run the CLI; returns the exit code (never calls process.exit). */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c), argv);
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error it has already printed.
      return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (e instanceof InputError) {
      io.stderr(`archscan: error: ${e.message}\n`);
      return EXIT.badInput;
    }
    if (e instanceof CollectError) {
      io.stderr(`archscan: error: ${e.message}\n`);
      return EXIT.incomplete;
    }
    const debug = argv.includes('--debug');
    io.stderr(`archscan: internal error: ${e instanceof Error ? e.message : String(e)}${debug ? '' : ' (run with --debug for the stack)'}; this is a bug in archscan, please report it\n`);
    if (debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT.internal;
  }
}
