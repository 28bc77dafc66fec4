// Second opinion on our SARIF: Microsoft's SARIF multitool (`validate` with the
// SARIF and GitHub Advanced Security rule kinds, GitHub's GH1001–GH1007 on via
// sarif-github.config.xml) over the SARIF of every fixture, and of the
// gift-card issuer with the example waivers (results with suppressions). Exits 1 on any
// error-level finding. The multitool exits 0 even when it finds errors, and one
// invalid file can hide errors in later files of the same call, so each file
// gets its own call and we read its output.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../dist/cli/main.js';

const require = createRequire(import.meta.url);
const binary = require('@microsoft/sarif-multitool-linux');
const root = new URL('..', import.meta.url).pathname;
const config = join(root, 'scripts/sarif-github.config.xml');
const out = mkdtempSync(join(tmpdir(), 'archscan-sarif-'));
const io = { stdout: () => {}, stderr: () => {}, stdoutIsTty: false, env: {} };

let errors = 0;
const fixtures = readdirSync(join(root, 'fixtures')).filter((f) => f.endsWith('.planted.yaml')).map((f) => f.replace('.planted.yaml', '')).sort();
const scans = fixtures.map((name) => ({ name, snapshot: name, extra: [] }));
scans.push({ name: 'giftcard-issuer-waived', snapshot: 'giftcard-issuer', extra: ['--waivers', join(root, 'examples/waivers.yaml'), '--as-of', '2026-11-23'] });
for (const { name, snapshot, extra } of scans) {
  const sarif = join(out, `${name}.sarif`);
  const code = await main(['node', 'archscan', 'scan', '--snapshot', join(root, 'fixtures', `${snapshot}.json`), '--format', 'sarif', '--output', sarif, ...extra], io);
  if (code === 2) throw new Error(`archscan could not scan ${name}`);
  const report = join(out, `${name}.validation.sarif`);
  execFileSync(binary, ['validate', sarif, '--rule-kind', 'Sarif;Ghas', '-c', config, '--quiet', 'true', '-o', report, '--log', 'ForceOverwrite'], {
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const findings = JSON.parse(readFileSync(report, 'utf8')).runs[0].results ?? [];
  const bad = findings.filter((r) => r.level === 'error');
  errors += bad.length;
  console.log(`${name}.sarif: ${bad.length} error(s), ${findings.length - bad.length} warning(s)/note(s)`);
  for (const r of findings) console.log(`  ${r.level ?? 'warning'} ${r.ruleId} ${JSON.stringify(r.message.arguments ?? r.message.text)}`);
}
console.log(`multitool: ${errors} error(s) in ${scans.length} SARIF files`);
rmSync(out, { recursive: true, force: true });
process.exitCode = errors > 0 ? 1 : 0;
