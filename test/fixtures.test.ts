/**
 * The fixtures are the acceptance test of the whole pipeline: for each, the
 * failing and error (check, resource) pairs equal the hand-written planted
 * list exactly, and the JSON report equals its golden file byte for byte.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assess } from '../src/assess/assess.js';
import type { Assessment } from '../src/assess/types.js';
import { CHECKS } from '../src/checks/index.js';
import type { AnyCheck } from '../src/checks/types.js';
import { buildInventory } from '../src/inventory/build.js';
import { renderJson } from '../src/reporters/json.js';
import { loadBuiltinRuleSets } from '../src/rules/load.js';
import { readSnapshot } from '../src/snapshot/read.js';
import { ROOT } from './helpers/cli.js';

interface Planted {
  fixture: string;
  account: string;
  failures: { check: string; resource: string; why: string }[];
  errors?: { check: string; resource: string; why: string }[];
}

const DIR = `${ROOT}fixtures/`;
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.planted.yaml'))
  .map((f) => f.replace(/\.planted\.yaml$/, ''))
  .sort();

const pairs = (a: Assessment, status: string) =>
  [...new Set(a.evaluations.flatMap((e) => e.results.filter((r) => r.status === status).map((r) => `${r.checkId} ${r.resource.arn}`)))].sort();
const plantedPairs = (list: { check: string; resource: string }[] | undefined) => [...new Set((list ?? []).map((p) => `${p.check} ${p.resource}`))].sort();

async function scan(name: string): Promise<Assessment> {
  const file = `${DIR}${name}.json`;
  const snapshot = await readSnapshot(file);
  return assess(snapshot, buildInventory(snapshot), loadBuiltinRuleSets(), '0.1.0');
}

describe('fixtures', () => {
  it('are the compliant baseline and the five seed systems', () => {
    expect(names).toEqual(['baseline-compliant', 'clubshop-ecommerce', 'digital-asset-exchange', 'giftcard-issuer', 'microfinance', 'payments-group']);
  });

  describe.each(names)('%s', (name) => {
    const planted = parse(readFileSync(`${DIR}${name}.planted.yaml`, 'utf8')) as Planted;

    it('fails exactly the planted (check, resource) pairs', async () => {
      const a = await scan(name);
      expect(a.snapshot.accountId).toBe(planted.account);
      expect(pairs(a, 'fail')).toEqual(plantedPairs(planted.failures));
    });

    it('errors exactly on the planted pairs', async () => {
      expect(pairs(await scan(name), 'error')).toEqual(plantedPairs(planted.errors));
    });

    it('gives every planted pair a reason', () => {
      for (const p of [...planted.failures, ...(planted.errors ?? [])]) expect(p.why.length, `${p.check} ${p.resource}`).toBeGreaterThan(15);
    });

    it('reproduces its golden JSON report byte for byte', async () => {
      const golden = `${DIR}${name}.report.json`;
      expect(existsSync(golden), `${golden} missing: run npm run golden`).toBe(true);
      expect(renderJson(await scan(name), { color: false }).text).toBe(readFileSync(golden, 'utf8'));
    });
  });

  // TODO(data-path): ec2-cde-egress-restricted never passes or fails in a fixture: no fixture tags a
  // cardholder-data tier (Tier=cde|cardholder-data|pci). Plant a tagged CDE subnet (one group with egress to
  // 0.0.0.0/0, one restricted) in a fixture snapshot, then remove it from this list.
  const NOT_YET_PLANTED = new Set(['ec2-cde-egress-restricted']);

  it('make every check pass somewhere and fail somewhere', async () => {
    const passed = new Set<string>();
    const failed = new Set<string>();
    for (const name of names) {
      const a = await scan(name);
      for (const e of a.evaluations) {
        if (e.counts.pass > 0) passed.add(e.checkId);
        if (e.counts.fail > 0) failed.add(e.checkId);
      }
    }
    // Drift checks run only with an architecture profile: test/reach/fixtures.test.ts holds the seeds against theirs.
    const all = Object.entries(CHECKS as Record<string, AnyCheck>)
      .filter(([id, check]) => !NOT_YET_PLANTED.has(id) && check.needsArchitecture !== true)
      .map(([id]) => id)
      .sort();
    for (const id of NOT_YET_PLANTED) {
      // When a fixture starts exercising it, this fails: take it off the list.
      expect(passed.has(id) && failed.has(id), `${id} is exercised now: remove it from NOT_YET_PLANTED`).toBe(false);
      passed.delete(id);
      failed.delete(id);
    }
    expect([...passed].sort()).toEqual(all);
    expect([...failed].sort()).toEqual(all);
  });

  it('leave the baseline with no failure and no error', async () => {
    const a = await scan('baseline-compliant');
    expect(a.evaluations.reduce((n, e) => n + e.counts.fail + e.counts.error, 0)).toBe(0);
    expect(a.frameworks.map((f) => f.score)).toEqual([100, 100, 100, 100, 100]);
  });
});
