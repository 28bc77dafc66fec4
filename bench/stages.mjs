// Where the time of one in-process scan goes, stage by stage, on a generated
// 100k-resource account (npm run bench -- runs it after the CLI table).
import { performance } from 'node:perf_hooks';
import { assess } from '../dist/assess/assess.js';
import { buildInventory } from '../dist/inventory/build.js';
import { renderJson } from '../dist/reporters/json.js';
import { loadBuiltinRuleSets } from '../dist/rules/load.js';
import { parseSnapshot } from '../dist/snapshot/read.js';
import { generateSnapshot } from './generate.mjs';

const total = Number(process.env.BENCH_STAGES ?? 100_000);
const text = JSON.stringify(generateSnapshot(total));
const mb = () => (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0);
globalThis.gc?.();
console.log(`stages: ${total} resources, ${(text.length / 2 ** 20).toFixed(1)} MiB snapshot JSON`);
let t = performance.now();
const stage = (name) => {
  const now = performance.now();
  console.log(`  ${name.padEnd(34)} ${(now - t).toFixed(0).padStart(6)} ms   heap ${mb()} MiB`);
  t = now;
};
const parsed = parseSnapshot(text, 'bench.json');
stage('parse + envelope + duplicate keys');
const inv = buildInventory(parsed);
stage(`inventory (${inv.byArn.size} resources)`);
const a = assess(parsed, inv, loadBuiltinRuleSets(), 'bench');
stage(`checks + assessment (${a.evaluations.reduce((n, e) => n + e.results.length, 0)} results)`);
const out = renderJson(a, { color: false });
let bytes = 0;
for (const chunk of out.chunks()) bytes += chunk.length;
stage(`json report (${(bytes / 2 ** 20).toFixed(1)} MiB)`);
console.log(`  peak rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
