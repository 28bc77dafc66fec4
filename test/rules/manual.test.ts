/**
 * A control is automated (checks, one or more) or manual (manual.collect and
 * no checks): the schema enforces exactly one, and says which rule was broken.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseRuleSet } from '../../src/rules/load.js';

const HEAD = `id: test-framework
title: Test
version: "1"
source: { document: Test, publisher: Test, date: "2026" }
controls:
`;

const AUTOMATED = `  - id: "1"
    title: Root is protected
    source: Test 1
    checks: [{ check: iam-root-mfa-enabled }]
`;

const MANUAL = `  - id: "2"
    title: Idle sessions end after 15 minutes
    source: Test 2
    manual:
      collect: Session-timeout settings of every application in scope.
`;

function failure(text: string): InputError {
  try {
    parseRuleSet(text, 'rules.yaml');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('manual controls', () => {
  it('load with the evidence to collect and no checks', () => {
    const set = parseRuleSet(HEAD + AUTOMATED + MANUAL, 'rules.yaml');
    expect(set.controls.map((c) => [c.id, c.checks.length, c.manual])).toEqual([
      ['1', 1, undefined],
      ['2', 0, { collect: 'Session-timeout settings of every application in scope.' }],
    ]);
  });

  it('may carry an empty checks list', () => {
    const set = parseRuleSet(HEAD + MANUAL.replace('    manual:', '    checks: []\n    manual:'), 'rules.yaml');
    expect(set.controls[0]?.manual?.collect).toMatch(/^Session-timeout/);
    expect(set.controls[0]?.checks).toEqual([]);
  });

  it('keep group, appliesTo, verified and note', () => {
    const set = parseRuleSet(
      HEAD + MANUAL.replace('    manual:', '    group: G\n    appliesTo: [pso]\n    verified: false\n    note: Find the paragraph.\n    manual:'),
      'rules.yaml',
    );
    expect(set.controls[0]).toMatchObject({ group: 'G', appliesTo: ['pso'], verified: false, note: 'Find the paragraph.' });
  });

  it('reject both checks and manual, naming the control and its line', () => {
    const e = failure(HEAD + MANUAL.replace('    manual:', '    checks: [{ check: iam-root-mfa-enabled }]\n    manual:'));
    expect(e.source).toBe('rules.yaml');
    expect(e.location).toBe('/controls/0 (line 6)');
    expect(e.expected).toBe('a control with either "checks" (automated) or "manual" (what an auditor collects), not both');
  });

  it('reject a control with neither checks nor manual', () => {
    const e = failure(`${HEAD + AUTOMATED}  - id: "3"\n    title: Nothing\n    source: Test 3\n`);
    expect(e.location).toBe('/controls/1 (line 10)');
    expect(e.expected).toBe('a control with "checks" (one or more) or "manual: { collect }" (what an auditor collects); it has neither');
  });

  it('reject an empty checks list without manual as neither', () => {
    const e = failure(`${HEAD}  - id: "3"\n    title: Nothing\n    source: Test 3\n    checks: []\n`);
    expect(e.location).toBe('/controls/0 (line 6)');
    expect(e.expected).toContain('it has neither');
  });

  it('reject manual without collect, an empty collect, and unknown keys', () => {
    expect(failure(HEAD + MANUAL.replace(/      collect: .*\n/, '      what: x\n')).message).toBe(
      'rules.yaml: /controls/0/manual (line 10): missing required property "collect"',
    );
    expect(failure(HEAD + MANUAL.replace(/collect: .*\n/, 'collect: ""\n')).location).toBe('/controls/0/manual/collect (line 10)');
    expect(failure(HEAD + MANUAL.replace(/(      collect: .*\n)/, '$1      who: auditor\n')).expected).toBe('unknown property "who"');
  });

  it('still report other control errors first (a missing title)', () => {
    const e = failure(HEAD + MANUAL.replace('    title: Idle sessions end after 15 minutes\n', ''));
    expect(e.expected).toBe('missing required property "title"');
  });
});
