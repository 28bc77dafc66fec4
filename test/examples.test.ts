/**
 * The CI examples in examples/ parse, are wired as docs/ci.md says, and every
 * archscan command in them runs with our real CLI (flags that exist, values it accepts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT, runCli, tempDir } from './helpers/cli.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  'continue-on-error'?: boolean;
}

/** Run an archscan command line from an example against a fixture, writing into a temp dir. */
async function runExampleCommand(line: string, snapshotToken: string) {
  const dir = tempDir();
  const args = line.trim().split(/\s+/).slice(1).map((a) => (a === snapshotToken ? fixture('giftcard-issuer.json') : a));
  const out = args.indexOf('--output');
  if (out >= 0) args[out + 1] = `${dir}/${args[out + 1]}`;
  const run = await runCli(args);
  return { run, output: out >= 0 ? args[out + 1]! : undefined };
}

describe('examples/github-actions.yml', () => {
  const wf = parse(readFileSync(`${ROOT}examples/github-actions.yml`, 'utf8')) as {
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(wf.jobs)[0]!.steps;

  it('assumes an AWS role over OIDC, with the permissions upload-sarif needs', () => {
    expect(wf.permissions).toMatchObject({ 'id-token': 'write', 'security-events': 'write' });
    const aws = steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))!;
    expect(aws.with?.['role-to-assume']).toMatch(/^arn:aws:iam::\d{12}:role\//);
  });

  it('uploads the SARIF the scan wrote even when the gate fails, then gates', async () => {
    const scanIndex = steps.findIndex((s) => s.id === 'scan');
    const scan = steps[scanIndex]!;
    expect(scan['continue-on-error']).toBe(true);
    const upload = steps.findIndex((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload).toBeGreaterThan(scanIndex);
    expect(steps[upload]!.if).toContain('always()');
    const line = scan.run!;
    expect(line).toMatch(/--format sarif/);
    expect(line).toMatch(/--fail-on high/);
    const outputName = /--output (\S+)/.exec(line)![1];
    expect(steps[upload]!.with?.['sarif_file']).toBe(outputName);
    expect(steps.slice(upload + 1).some((s) => s.if === "steps.scan.outcome == 'failure'" && /exit 1/.test(s.run ?? ''))).toBe(true);

    const { run, output } = await runExampleCommand(line, 'snapshot.json.gz');
    expect(run.code, run.stderr).toBe(1); // the sample account has high findings
    expect(existsSync(output!)).toBe(true);
  });
});

describe('examples/gitlab-ci.yml', () => {
  const ci = parse(readFileSync(`${ROOT}examples/gitlab-ci.yml`, 'utf8')) as Record<
    string,
    { script?: string[]; artifacts?: { when: string; reports: { junit: string } } }
  >;
  const job = ci['archscan']!;

  it('publishes the JUnit report the scan writes, whatever the outcome', () => {
    const scan = job.script!.find((l) => l.startsWith('archscan scan'))!;
    expect(scan).toMatch(/--format junit/);
    expect(job.artifacts?.when).toBe('always');
    expect(job.artifacts?.reports.junit).toBe(/--output (\S+)/.exec(scan)![1]);
  });

  it.each(['archscan validate', 'archscan scan'])('its `%s` line runs with the real CLI', async (prefix) => {
    const line = ci['archscan']!.script!.find((l) => l.startsWith(prefix))!;
    const { run, output } = await runExampleCommand(line, '"$SNAPSHOT"');
    expect([0, 1], run.stderr).toContain(run.code);
    if (output) expect(readFileSync(output, 'utf8')).toMatch(/^<\?xml/);
  });
});
