// Rewrite fixtures/<name>.report.json, .report.md and .report.txt from the built CLI, for every fixture
// that has a hand-written <name>.planted.yaml. Run after an intended change
// (`npm run golden`), then review the diff: the goldens are what tests hold us to.
import { readdirSync } from 'node:fs';
import { main } from '../dist/cli/main.js';

const dir = new URL('../fixtures/', import.meta.url).pathname;
/** The fixture whose --verbose text report is kept too: the sample account, incomplete on purpose. */
const VERBOSE = 'payments-group';
// The pack's generation time is pinned (SOURCE_DATE_EPOCH, 2026-12-01T00:00:00Z) so the goldens are reproducible;
// test/reporters/markdown.test.ts pins the same.
const quiet = { stdout: () => {}, stderr: (t) => process.stderr.write(t), stdoutIsTty: false, env: { SOURCE_DATE_EPOCH: '1796083200' } };
for (const planted of readdirSync(dir).filter((f) => f.endsWith('.planted.yaml')).sort()) {
  const name = planted.replace(/\.planted\.yaml$/, '');
  // The JSON report, the Markdown VAPT pack and the terminal report (and its --verbose form for the sample), from the same scan.
  const outputs = [['json', 'json'], ['markdown', 'md'], ['text', 'txt']];
  if (name === VERBOSE) outputs.push(['text', 'verbose.txt', '--verbose']);
  for (const [format, ext, ...flags] of outputs) {
    const code = await main(
      ['node', 'archscan', 'scan', '--snapshot', `${dir}${name}.json`, '--format', format, ...flags, '--output', `${dir}${name}.report.${ext}`, '--quiet'],
      quiet,
    );
    if (code === 2) process.exitCode = 2;
    console.log(`${name}.report.${ext} (scan exit ${code})`);
  }
}
