/**
 * The full mutation sweep (issue 10): every mutation of every value under
 * calls and perResource of every fixture, judged against the contract in
 * test/robustness/mutations.ts. `npm test` runs a fixed sample of it.
 *
 *   npm run fuzz                       # all fixtures, two workers
 *   npm run fuzz -- --fixture NAME     # one fixture, in this process
 *
 * Prints, per fixture, the paths and mutations tried and the outcome counts;
 * exits 1 on any violation or escaped exception.
 */
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadBuiltinRuleSets } from '../src/rules/load.js';
import { parseSnapshot } from '../src/snapshot/read.js';
import { judge, mutationsOf, scan, type Verdict } from '../test/robustness/mutations.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIXTURES = readdirSync(`${ROOT}fixtures`).filter((f) => f.endsWith('.planted.yaml')).map((f) => f.replace('.planted.yaml', '')).sort();

interface Summary {
  fixture: string;
  paths: number;
  mutations: number;
  counts: Record<Verdict['kind'], number>;
  problems: string[];
  seconds: number;
}

function sweep(fixture: string): Summary {
  const start = Date.now();
  const snapshot = parseSnapshot(readFileSync(`${ROOT}fixtures/${fixture}.json`, 'utf8'), fixture);
  const rules = loadBuiltinRuleSets();
  const baseline = scan(snapshot, rules);
  const mutations = mutationsOf(snapshot);
  const counts: Summary['counts'] = { rejected: 0, unchanged: 0, errors: 0, 'plausible-change': 0, violation: 0, escape: 0 };
  const problems: string[] = [];
  for (const m of mutations) {
    const v = judge(snapshot, baseline, m, rules);
    counts[v.kind]++;
    if (v.kind === 'violation') problems.push(`${m.kind} /${m.path.join('/')}: ${v.details.slice(0, 3).join('; ')}`);
    if (v.kind === 'escape') problems.push(`${m.kind} /${m.path.join('/')}: ESCAPED ${v.error.split('\n').slice(0, 3).join(' | ')}`);
  }
  return { fixture, paths: new Set(mutations.map((m) => m.path.join('/'))).size, mutations: mutations.length, counts, problems, seconds: (Date.now() - start) / 1000 };
}

function print(s: Summary): void {
  const c = s.counts;
  process.stdout.write(
    `${s.fixture}: ${s.paths} paths, ${s.mutations} mutations in ${s.seconds.toFixed(0)} s — unchanged ${c.unchanged}, changed to error naming the path ${c.errors}, ` +
      `plausible change ${c['plausible-change']}, rejected (exit 2) ${c.rejected}, violations ${c.violation}, escapes ${c.escape}\n`,
  );
  const shown = Number(process.env['ARCHSCAN_FUZZ_SHOW'] ?? 40);
  for (const p of s.problems.slice(0, shown)) process.stdout.write(`  ${p}\n`);
  if (s.problems.length > shown) process.stdout.write(`  ... ${s.problems.length - shown} more\n`);
}

const args = process.argv.slice(2);
const one = args.indexOf('--fixture');
if (one >= 0) {
  const s = sweep(args[one + 1]!);
  if (process.send) process.send(s);
  else print(s);
  if (s.problems.length > 0) process.exitCode = 1;
} else if (process.env['ARCHSCAN_FUZZ'] === '1') {
  // The parent: the fixtures over at most two workers, results printed in fixture order.
  const queue = [...FIXTURES];
  const results: Summary[] = [];
  const workers = Math.max(1, Math.min(2, cpus().length));
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        const fixture = f;
        results.push(
          await new Promise<Summary>((resolve, reject) => {
            const child = fork(fileURLToPath(import.meta.url), ['--', '--fixture', fixture], { execPath: `${ROOT}node_modules/.bin/vite-node`, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
            child.on('message', (m) => resolve(m as Summary));
            child.on('exit', (code) => code !== 0 && code !== 1 && reject(new Error(`${fixture}: worker exited ${code}`)));
          }),
        );
      }
    }),
  );
  results.sort((a, b) => (a.fixture < b.fixture ? -1 : 1));
  for (const s of results) print(s);
  const total = results.reduce((n, s) => n + s.mutations, 0);
  const bad = results.reduce((n, s) => n + s.counts.violation + s.counts.escape, 0);
  process.stdout.write(`total: ${results.reduce((n, s) => n + s.paths, 0)} paths, ${total} mutations, ${bad} violations or escapes\n`);
  if (bad > 0) process.exitCode = 1;
}
