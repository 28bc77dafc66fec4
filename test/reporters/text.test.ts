/**
 * The default terminal report: each fixture's equals its golden byte for byte
 * (`npm run golden` rewrites them; the sample's --verbose form too), and what a
 * person at a terminal relies on holds: the summary comes first, each failing
 * resource is listed once with the controls it breaks, internal evaluation
 * keys never show, the listing is capped with a pointer to the rest, what
 * could not be decided names the calls and the IAM actions to grant.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/assess/types.js';
import { minimalPolicy } from '../../src/collect/permissions.js';
import { SEVERITIES } from '../../src/checks/types.js';
import { failureIndex, differingParams } from '../../src/reporters/text-findings.js';
import { renderText, RESOURCES_LISTED, TOP } from '../../src/reporters/text.js';
import { fixture, ROOT, runCli } from '../helpers/cli.js';
import { augmented, fixtureAssessment } from './pack-data.js';

const DIR = `${ROOT}fixtures/`;
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.planted.yaml'))
  .map((f) => f.replace(/\.planted\.yaml$/, ''))
  .sort();

const text = (a: Assessment, verbose = false) => renderText(a, { color: false, verbose }).text;
const sample = fixtureAssessment('payments-group');
const short = text(sample);
const long = text(sample, true);
const lines = short.split('\n');

/** The lines from a heading (a line starting with it) to the next blank-line-separated bold heading. */
function sectionStart(heading: string, body = lines): number {
  const i = body.findIndex((l) => l.startsWith(heading));
  expect(i, heading).toBeGreaterThan(-1);
  return i;
}

/** ARNs of the resources listed under "Findings by resource" (the line under each numbered heading). */
function listedArns(body: string[]): string[] {
  const start = body.findIndex((l) => l.startsWith('Findings by resource'));
  const end = body.findIndex((l, i) => i > start && l === 'Next steps');
  const arns: string[] = [];
  for (let i = start; i < end; i++) if (/^ {3}arn:/.test(body[i]!)) arns.push(body[i]!.trim());
  return arns;
}

/** Every ARN with a failing result, waived ones included. */
function failingArns(a: Assessment): Set<string> {
  const arns = new Set<string>();
  for (const ev of a.evaluations) for (const r of ev.results) if (r.status === 'fail') arns.add(r.resource.arn);
  return arns;
}

describe('text report: goldens', () => {
  it('has a golden per fixture', () => {
    expect(names.length).toBeGreaterThanOrEqual(6);
  });

  it.each(names)('%s reproduces fixtures/%s.report.txt byte for byte', (name) => {
    const golden = `${DIR}${name}.report.txt`;
    expect(existsSync(golden), `${golden} missing: run npm run golden`).toBe(true);
    expect(text(fixtureAssessment(name))).toBe(readFileSync(golden, 'utf8'));
  });

  it('payments-group --verbose reproduces fixtures/payments-group.report.verbose.txt byte for byte', () => {
    expect(long).toBe(readFileSync(`${DIR}payments-group.report.verbose.txt`, 'utf8'));
  });
});

describe('text report: summary first', () => {
  it('opens with the account line, then scores, what was not decided, the top resources, scope, findings, next steps', () => {
    // The account line, within the width: the regions on a line of their own when it would not fit.
    expect(lines.slice(0, 2)).toEqual(['archscan 0.1.0 · account 100000000006 (aws) · snapshot 2026-11-20T06:00:00Z', '  regions eu-west-1, us-east-1']);
    const order = ['Scores', 'Not decided: 5 results', `Top ${TOP} of `, 'Scope: ', 'Findings by resource', 'Next steps'].map((h) => sectionStart(h));
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    // The scores are on the first screen, not at the bottom of 1,700 lines.
    expect(order[0]).toBeLessThan(5);
  });

  it('has one score row per framework: score, attested score, status and control counts from the assessment', () => {
    const start = sectionStart('Scores');
    for (const [i, f] of sample.frameworks.entries()) {
      const cc = f.controlCounts;
      const row = lines[start + 1 + i]!;
      expect(row.split(/\s{2,}/).filter(Boolean)).toEqual([
        f.id,
        f.score!.toFixed(1),
        f.scoreAttested === null ? 'n/a' : f.scoreAttested.toFixed(1),
        f.status.toUpperCase(),
        `${cc.fail} fail · ${cc.error} error · ${cc.pass} pass · ${cc.not_applicable} n/a${cc.manual ? ` · ${cc.manual} manual` : ''}`,
      ]);
    }
  });

  it('names each failed call behind the undecided results, and the IAM actions to grant, each a real action of the read-only policy', () => {
    const start = sectionStart('Not decided: 5 results');
    const end = lines.indexOf('', start);
    expect(lines.slice(start + 1, end).join(' ').replace(/\s+/g, ' ').trim()).toBe(
      'guardduty:ListDetectors failed in eu-west-1: AccessDenied, grant guardduty:ListDetectors (3 results) ' +
        'kms:GetKeyPolicy failed in us-east-1 for 1 resource: AccessDeniedException, grant kms:GetKeyPolicy (1 result) ' +
        'kms:GetKeyRotationStatus failed in us-east-1 for 1 resource: AccessDeniedException, grant kms:GetKeyRotationStatus (1 result) ' +
        'grant: guardduty:ListDetectors, kms:GetKeyPolicy, kms:GetKeyRotationStatus',
    );
    const policy = (minimalPolicy() as { Statement: { Action: string[] }[] }).Statement[0]!.Action;
    for (const action of ['guardduty:ListDetectors', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus']) expect(policy).toContain(action);
    // And the closing steps repeat what to grant.
    expect(short).toMatch(/\n {2}grant {9}guardduty:ListDetectors, kms:GetKeyPolicy, kms:GetKeyRotationStatus to the role that\n/);
  });

  it('lists the ten worst failing resources: by severity, then by controls broken, each with its region and controls', () => {
    const index = failureIndex(sample);
    const start = sectionStart(`Top ${TOP} of ${index.failing} failing resources`);
    const entries = lines.slice(start + 1, start + 1 + 3 * TOP);
    for (let i = 0; i < TOP; i++) {
      const r = index.resources[i]!;
      expect(entries[3 * i]).toMatch(new RegExp(`^ +${i + 1}\\. ${r.worst!.toUpperCase()} +${r.resource.id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
      expect(entries[3 * i]).toContain(`  ${r.resource.region}  `);
      expect(entries[3 * i + 2]).toMatch(new RegExp(`^ +${r.controls} controls?: `));
    }
    const ranks = index.resources.slice(0, TOP).map((r) => [SEVERITIES.indexOf(r.worst!), -r.controls]);
    expect(ranks).toEqual([...ranks].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!));
    // The sample's worst: the lab trail, 4 failing checks across 18 controls.
    expect(entries[0]).toBe('   1. HIGH    sagroup-lab-trail  us-east-1  AWS::CloudTrail::Trail');
    expect(entries[2]).toMatch(/^ {15}18 controls: aws-well-architected SEC04-BP01, SEC06-BP04, SEC08-BP02, REL06-BP01; /);
  });

  it('keeps the scope to a few lines; the full statements only under --verbose', () => {
    const start = sectionStart('Scope: regions eu-west-1, us-east-1');
    expect(lines[start + 4]).toBe('');
    const statement = 'PASS means the configuration archscan read when the snapshot was collected (snapshot.collectedAt) met';
    expect(short.replace(/\s+/g, ' ')).not.toContain(statement);
    expect(long.replace(/\s+/g, ' ')).toContain(statement);
  });
});

describe('text report: findings by resource', () => {
  it('lists each failing resource once, the first RESOURCES_LISTED by severity, and counts the rest', () => {
    const all = failingArns(sample);
    expect(all.size).toBeGreaterThan(RESOURCES_LISTED);
    const listed = listedArns(lines);
    expect(listed).toHaveLength(RESOURCES_LISTED);
    expect(new Set(listed).size).toBe(listed.length);
    expect(short).toContain(`\n... and ${all.size - RESOURCES_LISTED} more resource(s) with failures: --verbose lists each, --format json every result.\n`);
    // --verbose lists every failing resource, still once each.
    const every = listedArns(long.split('\n'));
    expect(every).toHaveLength(all.size);
    expect(new Set(every)).toEqual(all);
  });

  it('prints a finding once, not once per control: the RDP-open NACL appears once by resource, with every control it breaks', () => {
    const nacl = 'acl-0dfa818b621b7a8a3';
    const body = long.slice(long.indexOf('Findings by resource'), long.indexOf('\nAWS Well-Architected Framework'));
    expect(body.split(`${nacl} allows internet ingress to port 3389 by rule 111`)).toHaveLength(2);
    const ev = sample.evaluations.find((e) => e.checkId === 'ec2-nacl-no-public-admin-ports' && e.results.some((r) => r.resource.id === nacl && r.status === 'fail'))!;
    const citing = sample.frameworks.flatMap((f) => f.controls.filter((c) => c.evaluations.includes(ev.key)).map((c) => `${f.id} ${c.id}`));
    expect(citing.length).toBeGreaterThan(3);
    const block = body.slice(body.indexOf(`${nacl} allows internet ingress to port 3389`));
    const controls = block.slice(block.indexOf('controls: '), block.indexOf('\n\n')).replace(/\s+/g, ' ');
    for (const id of citing) expect(controls).toContain(id.split(' ')[1]!);
  });

  it('never shows internal evaluation keys (check id # parameter hash), in either mode', () => {
    const keys = sample.evaluations.filter((e) => e.key.includes('#')).map((e) => e.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) {
      expect(short).not.toContain(k);
      expect(long).not.toContain(k);
    }
    expect(long).not.toMatch(/[a-z0-9-]+#[0-9a-f]{8}\b/);
  });

  it('names a check run with several parameter sets by the parameters that differ, and only those', () => {
    const differing = differingParams(sample.evaluations);
    expect(differing.get('ec2-sg-no-public-admin-ports')).toEqual(['ipFamilies']);
    // On the sample's security group one run fails: the check id alone, its title cut to the width.
    expect(short).toContain('   HIGH    ec2-sg-no-public-admin-ports  Security groups allow no internet ingress to administratio…\n');
    // A VPC failing both flow-log runs: each labelled by the one param that differs, not by a hash.
    const shop = text(fixtureAssessment('clubshop-ecommerce'));
    expect(differingParams(fixtureAssessment('clubshop-ecommerce').evaluations).get('vpc-flow-logs-enabled')).toEqual(['trafficType']);
    expect(shop).toMatch(/\n {3}MEDIUM {2}vpc-flow-logs-enabled \(trafficType: ALL\) {2}VPCs have active flow logs\n(.*\n){1,5} {3}MEDIUM {2}vpc-flow-logs-enabled \(trafficType: REJECT\) {2}VPCs/);
    expect(shop).toContain('   HIGH    ec2-sg-no-public-risky-ports (ports: 445)  ');
  });

  it('keeps the default report within 100 columns but for an ARN, a long id or evidence JSON that cannot be broken', () => {
    // --verbose control headings and result lines keep their one-line layout (README "The terminal report").
    for (const body of [short, ...names.map((n) => readFileSync(`${DIR}${n}.report.txt`, 'utf8'))]) {
      for (const l of body.split('\n')) {
        if ([...l].length <= 100) continue;
        // Over the width only where a word cannot be broken: an ARN, a long id, evidence JSON.
        expect(l.trim().split(/\s+/).some((w) => w.length > 30) || /arn:aws|AWS::/.test(l), l).toBe(true);
      }
    }
  });
});

describe('text report: waivers, baseline, hostile text, colour', () => {
  const { assessment, hostile } = augmented();
  const out = text(assessment);

  it('flags expired and stale waivers, counts the active ones, and shows waived failures as WAIVED with the waiver', () => {
    expect(out).toContain('Waivers (as of 2026-11-20) 2 active · 1 expired · 1 stale · 0 out of scope\n');
    expect(out).toContain('  EXPIRED waivers[2]  check ec2-sg-no-public-admin-ports  arn:aws:ec2:*:*:security-group/*\n          expired 2026-06-30: 2 results fail again; approved by it@example.com\n');
    expect(out).toMatch(/ {2}STALE {3}W-004 {2}check rds-multi-az/);
    expect(out).toMatch(/ {3}WAIVED {2}\S+/);
    expect(out).toContain('waived (W-001) in: ');
  });

  it('shows the change since the baseline with its date', () => {
    expect(out).toContain('Change since baseline (2026-08-20T06:00:00Z)');
  });

  it('escapes control characters from the account, so a name cannot drive the terminal', () => {
    const a = structuredClone(assessment);
    const r = a.evaluations.flatMap((e) => e.results).find((x) => x.resource.arn === hostile.resource.arn && x.status === 'fail')!;
    r.resource.name = 'evil\u001b[2J\u001b]0;owned\u0007\rname';
    const t = text(a, true);
    expect(t).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(t).toContain('evil\\u001b[2J\\u001b]0;owned\\u0007\\u000dname');
  });

  it('colours only when told to', () => {
    expect(short).not.toMatch(/\u001b\[/);
    const coloured = renderText(sample, { color: true }).text;
    expect(coloured).toMatch(/\u001b\[\d+m/);
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(short);
  });
});

describe('text report at scale', () => {
  it('stays a summary for thousands of failing resources: capped listing, output proportional to the cap, not the account', () => {
    const a = structuredClone(sample);
    const ev = a.evaluations.find((e) => e.checkId === 'ebs-volume-encrypted' && e.counts.fail > 0)!;
    const template = ev.results.find((r) => r.status === 'fail')!;
    const N = 20_000;
    for (let i = 0; i < N; i++) {
      const id = `vol-${i.toString(16).padStart(17, '0')}`;
      const { name: _name, ...resource } = template.resource;
      ev.results.push({ ...template, resource: { ...resource, id, arn: `arn:aws:ec2:us-east-1:100000000006:volume/${id}` } });
    }
    ev.counts.fail += N;
    const r = renderText(a, { color: false });
    let bytes = 0;
    for (const chunk of r.chunks()) bytes += chunk.length;
    expect(bytes).toBeLessThan(2 * short.length);
    expect(r.text).toContain(`... and ${failingArns(a).size - RESOURCES_LISTED} more resource(s) with failures`);
  });
});

describe('scan (the built CLI): stderr names the calls behind undecided results, in every format', () => {
  it.each(['text', 'json', 'sarif', 'markdown'])('--format %s of the sample snapshot', async (format) => {
    const run = await runCli(['scan', '--snapshot', fixture('payments-group.json'), '--format', format]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      'archscan: 5 result(s) could not be decided; the calls behind them:\n' +
        'archscan:   guardduty:ListDetectors failed in eu-west-1: AccessDenied, grant guardduty:ListDetectors (3 results)\n' +
        'archscan:   kms:GetKeyPolicy failed in us-east-1 for 1 resource: AccessDeniedException, grant kms:GetKeyPolicy (1 result)\n' +
        'archscan:   kms:GetKeyRotationStatus failed in us-east-1 for 1 resource: AccessDeniedException, grant kms:GetKeyRotationStatus (1 result)\n' +
        'archscan: grant the collecting role guardduty:ListDetectors, kms:GetKeyPolicy, kms:GetKeyRotationStatus, collect again and rescan\n' +
        'archscan: gate incomplete: ',
    );
    if (format === 'text') expect(run.stdout).toBe(short);
  }, 60_000);

  it('--verbose prints the full detail; a complete scan says nothing about undecided results', async () => {
    const verbose = await runCli(['scan', '--snapshot', fixture('payments-group.json'), '--verbose']);
    expect(verbose.stdout).toBe(long);
    const complete = await runCli(['scan', '--snapshot', fixture('baseline-compliant.json'), '--format', 'json']);
    expect(complete.stderr).not.toContain('could not be decided');
  }, 60_000);
});
