/**
 * Every user mistake exits 2 with one line naming the file (or flag), where in
 * it, and what was expected; no stack trace; and no output file is written.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesIn, ROOT, runCli, tempDir, writeTemp } from '../helpers/cli.js';
import { emptySnapshot } from '../helpers/snapshot.js';

type Snap = ReturnType<typeof emptySnapshot>;
const snapWith = (edit: (s: Snap) => unknown): string => {
  const s = emptySnapshot();
  const replaced = edit(s);
  return JSON.stringify(replaced === undefined ? s : replaced, null, 2);
};

const VALID_RULES = `id: bank-standard
title: Bank standard
version: "1"
source: { document: Internal standard, publisher: Bank, date: "2026-01" }
controls:
  - id: PWD-1
    title: Passwords are long
    source: Internal standard 4.2
    checks:
      - check: iam-password-policy-strong
        params: { minimumLength: 16 }
`;

interface BadCase {
  name: string;
  /** Files to create in the temp dir before running: name -> content. */
  files?: Record<string, string | Buffer>;
  args: (dir: string) => string[];
  /** Every string must appear in stderr. */
  mentions: string[];
}

const scanOf = (snapshot: string, ...more: string[]) => (dir: string) => [
  'scan', '--snapshot', `${dir}/${snapshot}`, '--output', `${dir}/out/report.json`, '--format', 'json', ...more,
];
const withRules = (rules: string) => (dir: string) => [
  'scan', '--snapshot', `${dir}/ok.json`, '--rules', `${dir}/${rules}`, '--output', `${dir}/out/report.json`,
];

const cases: BadCase[] = [
  { name: 'missing snapshot file', args: scanOf('absent.json'), mentions: ['absent.json', 'does not exist'] },
  { name: 'malformed JSON', files: { 's.json': '{"metadata": {,}' }, args: scanOf('s.json'), mentions: ['s.json', 'line 1, column 15', 'valid JSON'] },
  { name: 'empty file', files: { 's.json': '' }, args: scanOf('s.json'), mentions: ['s.json', 'valid JSON'] },
  { name: 'JSON array, not an object', files: { 's.json': '[]' }, args: scanOf('s.json'), mentions: ['s.json', ': /: expected object'] },
  { name: 'metadata missing', files: { 's.json': snapWith((s) => ({ ...s, metadata: undefined })) }, args: scanOf('s.json'), mentions: ['s.json', 'missing required property "metadata"'] },
  { name: 'unknown format version', files: { 's.json': snapWith((s) => { (s.metadata as { formatVersion: number }).formatVersion = 2; }) }, args: scanOf('s.json'), mentions: ['/metadata/formatVersion', 'expected 1'] },
  { name: 'account id not 12 digits', files: { 's.json': snapWith((s) => { s.metadata.accountId = '12345'; }) }, args: scanOf('s.json'), mentions: ['/metadata/accountId'] },
  { name: 'collectedAt not a date-time', files: { 's.json': snapWith((s) => { s.metadata.collectedAt = 'last tuesday'; }) }, args: scanOf('s.json'), mentions: ['/metadata/collectedAt'] },
  {
    name: 'a key twice in one object',
    files: { 's.json': snapWith(() => undefined).replace('"accountId": "210987654321",', '"accountId": "210987654321",\n    "accountId": "123456789012",') },
    args: scanOf('s.json'),
    mentions: ['s.json', 'line 6, column 5 (/metadata/accountId)', '"accountId" appears twice'],
  },
  { name: 'region listed without responses', files: { 's.json': snapWith((s) => { s.metadata.regions.push('ap-south-2'); }) }, args: scanOf('s.json'), mentions: ['s.json', '/regions', 'ap-south-2'] },
  {
    name: 'responses for an unlisted region',
    files: { 's.json': snapWith((s) => { s.regions['eu-west-1'] = structuredClone(s.regions['ap-south-1']!); }) },
    args: scanOf('s.json'),
    mentions: ['/regions/eu-west-1', 'metadata.regions'],
  },
  {
    name: 'error entry without a code',
    files: { 's.json': snapWith((s) => { s.errors.push({ service: 'ec2', operation: 'DescribeVpcs', region: 'ap-south-1', message: 'x' } as never); }) },
    args: scanOf('s.json'),
    // Appended after the empty account's "not set up" answers (no organization, no Security Hub, ...).
    mentions: [`/errors/${emptySnapshot().errors.length}`, 'missing required property "code"'],
  },
  {
    name: 'a JSON report given as the snapshot',
    files: { 'r.json': readFileSync(`${ROOT}fixtures/giftcard-issuer.report.json`) },
    args: scanOf('r.json'),
    mentions: ['r.json: /: a snapshot', 'but this is a JSON report of a scan'],
  },
  { name: '.gz name but not gzip', files: { 's.json.gz': snapWith(() => undefined) }, args: scanOf('s.json.gz'), mentions: ['s.json.gz', 'not gzip'] },
  { name: 'truncated gzip', files: { 's.json.gz': gzipSync(snapWith(() => undefined)).subarray(0, 40) }, args: scanOf('s.json.gz'), mentions: ['s.json.gz', 'corrupt or truncated'] },
  { name: 'rule set names an unknown check', files: { 'r.yaml': VALID_RULES.replace('iam-password-policy-strong', 'iam-password-policy-stronk') }, args: withRules('r.yaml'), mentions: ['r.yaml', '/controls/0/checks/0/check (line 10)', 'iam-password-policy-stronk'] },
  { name: 'rule set params of the wrong type', files: { 'r.yaml': VALID_RULES.replace('minimumLength: 16', 'minimumLength: sixteen') }, args: withRules('r.yaml'), mentions: ['r.yaml', '/controls/0/checks/0/params/minimumLength (line 11)', 'expected integer'] },
  { name: 'rule set params unknown to the check', files: { 'r.yaml': VALID_RULES.replace('minimumLength: 16', 'minLength: 16') }, args: withRules('r.yaml'), mentions: ['r.yaml', '/controls/0/checks/0/params', 'unknown property "minLength"'] },
  { name: 'rule set is not YAML', files: { 'r.yaml': 'id: [unclosed\n' }, args: withRules('r.yaml'), mentions: ['r.yaml', 'line 2', 'valid YAML'] },
  { name: 'rule set control without a title', files: { 'r.yaml': VALID_RULES.replace('    title: Passwords are long\n', '') }, args: withRules('r.yaml'), mentions: ['r.yaml', '/controls/0 (line 6)', 'missing required property "title"'] },
  { name: 'rule set with a duplicate control id', files: { 'r.yaml': `${VALID_RULES}  - id: PWD-1\n    title: Again\n    source: x\n    checks: [{ check: iam-root-mfa-enabled }]\n` }, args: withRules('r.yaml'), mentions: ['r.yaml', '/controls/1/id (line 12)', 'appears twice'] },
  {
    name: 'rule set control with both checks and manual',
    files: { 'r.yaml': `${VALID_RULES}    manual: { collect: The password standard. }\n` },
    args: withRules('r.yaml'),
    mentions: ['r.yaml', '/controls/0 (line 6)', 'either "checks" (automated) or "manual"', 'not both'],
  },
  {
    name: 'rule set control with neither checks nor manual',
    files: { 'r.yaml': VALID_RULES.replace(/    checks:\n[\s\S]*$/, '') },
    args: withRules('r.yaml'),
    mentions: ['r.yaml', '/controls/0 (line 6)', '"checks" (one or more) or "manual: { collect }"', 'it has neither'],
  },
  { name: 'rule set file missing', args: withRules('absent.yaml'), mentions: ['absent.yaml', 'does not exist'] },
  { name: 'unknown framework', args: (d) => [...scanOf('ok.json')(d), '--framework', 'pci-dss-v4,sox'], mentions: ['--framework', '"sox"', 'pci-dss-v4'] },
  { name: 'empty framework list', args: (d) => [...scanOf('ok.json')(d), '--framework', ','], mentions: ['--framework', 'comma-separated'] },
  { name: 'unknown output format', args: (d) => [...scanOf('ok.json')(d), '--format', 'xml'], mentions: ["'--format <format>'", "'xml' is invalid", 'text, json, sarif, junit'] },
  { name: 'unknown severity', args: (d) => [...scanOf('ok.json')(d), '--fail-on', 'severe'], mentions: ["'--fail-on <severity>'", "'severe' is invalid"] },
  { name: 'min score out of range', args: (d) => [...scanOf('ok.json')(d), '--min-score', '150'], mentions: ['--min-score', '0 to 100', '"150"'] },
  { name: 'min score not a number', args: (d) => [...scanOf('ok.json')(d), '--min-score', 'high'], mentions: ['--min-score', '"high"'] },
  { name: 'unknown flag', args: (d) => [...scanOf('ok.json')(d), '--frobnicate'], mentions: ["unknown option '--frobnicate'"] },
  { name: 'output directory missing', args: (d) => ['scan', '--snapshot', `${d}/ok.json`, '--output', `${d}/no/such/dir/report.json`], mentions: ['--output', 'no/such/dir', 'does not exist'] },
  { name: 'validate a file of unknown kind', files: { 'notes.txt': 'hello' }, args: (d) => ['validate', `${d}/notes.txt`], mentions: ['notes.txt', '.yaml', '.json'] },
  { name: 'unknown command', args: () => ['scna'], mentions: ["unknown command 'scna'"] },
  { name: 'snapshot and live options together', args: (d) => [...scanOf('ok.json')(d), '--profile', 'audit'], mentions: ['--profile', 'without --snapshot'] },
  { name: 'region name malformed', args: (d) => ['collect', '--output', `${d}/out/s.json`, '--regions', 'ap-south-1,Mumbai'], mentions: ['--regions', '"Mumbai"'] },
  { name: 'concurrency zero', args: (d) => ['collect', '--output', `${d}/out/s.json`, '--concurrency', '0'], mentions: ['--concurrency', 'whole number', '"0"'] },
  { name: 'role ARN malformed', args: (d) => ['collect', '--output', `${d}/out/s.json`, '--role-arn', 'Audit'], mentions: ['--role-arn', 'IAM role ARN'] },
  { name: 'external id without a role', args: (d) => ['collect', '--output', `${d}/out/s.json`, '--external-id', 'x'], mentions: ['--external-id', '--role-arn'] },
  { name: 'collect without --output', args: () => ['collect'], mentions: ["required option '--output <file>'"] },
];

describe('bad input exits 2 with a located message and writes nothing', () => {
  let okSnapshot: string;
  beforeAll(() => {
    okSnapshot = JSON.stringify(emptySnapshot());
  });

  it('has at least 20 distinct cases', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('$name', async ({ files = {}, args, mentions }) => {
    const dir = tempDir();
    writeTemp(dir, 'ok.json', okSnapshot);
    mkdirSync(`${dir}/out`);
    for (const [name, content] of Object.entries(files)) writeTemp(dir, name, content);
    const before = filesIn(dir);
    const run = await runCli(args(dir));
    expect(run.code, run.stderr).toBe(2);
    for (const m of mentions) expect(run.stderr).toContain(m);
    expect(run.stderr).toMatch(/^archscan: error: /); // one prefix for every message, the CLI library's own included
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    expect(run.stdout).toBe('');
    expect(filesIn(dir)).toEqual(before);
    expect(filesIn(`${dir}/out`)).toEqual([]);
  });
});
