import { readFileSync } from 'node:fs';
import { loadBuiltinRuleSets } from '../src/rules/load.js';
import { parseSnapshot } from '../src/snapshot/read.js';
import { apply, scan } from '../test/robustness/mutations.js';
const s = parseSnapshot(readFileSync('fixtures/microfinance.json', 'utf8'), 'x');
const m = { path: ['global', 'calls', 's3:ListBuckets', 'Buckets', 2], kind: 'null' as const, value: null };
const a = scan(apply(s, m), loadBuiltinRuleSets());
const e = a.evaluations.find((x) => x.checkId === 'region-data-residency')!;
console.log(e.results.slice(0, 3).map((r) => [r.resource.arn, r.status, JSON.stringify(r.evidence).slice(0, 300)]));
