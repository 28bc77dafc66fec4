import { readdirSync, readFileSync } from 'node:fs';
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import { findingFingerprint } from '../../src/assess/identity.js';
import type { Assessment } from '../../src/assess/types.js';
import { buildInventory } from '../../src/inventory/build.js';
import { ASFF_LIMITS, ASFF_RESOURCE_TYPES, asffResourceType, renderAsff } from '../../src/reporters/asff.js';
import { applyFilter } from '../../src/rules/filter.js';
import { loadBuiltinRuleSets } from '../../src/rules/load.js';
import { parseSnapshot } from '../../src/snapshot/read.js';
import { asffProblems, memberDoc } from '../helpers/asff-model.js';
import { ROOT, fixture } from '../helpers/cli.js';

const FIXTURES = readdirSync(`${ROOT}fixtures`).filter((f) => /^[a-z-]+\.json$/.test(f)).map((f) => f.replace(/\.json$/, '')).sort();
const ruleSets = loadBuiltinRuleSets();
const assessFixture = (name: string, sets = ruleSets): Assessment => {
  const snapshot = parseSnapshot(readFileSync(fixture(`${name}.json`), 'utf8'), name);
  return assess(snapshot, buildInventory(snapshot), sets, '0.1.0');
};
const asffOf = (a: Assessment) => JSON.parse(renderAsff(a, { color: false }).text) as AwsSecurityFinding[];

it('covers every fixture', () => expect(FIXTURES.length).toBeGreaterThanOrEqual(6));

describe.each(FIXTURES)('ASFF of %s', (name) => {
  const a = assessFixture(name);
  const findings = asffOf(a);

  it('every finding fits the SDK model of AwsSecurityFinding (members, kinds, required, enums, documented limits)', () => {
    expect(findings.length).toBeGreaterThan(0);
    const problems = findings.flatMap((f) => asffProblems(f).map((p) => `${f.Id}: ${p}`));
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('one finding per (check, resource) decided or undecided, with stable unique ids from the finding identity', () => {
    const expected = new Set<string>();
    for (const ev of a.evaluations) for (const r of ev.results) if (r.status !== 'not_applicable') expected.add(`${ev.checkId}\n${r.resource.arn}`);
    expect(findings.length).toBe(expected.size);
    expect(new Set(findings.map((f) => f.Id)).size).toBe(findings.length);
    for (const f of findings) {
      const check = f.ProductFields!['archscan/CheckId']!;
      expect(f.Id).toBe(`archscan/${check}/${findingFingerprint(check, f.Resources![0]!.Id!)}`);
      expect(f.GeneratorId).toBe(`archscan/${check}`);
    }
    // Deterministic: the same snapshot gives the same bytes.
    expect(renderAsff(assessFixture(name), { color: false }).text).toBe(renderAsff(a, { color: false }).text);
  });

  it('product ARN, account, region and time from the snapshot; status per result', () => {
    for (const f of findings) {
      expect(f.ProductArn).toBe(`arn:${a.snapshot.partition}:securityhub:${f.Region}:${f.AwsAccountId}:product/${f.AwsAccountId}/default`);
      expect(f.Region).toBe(f.Resources![0]!.Region);
      expect(f.Region).toMatch(/^[a-z]{2}(-[a-z]+)+-\d$/);
      expect(f.CreatedAt).toBe(a.snapshot.collectedAt);
      expect(f.UpdatedAt).toBe(a.snapshot.collectedAt);
      const status = f.ProductFields!['archscan/Status'];
      expect(f.Compliance!.Status).toBe({ fail: 'FAILED', error: 'WARNING', pass: 'PASSED' }[status!]);
      expect(f.RecordState).toBe('ACTIVE');
      if (status === 'pass') expect([f.Severity!.Label, f.Workflow!.Status]).toEqual(['INFORMATIONAL', 'RESOLVED']);
      else expect(f.Severity!.Label).toBe(f.ProductFields!['archscan/Severity']!.toUpperCase());
    }
  });

  it('RelatedRequirements are "framework title/control id" of the controls the deciding result evidences', () => {
    const titles = new Map<string, unknown>(a.frameworks.flatMap((fw) => fw.controls.map((c) => [`${fw.title}/${c.id}`, c] as const)));
    const failing = findings.filter((f) => f.Compliance!.Status === 'FAILED');
    for (const f of failing) {
      expect(f.Compliance!.RelatedRequirements!.length).toBeGreaterThan(0);
      for (const req of f.Compliance!.RelatedRequirements!) expect(titles.has(req), req).toBe(true);
    }
  });
});

describe('ASFF mapping', () => {
  it('the model check catches what Security Hub would reject', () => {
    const [f] = asffOf(assessFixture('giftcard-issuer'));
    const bad = structuredClone(f!) as unknown as Record<string, unknown>;
    delete bad['Title'];
    bad['Description'] = 'x'.repeat(1025);
    (bad['Compliance'] as Record<string, unknown>)['Status'] = 'BROKEN';
    bad['Colour'] = 'red';
    (bad['Resources'] as unknown[]).push('not a resource');
    expect(asffProblems(bad)).toEqual([
      '$.Title: required by AwsSecurityFinding, missing',
      '$.Description: 1025 characters, at most 1024',
      expect.stringMatching(/^\$\.Resources\[1\]: not a structure/),
      '$.Compliance.Status: "BROKEN" is not one of ComplianceStatus (FAILED, NOT_AVAILABLE, PASSED, WARNING)',
      '$.Colour: not a member of AwsSecurityFinding',
    ]);
  });

  it('maps CloudFormation types to ASFF Resources[].Type, unknown ones to Other with the type kept', () => {
    expect(asffResourceType('AWS::EC2::SecurityGroup')).toBe('AwsEc2SecurityGroup');
    expect(asffResourceType('AWS::S3::Bucket')).toBe('AwsS3Bucket');
    expect(asffResourceType('AWS::IAM::User')).toBe('AwsIamUser');
    expect(asffResourceType('AWS::Account::Settings')).toBe('Other');
    const a = assessFixture('giftcard-issuer');
    const findings = asffOf(a);
    const sg = findings.find((f) => f.ProductFields!['archscan/ResourceType'] === 'AWS::EC2::SecurityGroup')!;
    expect(sg.Resources![0]!.Type).toBe('AwsEc2SecurityGroup');
    for (const f of findings.filter((x) => x.Resources![0]!.Type === 'Other')) {
      expect(f.Resources![0]!.Details!.Other!['archscan/ResourceType']).toBe(f.ProductFields!['archscan/ResourceType']);
    }
  });

  it('every mapped ASFF type is a member of the SDK ResourceDetails model (or Other)', () => {
    // ASFF's documented resource types are the ResourceDetails member names.
    for (const t of new Set(Object.values(ASFF_RESOURCE_TYPES))) expect(memberDoc('ResourceDetails', t), t).toBeDefined();
  });

  it('the limits it cuts to are the ones the SDK documents', () => {
    expect(memberDoc('AwsSecurityFinding', 'Title')?.maxLength).toBe(ASFF_LIMITS.title);
    expect(memberDoc('AwsSecurityFinding', 'Description')?.maxLength).toBe(ASFF_LIMITS.description);
    expect(memberDoc('AwsSecurityFinding', 'Id')?.maxLength).toBe(ASFF_LIMITS.id);
    expect(memberDoc('Compliance', 'RelatedRequirements')?.maxItems).toBe(ASFF_LIMITS.relatedRequirements);
    expect(memberDoc('AwsSecurityFinding', 'ProductFields')?.maxPairs).toBe(ASFF_LIMITS.productFields);
    expect(memberDoc('AwsSecurityFinding', 'ProductFields')?.maxValue).toBe(ASFF_LIMITS.productFieldValue);
  });

  it('an undecided result is WARNING with what could not be read; a waived failure is SUPPRESSED', () => {
    const findings = asffOf(assessFixture('payments-group'));
    const warning = findings.filter((f) => f.Compliance!.Status === 'WARNING');
    expect(warning.length).toBeGreaterThan(0);
    for (const f of warning) expect(f.Description).toMatch(/^Could not be decided: /);
  });

  it('a filtered scan says so in every finding', () => {
    const { ruleSets: narrowed, report } = applyFilter(ruleSets, { services: ['ec2'] });
    const a = assessFixture('giftcard-issuer', narrowed);
    a.filters = report!;
    const findings = asffOf(a);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.ProductFields!['archscan/Filter']).toBe(report!.statement);
      expect(asffProblems(f)).toEqual([]);
    }
    expect(report!.statement).toMatch(/^Filtered scan \(--services ec2\): \d+ of \d+ checks/);
  });
});


