/**
 * What a newcomer with only Node 20 gets: the README's first screen is the two
 * commands they need and the first runs as written; `npm test` passes without
 * a browser (the HTML rendering test skips with one line saying so), while CI
 * (.ci/run) makes a missing browser a failure.
 *
 * The browser gating is shown by running vitest on the HTML test in a child
 * process with a browser path that does not exist, under a config without the
 * global build step (so this suite's dist/ is not rebuilt under the others).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliRun } from '../helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** Everything before the first rule (`---`): what shows before a reader scrolls. */
const firstScreen = readme.slice(0, readme.indexOf('\n---\n'));

describe("the README's first screen", () => {
  const block = /```sh\n([\s\S]*?)```/.exec(firstScreen)?.[1] ?? '';
  const commands = block.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));

  it('is two commands: install and scan the bundled sample, run the tests', () => {
    expect(commands).toEqual(['npm ci && npx archscan scan --demo', 'npm test']);
    expect(firstScreen.split('\n').length).toBeLessThanOrEqual(30);
  });

  it('its scan runs as written and exits 1 as it says (the sample account has findings)', async () => {
    const scan = commands[0]!.split('&&')[1]!.trim().split(/\s+/);
    expect(scan.slice(0, 2)).toEqual(['npx', 'archscan']);
    const r = await runCli(scan.slice(2));
    expect(r.code, r.stderr).toBe(1);
    expect(firstScreen).toContain('The sample scan exits 1');
    expect(r.stdout).toMatch(/^archscan \S+ · account 100000000002 \(aws\)/);
    expect(r.stderr).toContain('archscan: --demo: scanning the bundled sample account');
  });
});

/** vitest on the HTML test alone, in a child process, with the given environment on top of a clean one. */
function htmlTest(extra: Record<string, string>): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), 'archscan-fresh-'));
  const config = join(dir, 'vitest.config.mjs');
  writeFileSync(config, `export default ${JSON.stringify({ root: ROOT, cacheDir: join(dir, 'cache'), test: { include: ['test/reporters/html.test.ts'], testTimeout: 60_000 } })};\n`);
  const env = { PATH: process.env['PATH'] ?? '', HOME: dir, NO_COLOR: '1', ...extra };
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', config, '-t', 'in Chromium'], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('without Chromium', { timeout: 180_000 }, () => {
  const missing = '/nonexistent/archscan-test/chromium';

  it('npm test skips the HTML rendering test with one line saying so and how to run it', async () => {
    const r = await htmlTest({ ARCHSCAN_CHROMIUM: missing });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const lines = (r.stdout + r.stderr).split('\n').filter((l) => l.includes('HTML rendering test skipped'));
    expect(lines).toEqual([
      `archscan tests: HTML rendering test skipped: no browser at ${missing}. To run it: apt-get install --no-install-recommends chromium, or ARCHSCAN_CHROMIUM=/path/to/chrome npm test (CI requires it: .ci/run).`,
    ]);
  });

  it('fails under ARCHSCAN_REQUIRE_CHROMIUM=1, which .ci/run sets before it runs npm test', async () => {
    const r = await htmlTest({ ARCHSCAN_CHROMIUM: missing, ARCHSCAN_REQUIRE_CHROMIUM: '1' });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(`${missing} is missing: apt-get install -y --no-install-recommends chromium`);
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8').split('\n');
    const required = ci.findIndex((l) => /^export ARCHSCAN_REQUIRE_CHROMIUM=1$/.test(l));
    expect(required).toBeGreaterThan(-1);
    expect(ci.findIndex((l) => l === 'npm test')).toBeGreaterThan(required);
    expect(ci.some((l) => /apt-get install .*chromium/.test(l))).toBe(true);
  });
});
