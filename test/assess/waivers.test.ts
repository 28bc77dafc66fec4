/**
 * Waivers on the gift-card issuer fixture: which failures they accept, in
 * which controls, what the score and the gate make of them, and how they
 * show in every report format.
 */
import { readFileSync } from 'node:fs';
import type { Log } from 'sarif';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import { gateExitCode } from '../../src/assess/gate.js';
import type { Assessment } from '../../src/assess/types.js';
import { buildInventory } from '../../src/inventory/build.js';
import { renderJson } from '../../src/reporters/json.js';
import { renderJunit } from '../../src/reporters/junit.js';
import { renderSarif } from '../../src/reporters/sarif.js';
import { renderText } from '../../src/reporters/text.js';
import { loadBuiltinRuleSets } from '../../src/rules/load.js';
import { parseWaivers, resourceMatches } from '../../src/rules/waivers.js';
import { validatorFor } from '../../src/schemas.js';
import { parseSnapshot } from '../../src/snapshot/read.js';
import { fixture, ROOT } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif.js';

const ruleSets = loadBuiltinRuleSets();
const snapshot = parseSnapshot(readFileSync(fixture('giftcard-issuer.json'), 'utf8'), 'giftcard-issuer');
const inventory = buildInventory(snapshot);
const EXAMPLE = readFileSync(`${ROOT}examples/waivers.yaml`, 'utf8');
const INSTANCE = 'arn:aws:ec2:ap-south-1:100000000002:instance/i-0ff75db29c00ffb43';
const TIER = 'arn:aws:ec2:ap-south-1:100000000002:subnet-tier/vpc-00e628555c443b92f/db';
const VENDOR = 'arn:aws:iam::100000000002:user/vendor/powerup-migration';

function scan(yamlText: string | undefined, asOf = '2026-11-23'): Assessment {
  const waivers = yamlText === undefined ? undefined : { waivers: parseWaivers(yamlText, 'waivers.yaml', ruleSets), asOf };
  return assess(snapshot, inventory, ruleSets, '0.1.0', waivers);
}
const framework = (a: Assessment, id: string) => a.frameworks.find((f) => f.id === id)!;
const control = (a: Assessment, fw: string, id: string) => framework(a, fw).controls.find((c) => c.id === id)!;
const result = (a: Assessment, checkId: string, arn: string) =>
  a.evaluations.find((e) => e.checkId === checkId)!.results.find((r) => r.resource.arn === arn)!;

const plain = scan(undefined);
const waived = scan(EXAMPLE);

describe('resource patterns', () => {
  it.each([
    ['arn:aws:ec2:ap-south-1:1:instance/i-1', 'arn:aws:ec2:ap-south-1:1:instance/i-1', true],
    ['arn:aws:ec2:ap-south-1:1:instance/i-1', 'arn:aws:ec2:ap-south-1:1:instance/i-12', false],
    ['arn:aws:ec2:*:1:instance/*', 'arn:aws:ec2:ap-south-2:1:instance/i-9', true],
    ['arn:aws:ec2:*:1:instance/*', 'arn:aws:ec2:ap-south-2:1:volume/vol-9', false],
    ['arn:aws:iam::1:user/svc-?', 'arn:aws:iam::1:user/svc-a', true],
    ['arn:aws:iam::1:user/svc-?', 'arn:aws:iam::1:user/svc-ab', false],
    // Regex metacharacters in an ARN are literal.
    ['arn:aws:s3:::logs.bucket+1', 'arn:aws:s3:::logsXbucket+1', false],
  ])('%s matches %s: %s', (pattern, arn, expected) => {
    expect(resourceMatches(pattern, arn)).toBe(expected);
  });
});

describe('applying the example waivers to the gift-card issuer', () => {
  it('reports each waiver with its state as of the given day', () => {
    expect(waived.waivers!.asOf).toBe('2026-11-23');
    expect(waived.waivers!.entries.map((w) => [w.ref, w.state, w.matched])).toEqual([
      ['RA-2026-014', 'active', 9],
      ['RA-2026-021', 'active', 3],
      ['RA-2026-003', 'expired', 1],
      ['RA-2026-009', 'stale', 0],
    ]);
  });

  it('a check waiver accepts the failure in every control, keeping its evidence', () => {
    const r = result(waived, 'ec2-imdsv2-required', INSTANCE);
    expect(r.status).toBe('fail');
    expect(r.evidence).toEqual(result(plain, 'ec2-imdsv2-required', INSTANCE).evidence);
    expect(r.waiver).toEqual({ refs: ['RA-2026-014'], everywhere: true });
    expect(waived.evaluations.find((e) => e.checkId === 'ec2-imdsv2-required')!.waived).toBe(9);
  });

  it('a control waiver accepts the failure only in that control', () => {
    const wa = control(waived, 'aws-well-architected', 'REL10-BP01');
    expect(wa.waivedResults).toContainEqual({ evaluation: 'vpc-subnet-tiers-multi-az', arn: TIER, waiver: 'RA-2026-021' });
    expect(wa.waived).toBe(3);
    expect(result(waived, 'vpc-subnet-tiers-multi-az', TIER).waiver).toEqual({ refs: ['RA-2026-021'], everywhere: false });
    // The same result still fails the MAS and RBI controls it evidences, and the gate.
    const mas = framework(waived, 'mas-trm').controls.filter((c) => c.evaluations.includes('vpc-subnet-tiers-multi-az'));
    expect(mas.length).toBeGreaterThan(0);
    for (const c of mas) expect(c.waivedResults.filter((w) => w.arn === TIER)).toEqual([]);
    expect(waived.evaluations.find((e) => e.checkId === 'vpc-subnet-tiers-multi-az')!.waived).toBe(0);
  });

  it('a control whose only failures are waived no longer fails, and its score leaves them out', () => {
    // CIS 6.7 (IMDSv2) takes only the waived check; WA SEC06-BP01 also takes patch and Inspector results, which still fail.
    const before = control(plain, 'cis-aws-foundations', '6.7');
    const after = control(waived, 'cis-aws-foundations', '6.7');
    expect(control(waived, 'aws-well-architected', 'SEC06-BP01').status).toBe('fail');
    expect(before.status).toBe('fail');
    expect(after.status).toBe('pass');
    expect(after.counts.fail).toBe(before.counts.fail - 9);
    expect(after.waived).toBe(9);
    expect(after.score).toBe(100);
    expect(after.scoreCountingWaived).toBe(before.score);
  });

  it('framework scores leave waived results out and show what they would cost', () => {
    for (const id of ['aws-well-architected', 'cis-aws-foundations', 'mas-trm']) {
      const f = framework(waived, id);
      expect(f.waived, id).toBe(9);
      expect(f.scoreCountingWaived, id).toBe(framework(plain, id).score);
      expect(f.score!, id).toBeGreaterThan(f.scoreCountingWaived!);
      expect(f.counts.fail, id).toBe(framework(plain, id).counts.fail - 9);
    }
    // PCI and RBI use none of the waived checks (RBI's patch control no longer takes IMDSv2 as evidence).
    for (const id of ['pci-dss-v4', 'rbi-pso-ppi']) {
      expect(framework(waived, id).waived, id).toBe(0);
      expect(framework(waived, id).score, id).toBe(framework(plain, id).score);
    }
  });

  it('the gate ignores failures waived everywhere, and only those', () => {
    const count = (a: Assessment) => Number(/^(\d+) failing/.exec(gateExitCode(a, { failOn: 'low' }).reasons[0]!)![1]);
    expect(count(plain) - count(waived)).toBe(9);
    expect(gateExitCode(waived, { failOn: 'low' }).exitCode).toBe(1);
  });

  it('an expired waiver stops applying: the failure is back', () => {
    expect(result(waived, 'iam-access-keys-rotated', VENDOR).waiver).toBeUndefined();
    expect(result(waived, 'iam-access-keys-rotated', VENDOR).status).toBe('fail');
  });
});

describe('scope', () => {
  it('a waiver whose check or control is in no selected framework is out of scope, not stale', () => {
    const pci = ruleSets.filter((r) => r.id === 'pci-dss-v4');
    const a = assess(snapshot, inventory, pci, '0.1.0', { waivers: parseWaivers(EXAMPLE, 'waivers.yaml', ruleSets), asOf: '2026-11-23' });
    expect(a.waivers!.entries.map((w) => [w.ref, w.state, w.matched])).toEqual([
      ['RA-2026-014', 'out_of_scope', 0], // ec2-imdsv2-required: no PCI control uses it
      ['RA-2026-021', 'out_of_scope', 0], // a Well-Architected control
      ['RA-2026-003', 'expired', 1],
      ['RA-2026-009', 'stale', 0], // ebs-volume-encrypted is in PCI; the volume does not fail
    ]);
    expect(renderText(a, { color: false, verbose: true }).text).toMatch(/OUT OF SCOPE RA-2026-014/);
  });
});

describe('expiry', () => {
  const one = (expires: string) => `waivers:
  - check: ec2-imdsv2-required
    resource: "${INSTANCE}"
    reason: Vendor AMI awaiting upgrade.
    approver: CISO
    expires: ${expires}
`;
  it('applies through its last day and not a day after', () => {
    expect(scan(one('2026-11-23'), '2026-11-23').waivers!.entries[0]!.state).toBe('active');
    expect(result(scan(one('2026-11-23'), '2026-11-23'), 'ec2-imdsv2-required', INSTANCE).waiver?.everywhere).toBe(true);
    const late = scan(one('2026-11-23'), '2026-11-24');
    expect(late.waivers!.entries[0]).toMatchObject({ state: 'expired', matched: 1 });
    expect(result(late, 'ec2-imdsv2-required', INSTANCE).waiver).toBeUndefined();
  });

  it('an expired waiver that would match nothing is still reported expired, not stale', () => {
    const text = one('2025-01-01').replace(INSTANCE, 'arn:aws:ec2:ap-south-1:100000000002:instance/i-gone');
    expect(scan(text).waivers!.entries[0]).toMatchObject({ state: 'expired', matched: 0 });
  });
});

describe('reports', () => {
  it('JSON validates against the report schema and carries the waivers', () => {
    const json = JSON.parse(renderJson(waived, { color: false }).text);
    const validate = validatorFor('report.schema.json');
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(json.waivers.entries).toHaveLength(4);
  });

  it('SARIF marks failures waived everywhere as accepted suppressions with the justification, and still validates', () => {
    const log = JSON.parse(renderSarif(waived, { color: false }).text) as Log;
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = log.runs[0]!.results!;
    const suppressed = results.filter((r) => r.suppressions?.length);
    expect(suppressed).toHaveLength(9);
    expect(suppressed.every((r) => r.ruleId === 'ec2-imdsv2-required')).toBe(true);
    expect(suppressed[0]!.suppressions![0]).toMatchObject({
      kind: 'external',
      status: 'accepted',
      justification: expect.stringContaining('approved by Priya Raman (CISO); expires 2027-03-31'),
    });
    // Partly waived (one control only): still an open result.
    const tier = results.find((r) => r.ruleId === 'vpc-subnet-tiers-multi-az' && r.locations![0]!.logicalLocations![0]!.fullyQualifiedName === TIER)!;
    expect(tier.suppressions).toBeUndefined();
    expect(results).toHaveLength(JSON.parse(renderSarif(plain, { color: false }).text).runs[0].results.length);
  });

  it('JUnit skips a waived failure with the waiver, in the controls that waive it', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(renderJunit(waived, { color: false }).text);
    const before = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(renderJunit(plain, { color: false }).text);
    const suite = (x: any, id: string) => x.testsuites.testsuite.find((s: any) => s['@name'] === id);
    const waivedCases = (id: string) => suite(xml, id).testcase.filter((t: any) => t.skipped?.['@message']?.startsWith('waived by'));
    const fewerFailures = (id: string) => Number(suite(before, id)['@failures']) - Number(suite(xml, id)['@failures']);
    // A testcase is a control x check x region: the IMDS failures (all waived)
    // make each such testcase skipped, and so does REL10-BP01's subnet-tier one.
    const wa = waivedCases('aws-well-architected');
    expect(wa.length).toBeGreaterThan(0);
    expect(wa.length).toBe(fewerFailures('aws-well-architected'));
    const rel = wa.filter((t: any) => t['@classname'] === 'aws-well-architected.REL10-BP01');
    expect(rel.map((t: any) => t['@name'])).toContain('vpc-subnet-tiers-multi-az ap-south-1');
    expect(wa[0].skipped['@message']).toMatch(/^waived by RA-2026-014 \(approved by Priya Raman \(CISO\); expires 2027-03-31\)/);
    // The waived resources are named in the body.
    expect(wa.find((t: any) => t['@name'].startsWith('ec2-imdsv2-required ')).skipped['#text']).toContain(INSTANCE);
    // MAS: only the IMDS results, one testcase per MAS control that uses the check and region.
    const mas = waivedCases('mas-trm');
    expect(mas.length).toBe(fewerFailures('mas-trm'));
    expect(mas.every((t: any) => t['@name'].startsWith('ec2-imdsv2-required '))).toBe(true);
    const masControls = framework(waived, 'mas-trm').controls.filter((c) => c.evaluations.includes('ec2-imdsv2-required')).length;
    const imdsRegions = new Set(waived.evaluations.find((e) => e.key === 'ec2-imdsv2-required')!.results.filter((r) => r.status === 'fail').map((r) => r.resource.region)).size;
    expect(mas.length).toBe(imdsRegions * masControls);
  });

  it('text shows waived results as WAIVED with the waiver, a separate score line, and every waiver with its state', () => {
    const text = renderText(waived, { color: false, verbose: true }).text;
    expect(text).toContain(`WAIVED MEDIUM  ec2-imdsv2-required  i-0ff75db29c00ffb43 (qc-mgmt-rdgw-01) ap-south-1  waiver RA-2026-014`);
    expect(text).toMatch(/waived: 9 result\(s\), not scored; counted as failures the score would be \d+\.\d/);
    expect(text).toContain('Waivers (as of 2026-11-23)');
    expect(text).toMatch(/EXPIRED RA-2026-003 {2}check iam-access-keys-rotated/);
    expect(text).toMatch(/STALE {3}RA-2026-009/);
  });
});
