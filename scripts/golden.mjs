// Rewrite fixtures/<name>.report.json and .report.md from the built CLI, for every fixture
// that has a hand-written <name>.planted.yaml. Run after an intended change
// (`npm run golden`), then review the diff: the goldens are what tests hold us to.
import { readdirSync } from 'node:fs';
import { main } from '../dist/cli/main.js';

const dir = new URL('../fixtures/', import.meta.url).pathname;
// The pack's generation time is pinned (SOURCE_DATE_EPOCH, 2026-12-01T00:00:00Z) so the goldens are reproducible;
// test/reporters/markdown.test.ts pins the same.
const quiet = { stdout: () => {}, stderr: (t) => process.stderr.write(t), stdoutIsTty: false, env: { SOURCE_DATE_EPOCH: '1796083200' } };
for (const planted of readdirSync(dir).filter((f) => f.endsWith('.planted.yaml')).sort()) {
  const name = planted.replace(/\.planted\.yaml$/, '');
  // The JSON report and the Markdown VAPT pack, from the same scan.
  for (const [format, ext] of [['json', 'json'], ['markdown', 'md']]) {
    const code = await main(
      ['node', 'archscan', 'scan', '--snapshot', `${dir}${name}.json`, '--format', format, '--output', `${dir}${name}.report.${ext}`, '--quiet'],
      quiet,
    );
    if (code === 2) process.exitCode = 2;
    console.log(`${name}.report.${ext} (scan exit ${code})`);
  }
}
