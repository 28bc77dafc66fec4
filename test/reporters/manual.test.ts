/**
 * Manual controls in every reporter: shown with what an auditor should
 * collect, never as results, never scored; output stays deterministic.
 */
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import { buildInventory } from '../../src/inventory/build.js';
import { renderJson } from '../../src/reporters/json.js';
import { renderJunit } from '../../src/reporters/junit.js';
import { renderSarif } from '../../src/reporters/sarif.js';
import { renderText, wrap } from '../../src/reporters/text.js';
import { parseRuleSet } from '../../src/rules/load.js';
import { validatorFor } from '../../src/schemas.js';
import { parseSnapshot } from '../../src/snapshot/read.js';
import { fixture } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif.js';

const COLLECT_LONG =
  'Session-timeout settings of every application, bastion and console in scope showing re-authentication after at most 15 minutes idle, ' +
  'and a test record showing the timeout working | including <admin> consoles & "break-glass" access.';

const RULES = `id: manual-demo
title: Manual demo
version: "1"
source: { document: Demo standard, publisher: Demo, date: "2026" }
controls:
  - id: A-1
    title: Security groups closed to the world
    source: Demo 1
    checks: [{ check: ec2-sg-no-public-admin-ports }]
  - id: M-1
    title: Idle sessions end after 15 minutes
    source: Demo 2
    manual:
      collect: '${COLLECT_LONG.replace(/'/g, "''")}'
  - id: M-2
    title: Board-approved security policy
    source: Demo 3
    group: Governance
    appliesTo: [pso]
    verified: false
    note: Find the paragraph.
    manual: { collect: The approved policy and the board minutes approving it. }
`;

const snapshot = parseSnapshot(readFileSync(fixture('microfinance.json'), 'utf8'), 'microfinance.json');
const assessment = assess(snapshot, buildInventory(snapshot), [parseRuleSet(RULES, 'manual-demo.yaml')], '0.1.0');
const framework = assessment.frameworks[0]!;

describe('assessment under test', () => {
  it('has one automated control with a failure and two manual controls', () => {
    expect(framework.controls.map((c) => [c.id, c.status])).toEqual([
      ['A-1', 'fail'],
      ['M-1', 'manual'],
      ['M-2', 'manual'],
    ]);
  });
});

describe('text', () => {
  const text = renderText(assessment, { color: false, verbose: true }).text;
  const lines = text.split('\n');

  it('shows each manual control as MANUAL, not scored, with the evidence to collect', () => {
    expect(text).toContain('  MANUAL M-1  Idle sessions end after 15 minutes  not scored\n         collect: Session-timeout settings');
    expect(text).toContain('  MANUAL M-2  Board-approved security policy (clause unverified)  not scored\n         collect: The approved policy and the board minutes approving it.\n');
    // The long text is wrapped, continuation lines indented under it, nothing lost.
    const start = lines.findIndex((l) => l.startsWith('         collect: Session-timeout'));
    const block = [lines[start]!];
    for (let i = start + 1; lines[i]!.startsWith('                  '); i++) block.push(lines[i]!);
    expect(block.length).toBeGreaterThan(1);
    for (const l of block) expect(l.trim().length).toBeLessThanOrEqual(100);
    expect(block.map((l) => l.trim()).join(' ')).toBe(`collect: ${COLLECT_LONG}`);
  });

  it('counts manual controls in the framework summary', () => {
    expect(text).toContain('controls: 1 fail · 0 error · 0 pass · 0 n/a · 2 manual');
  });

  it('paints MANUAL cyan only with colour on', () => {
    expect(text).not.toMatch(/\u001b\[/);
    expect(renderText(assessment, { color: true, verbose: true }).text).toContain('\u001b[36mMANUAL\u001b[39m');
  });

  it('wraps words at the width and keeps over-long words whole', () => {
    expect(wrap('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrap('a verylongword b', 4)).toEqual(['a', 'verylongword', 'b']);
    expect(wrap('', 10)).toEqual([]);
  });
});

describe('json', () => {
  const text = renderJson(assessment, { color: false }).text;
  const report = JSON.parse(text) as typeof assessment;

  it('validates against the published report schema', () => {
    const validate = validatorFor('report.schema.json');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('carries status manual, the evidence to collect, and manual control counts', () => {
    const m2 = report.frameworks[0]!.controls[2]!;
    expect(m2).toMatchObject({ status: 'manual', score: null, evaluations: [], manual: { collect: 'The approved policy and the board minutes approving it.' } });
    expect(report.frameworks[0]!.controlCounts).toEqual({ pass: 0, fail: 1, error: 0, not_applicable: 0, manual: 2 });
    expect(report.frameworks[0]!.controls[0]!.manual).toBeUndefined();
  });

  it('is rejected by the schema when a manual control is scored or an automated one claims evidence to collect', () => {
    const validate = validatorFor('report.schema.json');
    const scored = structuredClone(report);
    scored.frameworks[0]!.controls[1]!.score = 100;
    expect(validate(scored)).toBe(false);
    const mixed = structuredClone(report);
    mixed.frameworks[0]!.controls[0]!.manual = { collect: 'x' };
    expect(validate(mixed)).toBe(false);
  });

  it('is byte-identical on every run', () => {
    const again = assess(snapshot, buildInventory(snapshot), [parseRuleSet(RULES, 'manual-demo.yaml')], '0.1.0');
    expect(renderJson(again, { color: false }).text).toBe(text);
  });
});

describe('sarif', () => {
  const log = JSON.parse(renderSarif(assessment, { color: false }).text) as Log;
  const run = log.runs[0]!;
  const taxa = run.taxonomies![0]!.taxa!;

  it('validates against the OASIS SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('marks manual taxa with manual=true and the evidence to collect', () => {
    expect(taxa.map((t) => [t.id, t.properties?.['status'], t.properties?.['manual'], t.properties?.['collect']])).toEqual([
      ['A-1', 'fail', undefined, undefined],
      ['M-1', 'manual', true, COLLECT_LONG],
      ['M-2', 'manual', true, 'The approved policy and the board minutes approving it.'],
    ]);
    expect(taxa[2]!.properties).toMatchObject({ verified: false, group: 'Governance', appliesTo: ['pso'] });
  });

  it('gives manual controls no results and no rule relationships', () => {
    expect(run.results!.length).toBeGreaterThan(0);
    for (const r of run.results!) for (const t of r.taxa!) expect(t.id).toBe('A-1');
    for (const rule of run.tool.driver.rules!) for (const rel of rule.relationships ?? []) expect(rel.target.id).toBe('A-1');
  });
});

describe('junit', () => {
  const xml = renderJunit(assessment, { color: false }).text;
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as {
    testsuites: { '@_tests': string; '@_skipped': string; testsuite: { '@_tests': string; '@_skipped': string; testcase: { '@_classname': string; '@_name': string; skipped?: { '@_message': string } }[] }[] };
  };
  const suite = parsed.testsuites.testsuite[0]!;

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('has one skipped testcase per manual control, saying what to collect', () => {
    const manual = suite.testcase.filter((t) => t['@_name'].startsWith('manual '));
    expect(manual.map((t) => [t['@_classname'], t['@_name'], t.skipped?.['@_message']])).toEqual([
      ['manual-demo.M-1', 'manual M-1', `manual: ${COLLECT_LONG}`],
      ['manual-demo.M-2', 'manual M-2', 'manual: The approved policy and the board minutes approving it.'],
    ]);
  });

  it('counts them as tests and as skipped', () => {
    // One testcase per (evaluation, region) of the automated control, plus the two manual ones.
    const groups = assessment.evaluations.flatMap((e) => [...new Set(e.results.map((r) => r.resource.region))].map((region) => e.results.filter((r) => r.resource.region === region)));
    expect(Number(suite['@_tests'])).toBe(groups.length + 2);
    expect(Number(suite['@_skipped'])).toBe(groups.filter((g) => g.every((r) => r.status === 'not_applicable')).length + 2);
    expect(suite.testcase).toHaveLength(groups.length + 2);
    expect(parsed.testsuites['@_tests']).toBe(suite['@_tests']);
  });

  it('escapes the collect text', () => {
    expect(xml).toContain('&lt;admin&gt; consoles &amp; &quot;break-glass&quot;');
  });
});
