/**
 * Issue 11, "honesty in every report": a control whose clause is unverified or
 * whose evidence is partial is not counted as attested. The framework carries
 * its score over every scored control (`score`) and, separately, over attested
 * controls only (`scoreAttested`), and states its scope.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import { buildInventory } from '../../src/inventory/build.js';
import { parseRuleSet } from '../../src/rules/load.js';
import { validatorFor } from '../../src/schemas.js';
import { credentialReport, emptySnapshot, SNAP_ACCOUNT } from '../helpers/snapshot.js';

const RULES = `id: honesty
title: Honesty
version: "1"
source: { document: Test, publisher: Test, date: "2026" }
controls:
  - id: A
    title: Root has MFA (attested)
    source: Test A
    checks: [{ check: iam-root-mfa-enabled }]
  - id: P
    title: Console users use MFA (partial)
    source: Test P
    note: The check sees IAM users only; federated users are the auditor's to confirm.
    checks: [{ check: iam-user-console-mfa }]
    partial:
      collect: The identity provider's MFA policy.
  - id: U
    title: Root has no keys (unverified clause)
    source: Test U (paragraph unverified)
    verified: false
    note: Find the paragraph.
    checks: [{ check: iam-root-no-access-keys }]
  - id: M
    title: Training (manual)
    source: Test M
    manual: { collect: Training records. }
`;

const alice = `alice,arn:aws:iam::${SNAP_ACCOUNT}:user/alice,2024-01-10T00:00:00+00:00,true,2026-11-19T08:00:00+00:00,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;

function assessed(regions = ['ap-south-1']) {
  const snap = emptySnapshot(regions);
  snap.global.calls['iam:GetCredentialReport'] = { Content: credentialReport([alice]) };
  snap.metadata.skippedRegions = [{ region: 'me-central-1', reason: 'not opted in for this account' }];
  return assess(snap, buildInventory(snap), [parseRuleSet(RULES, 'honesty.yaml')], '0.0.0-test');
}

describe('evidence kinds and the attested score', () => {
  const a = assessed();
  const f = a.frameworks[0]!;

  it('marks each control automated, partial or manual, and attested only when automated with its clause verified', () => {
    expect(f.controls.map((c) => [c.id, c.evidence, c.attested, c.status])).toEqual([
      ['A', 'automated', true, 'pass'],
      ['P', 'partial', false, 'fail'],
      ['U', 'automated', false, 'pass'],
      ['M', 'manual', false, 'manual'],
    ]);
    expect(f.controls[1]?.partial).toEqual({ collect: "The identity provider's MFA policy." });
    expect(f.controls[1]?.note).toBe("The check sees IAM users only; federated users are the auditor's to confirm.");
    expect(f.controlEvidence).toEqual({ attested: 1, partial: 1, unverified: 1, manual: 1 });
  });

  it('scores all scored controls in `score`, and only attested ones in `scoreAttested`', () => {
    // All: root MFA (critical 10) pass, alice MFA (high 7) fail, root keys (critical 10) pass: 20 / 27.
    expect(f.score).toBe(74.1);
    // Attested: root MFA only. Before issue 11 a partial or unverified control counted as if attested.
    expect(f.scoreAttested).toBe(100);
  });

  it('is null when no attested control decided anything', () => {
    const only = parseRuleSet(RULES.split('  - id: A')[0]! + RULES.slice(RULES.indexOf('  - id: P')), 'p.yaml');
    const snap = emptySnapshot();
    const b = assess(snap, buildInventory(snap), [only], '0.0.0-test');
    expect(b.frameworks[0]?.scoreAttested).toBeNull();
    expect(b.frameworks[0]?.score).toBe(100);
  });

  it('states the scope: regions scanned and skipped, services read, and what a pass means', () => {
    const b = assessed(['ap-south-2', 'ap-south-1']);
    expect(b.frameworks[0]?.scope).toMatchObject({
      regionsScanned: ['ap-south-1', 'ap-south-2'],
      regionsNotScanned: [{ region: 'me-central-1', reason: 'not opted in for this account' }],
      servicesRead: ['iam'],
    });
    expect(b.frameworks[0]?.scope.statement).toMatch(/^PASS means the configuration archscan read when the snapshot was collected \(snapshot\.collectedAt\) met the check/);
    expect(b.frameworks[0]?.scope.statement).toContain('not an attestation');
  });

  it('validates against the published report schema', () => {
    const validate = validatorFor('report.schema.json');
    expect(validate(JSON.parse(JSON.stringify(a))), JSON.stringify(validate.errors)).toBe(true);
  });
});
