import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import type { Assessment } from '../../src/assess/types.js';
import { buildInventory } from '../../src/inventory/build.js';
import { CHECKS } from '../../src/checks/index.js';
import { renderSarif, DOCS_URI, FINGERPRINT_KEY, GITHUB_LIMITS } from '../../src/reporters/sarif.js';
import { loadBuiltinRuleSets } from '../../src/rules/load.js';
import { parseSnapshot } from '../../src/snapshot/read.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { fixture, ROOT } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif.js';

const FIXTURES = ['baseline-compliant', 'giftcard-issuer', 'microfinance', 'clubshop-ecommerce', 'digital-asset-exchange', 'payments-group'];
const ruleSets = loadBuiltinRuleSets();

function assessSnapshot(snapshot: Snapshot): Assessment {
  return assess(snapshot, buildInventory(snapshot), ruleSets, '0.1.0');
}
const readFixture = (name: string) => parseSnapshot(readFileSync(fixture(`${name}.json`), 'utf8'), name) ;
const sarifOf = (a: Assessment) => JSON.parse(renderSarif(a, { color: false }).text) as Log;

describe.each(FIXTURES)('SARIF of %s', (name) => {
  const log = sarifOf(assessSnapshot(readFixture(name)));
  const run = log.runs[0]!;

  it('validates against the official OASIS SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('meets GitHub code scanning ingestion rules', () => {
    expect(log.$schema).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
    expect(log.runs.length).toBeLessThanOrEqual(20);
    // One category per account, whatever --framework chose.
    expect(run.automationDetails?.id).toBe(`archscan/${run.properties!['account'] as string}/`);
    const rules = run.tool.driver.rules!;
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.shortDescription?.text, rule.id).toBeTruthy();
      expect(rule.fullDescription?.text, rule.id).toBeTruthy();
      expect(rule.help?.text, rule.id).toBeTruthy();
      expect(rule.help?.markdown, rule.id).toBeTruthy();
      expect(rule.helpUri, rule.id).toBe(`${DOCS_URI}#${rule.id}`);
      const sev = Number(rule.properties?.['security-severity']);
      expect(typeof rule.properties?.['security-severity']).toBe('string');
      expect(sev >= 0 && sev <= 10, rule.id).toBe(true);
      expect((rule.properties?.['tags'] as string[]).length).toBeLessThanOrEqual(GITHUB_LIMITS.tagsPerRule);
    }
    const ruleIds = new Set(rules.map((r) => r.id));
    expect(run.results!.length).toBeLessThanOrEqual(GITHUB_LIMITS.resultsPerRun);
    for (const r of run.results!) {
      expect(r.message.text).toBeTruthy();
      expect(ruleIds.has(r.ruleId!)).toBe(true);
      expect(rules[r.ruleIndex!]?.id).toBe(r.ruleId);
      const loc = r.locations![0]!.physicalLocation!;
      const uri = loc.artifactLocation!.uri!;
      expect(uri).toMatch(/^aws\/\d{12}\/[a-z0-9-]+\/[a-z0-9]+\/[a-z-]+\/[^/]+$/);
      expect(uri).not.toMatch(/^[a-z]+:/); // relative, never an ARN or other scheme
      expect(loc.region!.startLine).toBeGreaterThanOrEqual(1);
      expect(r.locations![0]!.logicalLocations![0]!.fullyQualifiedName).toMatch(/^arn:aws:/);
      expect(r.partialFingerprints![FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}$/);
      // codeql-action's shape (src/fingerprints.ts): hex hash, colon, occurrence.
      expect(r.partialFingerprints!['primaryLocationLineHash']).toBe(`${r.partialFingerprints![FINGERPRINT_KEY]!.slice(0, 16)}:1`);
      for (const t of r.taxa!) expect(run.taxonomies![t.toolComponent!.index!]!.taxa![t.index!]!.id).toBe(t.id);
    }
  });

  it('has one result per failing (check, resource), and fingerprints are unique', () => {
    const ids = run.results!.map((r) => `${r.ruleId} ${r.locations![0]!.logicalLocations![0]!.fullyQualifiedName}`);
    expect(new Set(ids).size).toBe(ids.length);
    const prints = run.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]);
    expect(new Set(prints).size).toBe(prints.length);
    const lineHashes = run.results!.map((r) => r.partialFingerprints!['primaryLocationLineHash']);
    expect(new Set(lineHashes).size).toBe(lineHashes.length);
  });
});

describe('SARIF fingerprints', () => {
  it('stay identical for every other result when one unrelated resource changes', () => {
    const base = readFixture('giftcard-issuer');
    const changed = structuredClone(base);
    // Encrypt nothing new, break one thing: an unrelated, previously encrypted volume loses encryption.
    const volumes = (changed.regions['ap-south-1']!.calls['ec2:DescribeVolumes'] as { Volumes: { VolumeId: string; Encrypted: boolean }[] }).Volumes;
    const target = volumes.find((v) => v.Encrypted)!;
    target.Encrypted = false;

    const key = (r: Result) => `${r.ruleId} ${r.locations![0]!.logicalLocations![0]!.fullyQualifiedName}`;
    const before = new Map(sarifOf(assessSnapshot(base)).runs[0]!.results!.map((r) => [key(r), r.partialFingerprints![FINGERPRINT_KEY]]));
    const after = new Map(sarifOf(assessSnapshot(changed)).runs[0]!.results!.map((r) => [key(r), r.partialFingerprints![FINGERPRINT_KEY]]));
    expect(after.size).toBe(before.size + 1);
    for (const [k, print] of before) expect(after.get(k), k).toBe(print);
    expect([...after.keys()].filter((k) => !before.has(k))).toEqual([`ebs-volume-encrypted arn:aws:ec2:ap-south-1:100000000002:volume/${target.VolumeId}`]);
  });
});

describe('SARIF of an incomplete scan', () => {
  it('marks the run unsuccessful and reports errors as notifications, not results', () => {
    const snap = readFixture('giftcard-issuer');
    delete snap.regions['ap-south-1']!.calls['guardduty:ListDetectors'];
    snap.errors.push({ service: 'guardduty', operation: 'ListDetectors', region: 'ap-south-1', code: 'AccessDeniedException', message: 'not authorized' });
    const run = sarifOf(assessSnapshot(snap)).runs[0]!;
    const inv = run.invocations![0]!;
    expect(inv.executionSuccessful).toBe(false);
    const texts = inv.toolExecutionNotifications!.map((n) => n.message.text ?? '');
    expect(texts).toContain('guardduty:ListDetectors failed in ap-south-1: AccessDeniedException (missing permission guardduty:ListDetectors)');
    expect(texts.some((t) => t.startsWith('guardduty-enabled could not decide arn:aws:guardduty:ap-south-1:100000000002:detector'))).toBe(true);
    expect(run.results!.some((r) => r.ruleId === 'guardduty-enabled')).toBe(false);
  });
});

describe('SARIF category and fingerprints across --framework choices', () => {
  const snap = readFixture('payments-group');
  const all = sarifOf(assessSnapshot(snap)).runs[0]!;
  const pci = sarifOf(assess(snap, buildInventory(snap), ruleSets.filter((r) => r.id === 'pci-dss-v4'), '0.1.0')).runs[0]!;
  const key = (r: Result) => `${r.ruleId} ${r.locations![0]!.logicalLocations![0]!.fullyQualifiedName}`;

  it('share one category, so changing --framework neither duplicates nor closes alerts', () => {
    expect(all.automationDetails).toEqual({ id: 'archscan/100000000006/' });
    expect(pci.automationDetails).toEqual(all.automationDetails);
  });

  it('give the same finding the same fingerprints in both runs', () => {
    const byKey = new Map(all.results!.map((r) => [key(r), r.partialFingerprints]));
    expect(pci.results!.length).toBeGreaterThan(10);
    expect(pci.results!.length).toBeLessThan(all.results!.length);
    for (const r of pci.results!) expect(r.partialFingerprints, key(r)).toEqual(byKey.get(key(r)));
  });

  it('take a category from the CLI, or leave it out for the upload action', () => {
    const a = assessSnapshot(snap);
    const own = JSON.parse(renderSarif(a, { color: false, sarifCategory: 'aws/prod' }).text) as Log;
    expect(own.runs[0]!.automationDetails).toEqual({ id: 'aws/prod/' });
    const none = JSON.parse(renderSarif(a, { color: false, sarifCategory: false }).text) as Log;
    expect(none.runs[0]!.automationDetails).toBeUndefined();
    expect(sarifValidator()(none)).toBe(true);
  });
});

describe('SARIF rule help', () => {
  it('links every check to an anchor that exists in docs/checks.md', () => {
    const docs = readFileSync(`${ROOT}docs/checks.md`, 'utf8');
    const anchors = new Set([...docs.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
    const missing = Object.keys(CHECKS).filter((id) => !anchors.has(id));
    expect(missing, 'run npm run coverage (scripts/check-index.mjs)').toEqual([]);
    const rules = sarifOf(assessSnapshot(readFixture('payments-group'))).runs[0]!.tool.driver.rules!;
    for (const rule of rules) expect(anchors.has(new URL(rule.helpUri!).hash.slice(1)), rule.id).toBe(true);
  });
});

/**
 * A large account built in memory: `n` copies of one failing result of the
 * fixture (each its own resource), added to that result's evaluation, so the
 * controls, rules and taxa stay those of the fixture. `pad` adds evidence
 * that does not compress (a seeded generator) to reach the size limit.
 */
function largeAssessment(n: number, severity: 'low' | 'high', pad = 0): { a: Assessment; before: Record<string, number> } {
  const a = assessSnapshot(readFixture('payments-group'));
  const ev = a.evaluations.find((e) => e.severity === severity && e.results.some((r) => r.status === 'fail'))!;
  const model = ev.results.find((r) => r.status === 'fail')!;
  const before = { critical: 0, high: 0, medium: 0, low: 0 } as Record<string, number>;
  const seen = new Set<string>();
  for (const e of a.evaluations) for (const r of e.results) if (r.status === 'fail' && !seen.has(`${e.checkId}\n${r.resource.arn}`)) {
    seen.add(`${e.checkId}\n${r.resource.arn}`);
    before[e.severity]!++;
  }
  let seed = 42;
  const noise = (len: number) => {
    let out = '';
    for (let i = 0; i < len; i++) {
      // 32-bit LCG (Math.imul keeps every bit; a float product would not): 6 bits a character.
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      out += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[seed >>> 26];
    }
    return out;
  };
  for (let i = 0; i < n; i++) {
    const id = `clone-${String(i).padStart(6, '0')}`;
    ev.results.push({
      ...model,
      resource: { ...model.resource, id, arn: `${model.resource.arn}-${id}` },
      evidence: pad > 0 ? { ...model.evidence, blob: noise(pad) } : model.evidence,
    });
  }
  before[severity]! += n;
  return { a, before };
}

describe('SARIF at GitHub limits (generated large assessments)', () => {
  it('30k failing results: keeps the 25,000 most severe, says what it cut and what GitHub will not show', () => {
    const { a, before } = largeAssessment(30_000, 'low');
    const total = before['critical']! + before['high']! + before['medium']! + before['low']!;
    const started = performance.now();
    const out = renderSarif(a, { color: false });
    const text = out.text;
    const ms = performance.now() - started;
    const log = JSON.parse(text) as Log;
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(25_000);
    // Least severe first: every critical, high and medium result is kept, the cut are all low.
    const cutLow = total - 25_000;
    expect(run.properties?.['truncated']).toEqual({ kept: 25_000, total, cut: { critical: 0, high: 0, medium: 0, low: cutLow } });
    const shownCut = { critical: 0, high: 0, medium: 0, low: 20_000 };
    expect(run.properties?.['githubShows']).toEqual({ shown: 5_000, stored: 25_000, notShown: shownCut });
    expect(out.warnings).toEqual([
      `SARIF holds 25000 of ${total} failing results: GitHub accepts at most 25,000 results per run; cut ${cutLow}, least severe first (${cutLow} low; run property "truncated"). ` +
        'Every result is in --format json; or scan fewer regions per job, each with its own --sarif-category (docs/ci.md).',
      'GitHub code scanning keeps only the 5,000 most severe results of a run: 20000 of the 25000 in this SARIF will not be shown (20000 low; run property "githubShows").',
    ]);
    const severities = run.results!.map((r) => r.level);
    expect(severities.lastIndexOf('error')).toBeLessThan(severities.indexOf('note'));
    expect(gzipSync(text).length).toBeLessThanOrEqual(GITHUB_LIMITS.gzippedBytes);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(ms).toBeLessThan(20_000);
  }, 120_000);

  it('6k failing results: all kept, with a warning and a run property for the 1,000+ GitHub will not show', () => {
    const { a, before } = largeAssessment(6_000, 'high');
    const total = before['critical']! + before['high']! + before['medium']! + before['low']!;
    const out = renderSarif(a, { color: false });
    const log = JSON.parse(out.text) as Log;
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(total);
    expect(run.properties?.['truncated']).toBeUndefined();
    // Sorted critical, high, medium, low: what GitHub drops past 5,000 is the tail.
    const notShown = { critical: 0, high: 0, medium: before['medium']!, low: before['low']! };
    notShown.high = total - 5_000 - notShown.medium - notShown.low;
    expect(run.properties?.['githubShows']).toEqual({ shown: 5_000, stored: total, notShown });
    const parts = (['high', 'medium', 'low'] as const).filter((s) => notShown[s] > 0).map((s) => `${notShown[s]} ${s}`).join(', ');
    expect(out.warnings).toEqual([
      `GitHub code scanning keeps only the 5,000 most severe results of a run: ${total - 5_000} of the ${total} in this SARIF will not be shown (${parts}; run property "githubShows").`,
    ]);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  }, 120_000);

  it('past 10 MB gzipped: cuts to fit, close to the limit, and says so', () => {
    const { a, before } = largeAssessment(9_000, 'high', 1_600);
    const total = before['critical']! + before['high']! + before['medium']! + before['low']!;
    const out = renderSarif(a, { color: false });
    const text = out.text;
    const size = gzipSync(text).length;
    expect(size).toBeLessThanOrEqual(GITHUB_LIMITS.gzippedBytes);
    expect(size).toBeGreaterThan(GITHUB_LIMITS.gzippedBytes * 0.97);
    const run = (JSON.parse(text) as Log).runs[0]!;
    const kept = run.results!.length;
    expect(kept).toBeLessThan(total);
    expect((run.properties?.['truncated'] as { kept: number }).kept).toBe(kept);
    expect(out.warnings[0]).toMatch(new RegExp(`^SARIF holds ${kept} of ${total} failing results: GitHub accepts at most 10 MB gzipped per upload; cut ${total - kept}, least severe first \\(`));
    // The chunks are the text: what the CLI writes is what was measured.
    expect([...out.chunks()].join('')).toBe(text);
  }, 120_000);
});
