import { readFileSync } from 'node:fs';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import type { Assessment } from '../../src/assess/types.js';
import { buildInventory } from '../../src/inventory/build.js';
import { renderSarif, FINGERPRINT_KEY, GITHUB_LIMITS } from '../../src/reporters/sarif.js';
import { loadBuiltinRuleSets } from '../../src/rules/load.js';
import { parseSnapshot } from '../../src/snapshot/read.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { fixture } from '../helpers/cli.js';
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
    expect(run.automationDetails?.id).toMatch(/^archscan\/\d{12}\/[a-z0-9+-]+\/$/);
    const rules = run.tool.driver.rules!;
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.shortDescription?.text, rule.id).toBeTruthy();
      expect(rule.fullDescription?.text, rule.id).toBeTruthy();
      expect(rule.help?.text, rule.id).toBeTruthy();
      expect(rule.help?.markdown, rule.id).toBeTruthy();
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
      for (const t of r.taxa!) expect(run.taxonomies![t.toolComponent!.index!]!.taxa![t.index!]!.id).toBe(t.id);
    }
  });

  it('has one result per failing (check, resource), and fingerprints are unique', () => {
    const ids = run.results!.map((r) => `${r.ruleId} ${r.locations![0]!.logicalLocations![0]!.fullyQualifiedName}`);
    expect(new Set(ids).size).toBe(ids.length);
    const prints = run.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]);
    expect(new Set(prints).size).toBe(prints.length);
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

describe('SARIF limits', () => {
  it('keeps the 25,000 most severe results and warns when a scan has more', () => {
    const snap = readFixture('baseline-compliant');
    const groups = Array.from({ length: GITHUB_LIMITS.resultsPerRun + 10 }, (_, i) => ({
      GroupId: `sg-${String(i).padStart(17, '0')}`,
      GroupName: `open-${i}`,
      VpcId: 'vpc-1',
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 8443, ToPort: 8443, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
      IpPermissionsEgress: [],
    }));
    snap.regions['ap-south-1']!.calls['ec2:DescribeSecurityGroups'] = { SecurityGroups: groups };
    const rendered = renderSarif(assessSnapshot(snap), { color: false });
    const run = (JSON.parse(rendered.text) as Log).runs[0]!;
    expect(run.results).toHaveLength(GITHUB_LIMITS.resultsPerRun);
    expect(run.properties?.['truncated']).toEqual({ kept: 25_000, total: 25_010 });
    expect(rendered.warnings).toEqual([
      'SARIF holds 25000 of 25010 failing results (GitHub accepts 25000 results and 10 MB gzipped per run); the least severe were cut. Use --format json for all of them.',
    ]);
  });
});
