/**
 * Replays each fixture account through mocked AWS clients and reports, per
 * region, how many API calls a collection sends, and the wall time of the
 * collection. Figures only; no assertion on time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { it } from 'vitest';
import { collectSnapshot } from '../src/collect/collect.js';
import { DEFAULT_CONCURRENCY, defaultServiceConcurrency } from '../src/collect/limits.js';
import { parseSnapshot } from '../src/snapshot/read.js';
import { SERVICES } from '../src/services/registry.js';
import type { AnyServiceModule } from '../src/services/define.js';
import { fakeAccount, mockAccount } from '../test/helpers/mock-account.js';
import { accountOf } from '../test/helpers/mock-org.js';

it('collection: API calls per region and wall time, per fixture account', async () => {
  process.env['AWS_ACCESS_KEY_ID'] = 'AKIABENCHEXAMPLE0001';
  process.env['AWS_SECRET_ACCESS_KEY'] = 'bench-secret-not-real-000000000000000';
  const dir = new URL('../fixtures/', import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.report.json')).sort()) {
    const snapshot = parseSnapshot(readFileSync(new URL(file, dir), 'utf8'), file);
    const mocked = await mockAccount(accountOf(snapshot));
    const start = performance.now();
    await collectSnapshot({
      homeRegion: snapshot.metadata.regions[0] ?? 'us-east-1',
      concurrency: DEFAULT_CONCURRENCY,
      maxAttempts: 1,
      timeoutMs: 5000,
      now: new Date(),
      collectorVersion: 'bench',
    });
    const ms = performance.now() - start;
    mocked.restore();
    const perRegion = new Map<string, number>();
    for (const s of mocked.sent) perRegion.set(s.region, (perRegion.get(s.region) ?? 0) + 1);
    const counts = [...perRegion.entries()].sort().map(([r, n]) => `${r} ${n}`).join(', ');
    console.log(`${file.padEnd(30)} ${mocked.sent.length} calls (${counts}) in ${ms.toFixed(0)} ms`);
  }
});

/**
 * The longest chain of calls that must follow one another: the caller's
 * identity, then the enabled regions, then per module and scope the deepest
 * run of per-resource calls each waiting on the call that names their ids
 * (plus one for a module with a support call sent first, IAM's
 * GenerateCredentialReport before GetCredentialReport). Pages of a paginated
 * call would lengthen it; the fake answers in one page.
 */
function longestChain(modules: readonly AnyServiceModule[]): number {
  let deepest = 0;
  for (const m of modules) {
    const byKey = new Map<string, (typeof m.operations)[number]>(m.operations.map((op) => [op.key, op]));
    const depth = (key: string): number => {
      const op = byKey.get(key);
      return op?.perResource ? 1 + depth(op.perResource.from) : 1;
    };
    const support = m.operations.some((op) => op.support !== undefined) ? 1 : 0;
    for (const op of m.operations) if (op.support === undefined && op.plan === undefined) deepest = Math.max(deepest, depth(op.key) + support);
  }
  return 2 + deepest;
}

it('collection with 30 ms per request: requests, longest chain, wall against 1.3 x chain x latency + start-up', async () => {
  process.env['AWS_ACCESS_KEY_ID'] = 'AKIABENCHEXAMPLE0001';
  process.env['AWS_SECRET_ACCESS_KEY'] = 'bench-secret-not-real-000000000000000';
  // The CLI's defaults: what a user gets without flags.
  const concurrency = DEFAULT_CONCURRENCY;
  const options = { homeRegion: 'ap-south-1', concurrency, maxAttempts: 1, timeoutMs: 5000, now: new Date(), collectorVersion: 'bench' };
  const perServiceRegion = new Map<string, number>();
  const time = async (latencyMs: number) => {
    const mocked = await mockAccount(await fakeAccount(), SERVICES, { latencyMs });
    const start = performance.now();
    await collectSnapshot(options);
    const ms = performance.now() - start;
    mocked.restore();
    perServiceRegion.clear();
    for (const s of mocked.sent) {
      const k = `${s.key.slice(0, s.key.indexOf(':'))} ${s.region}`;
      perServiceRegion.set(k, (perServiceRegion.get(k) ?? 0) + 1);
    }
    return { ms, requests: mocked.sent.length };
  };
  // Median of five runs each: one run on a shared machine varies by tens of milliseconds.
  const median = async (latencyMs: number) => {
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await time(latencyMs));
    return runs.sort((a, b) => a.ms - b.ms)[2]!;
  };
  await time(0); // warm the module cache: start-up is the collector's own work, not loading the SDK
  const startup = await median(0);
  const LATENCY = 30;
  const slow = await median(LATENCY);
  const chain = longestChain(SERVICES);
  const target = 1.3 * chain * LATENCY + startup.ms;
  const busiest = [...perServiceRegion].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(
    `collection (fake account, 2 regions, --concurrency ${concurrency}, ${defaultServiceConcurrency(concurrency)} per service and region): ` +
      `${slow.requests} requests (most per service and region: ${busiest}), longest chain ${chain} calls, ` +
      `wall ${slow.ms.toFixed(0)} ms at ${LATENCY} ms per request; start-up ${startup.ms.toFixed(0)} ms (medians of 5 runs); ` +
      `target 1.3 x ${chain} x ${LATENCY} + start-up = ${target.toFixed(0)} ms: ${slow.ms <= target ? 'met' : 'missed'}`,
  );
});
