// `npm run bench`: whole-CLI scans of generated accounts, per size and format:
// wall time, CPU time, peak RSS, resources per second, output bytes, exit
// code; then the 10k -> 100k ratio per format. Targets (2 cores): 100k
// resources in JSON and SARIF under 3 s and 500 MB; every format completes at
// 300k; 10k -> 100k no worse than 11x. Figures only: no assertion.
//
//   npm run bench                          # 1k, 10k, 100k, 300k; every format
//   npm run bench -- --sizes 10k,100k --formats json,sarif
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import { generateSnapshot } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const parseSize = (s) => Number(s.replace(/k$/i, '000'));
const sizes = arg('--sizes', '1k,10k,100k,300k').split(',').map(parseSize);
// Every format the CLI has (src/reporters/index.ts), unless --formats narrows.
const { FORMATS } = await import('../dist/reporters/index.js');
const formats = arg('--formats', FORMATS.join(',')).split(',');
const dir = join(tmpdir(), 'archscan-bench');
mkdirSync(dir, { recursive: true });

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
const rows = [];
for (const size of sizes) {
  const file = join(dir, `${size}.json`);
  const snapshot = generateSnapshot(size);
  writeFileSync(file, JSON.stringify(snapshot));
  const bytes = statSync(file).size;
  for (const format of formats) {
    const out = join(dir, `out.${format}`);
    const usage = join(dir, 'rusage.json');
    rmSync(usage, { force: true });
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [`${ROOT}bin/archscan.js`, 'scan', '--snapshot', file, '--format', format, '--output', out, '--quiet'], {
      env: { ...process.env, ARCHSCAN_RUSAGE_FILE: usage },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    let cpu = NaN;
    let rss = NaN;
    try {
      const u = JSON.parse(readFileSync(usage, 'utf8'));
      cpu = (u.userCPUTime + u.systemCPUTime) / 1e6;
      rss = u.maxRSS / 1024;
    } catch {}
    let outBytes = 0;
    try {
      outBytes = statSync(out).size;
    } catch {}
    const crashed = ![0, 1, 3].includes(run.status);
    rows.push({ size, format, wall, cpu, rss, outBytes, code: run.status, snapshotBytes: bytes, error: crashed ? (run.stderr || '').split('\n').slice(0, 2).join(' ') : '' });
    const r = rows.at(-1);
    console.log(
      `${String(size).padStart(7)} ${format.padEnd(9)} wall ${wall.toFixed(2).padStart(6)} s  cpu ${cpu.toFixed(2).padStart(6)} s  peak rss ${rss.toFixed(0).padStart(5)} MiB  ` +
        `${Math.round(size / wall).toString().padStart(7)} res/s  out ${(outBytes / 2 ** 20).toFixed(1).padStart(7)} MiB  exit ${run.status}${r.error ? `  CRASH ${r.error}` : ''}`,
    );
  }
  rmSync(file, { force: true });
}
for (const format of formats) {
  const a = rows.find((r) => r.size === 10000 && r.format === format);
  const b = rows.find((r) => r.size === 100000 && r.format === format);
  if (a && b) console.log(`10k -> 100k ${format}: wall x${(b.wall / a.wall).toFixed(1)}, cpu x${(b.cpu / a.cpu).toFixed(1)}`);
}
