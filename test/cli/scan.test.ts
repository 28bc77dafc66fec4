import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { ajv } from '../../src/schemas.js';
import { fixture, runCli, tempDir, writeTemp } from '../helpers/cli.js';

const BASELINE = fixture('baseline-compliant.json');
const GIFTCARD = fixture('giftcard-issuer.json');
const PAYMENTS = fixture('payments-group.json');

describe('exit codes', () => {
  it('0 for the compliant baseline', async () => {
    const run = await runCli(['scan', '--snapshot', BASELINE]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('gate passed');
  });

  it('1 for a seed account with high findings under --fail-on high', async () => {
    const run = await runCli(['scan', '--snapshot', GIFTCARD, '--fail-on', 'high']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/gate failed: \d+ failing result\(s\) at severity high or above/);
  });

  it('0 for the same account with --fail-on none, 1 again under --min-score 100', async () => {
    expect((await runCli(['scan', '--snapshot', GIFTCARD, '--fail-on', 'none'])).code).toBe(0);
    const run = await runCli(['scan', '--snapshot', GIFTCARD, '--fail-on', 'none', '--min-score', '100']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('under --min-score 100');
  });

  it('3 when a needed call was denied: error results, never pass', async () => {
    const run = await runCli(['scan', '--snapshot', PAYMENTS, '--format', 'json']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('gate incomplete');
    const report = JSON.parse(run.stdout) as { complete: boolean; evaluations: { checkId: string; results: { status: string; evidence: { failedCalls?: { code: string }[] } }[] }[] };
    expect(report.complete).toBe(false);
    const gd = report.evaluations.find((e) => e.checkId === 'guardduty-enabled')!;
    const denied = gd.results.filter((r) => r.evidence.failedCalls?.some((f) => f.code === 'AccessDenied'));
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((r) => r.status === 'error')).toBe(true);
  });

  it.each(['text', 'json', 'sarif', 'junit'])('--fail-on and --min-score gate every format alike: %s', async (format) => {
    const dir = tempDir();
    const gate = async (...flags: string[]) => (await runCli(['scan', '--snapshot', GIFTCARD, '--format', format, '--output', `${dir}/r`, ...flags])).code;
    expect(await gate('--fail-on', 'high')).toBe(1);
    expect(await gate('--fail-on', 'none')).toBe(0);
    expect(await gate('--fail-on', 'none', '--min-score', '95')).toBe(1);
    expect(await gate('--fail-on', 'none', '--min-score', '50')).toBe(0);
    // The RD Gateway is reachable from the internet on 3389: its admin-port result is raised to critical (issue 13).
    expect(await gate('--fail-on', 'critical', '--min-score', '50')).toBe(1);
    expect(await gate('--fail-on', 'none', '--min-score', '50')).toBe(0);
    expect((await runCli(['scan', '--snapshot', PAYMENTS, '--format', format, '--output', `${dir}/r`, '--fail-on', 'none'])).code).toBe(3);
  });

  it.each(['text', 'json', 'sarif', 'junit'])('--output with --format %s writes the same bytes as stdout and keeps the exit code', async (format) => {
    const dir = tempDir();
    const toStdout = await runCli(['scan', '--snapshot', GIFTCARD, '--format', format, '--fail-on', 'high']);
    const toFile = await runCli(['scan', '--snapshot', GIFTCARD, '--format', format, '--fail-on', 'high', '--output', `${dir}/r.out`]);
    expect(toFile.code).toBe(toStdout.code);
    expect(toFile.stdout).toBe('');
    expect(readFileSync(`${dir}/r.out`, 'utf8')).toBe(toStdout.stdout);
  });
});

describe('output', () => {
  it('is byte-identical across two scans of the same snapshot', async () => {
    const [a, b] = await Promise.all([
      runCli(['scan', '--snapshot', GIFTCARD, '--format', 'json']),
      runCli(['scan', '--snapshot', GIFTCARD, '--format', 'json']),
    ]);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(a.stdout).toBe(b.stdout);
  });

  it('reads .json.gz to the same report as .json', async () => {
    const dir = tempDir();
    const gz = writeTemp(dir, 'giftcard.json.gz', gzipSync(readFileSync(GIFTCARD)));
    const [plain, zipped] = await Promise.all([
      runCli(['scan', '--snapshot', GIFTCARD, '--format', 'json']),
      runCli(['scan', '--snapshot', gz, '--format', 'json']),
    ]);
    expect(zipped.stdout).toBe(plain.stdout);
  });

  it('JSON validates against the published report schema', async () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')) as object;
    const validate = ajv.compile(schema);
    for (const file of [BASELINE, GIFTCARD, PAYMENTS]) {
      const run = await runCli(['scan', '--snapshot', file, '--format', 'json']);
      expect(validate(JSON.parse(run.stdout)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('text has no colour off a TTY or under NO_COLOR, and colour with FORCE_COLOR', async () => {
    const plain = await runCli(['scan', '--snapshot', GIFTCARD]);
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect(plain.stdout).toMatch(/FAIL/);
    expect(plain.stdout).toContain('score = 100 × Σ weight(pass)');
    const forced = await runCli(['scan', '--snapshot', GIFTCARD], { FORCE_COLOR: '1' });
    expect(forced.stdout).toMatch(/\u001b\[/);
    const vetoed = await runCli(['scan', '--snapshot', GIFTCARD], { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(vetoed.stdout).not.toMatch(/\u001b\[/);
  });

  it('--framework narrows the report to the named frameworks', async () => {
    const run = await runCli(['scan', '--snapshot', GIFTCARD, '--format', 'json', '--framework', 'rbi-pso-ppi,pci-dss-v4']);
    expect((JSON.parse(run.stdout) as { frameworks: { id: string }[] }).frameworks.map((f) => f.id)).toEqual(['pci-dss-v4', 'rbi-pso-ppi']);
  });

  it('--rules with a built-in id replaces it, and says so', async () => {
    const dir = tempDir();
    const rules = writeTemp(
      dir,
      'bank-pci.yaml',
      `id: pci-dss-v4\ntitle: Bank PCI\nversion: "4.0.1-bank"\nsource: { document: Bank standard, publisher: Bank, date: "2026" }\ncontrols:\n  - id: "8.3.6"\n    title: Passwords of 16\n    source: Bank standard 8.3.6\n    checks: [{ check: iam-password-policy-strong, params: { minimumLength: 16 } }]\n`,
    );
    const run = await runCli(['scan', '--snapshot', BASELINE, '--format', 'json', '--rules', rules, '--framework', 'pci-dss-v4']);
    expect(run.stderr).toContain('replaced the built-in framework "pci-dss-v4"');
    const report = JSON.parse(run.stdout) as { frameworks: { version: string; controls: unknown[] }[] };
    expect(report.frameworks[0]?.version).toBe('4.0.1-bank');
    expect(report.frameworks[0]?.controls).toHaveLength(1);
  });
});

describe('catalogue commands', () => {
  it('frameworks lists the five frameworks with control counts', async () => {
    const run = await runCli(['frameworks', '--format', 'json']);
    const rows = JSON.parse(run.stdout) as { id: string; controls: number }[];
    expect(rows.map((r) => r.id)).toEqual(['aws-well-architected', 'cis-aws-foundations', 'mas-trm', 'pci-dss-v4', 'rbi-pso-ppi']);
    for (const r of rows) expect(r.controls).toBeGreaterThan(10);
    const text = await runCli(['frameworks']);
    expect(text.stdout).toMatch(/^pci-dss-v4\s+\d+ controls/m);
  });

  it('checks lists every check with severity and the frameworks that use it', async () => {
    const run = await runCli(['checks', '--format', 'json']);
    const rows = JSON.parse(run.stdout) as { id: string; severity: string; frameworks: string[] }[];
    expect(rows.map((r) => r.id)).toEqual(Object.keys(CHECKS).sort());
    for (const r of rows) expect(r.frameworks.length).toBeGreaterThan(0);
    expect(rows.find((r) => r.id === 'iam-root-mfa-enabled')).toMatchObject({ severity: 'critical' });
  });

  it('validate accepts the built-in rule sets and the fixtures', async () => {
    for (const file of ['rules/pci-dss-v4.yaml', 'rules/mas-trm.yaml', BASELINE]) {
      const run = await runCli(['validate', file]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^ok: /);
    }
  });
});

describe('live scan without credentials', () => {
  it('exits 3 naming the identity call, without reaching any network', async () => {
    const run = await runCli(['scan', '--regions', 'ap-south-1'], { HOME: tempDir(), AWS_REGION: 'ap-south-1' });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('could not identify the AWS account (sts:GetCallerIdentity)');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
