/**
 * A partially evidenced control (issue 11): its checks show only part of what
 * the control requires, so the rule file says so with `partial.collect` (what
 * the auditor collects for the rest) and a `note` (what the checks do not
 * show). The schema holds the three kinds apart and says which rule was broken.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseRuleSet } from '../../src/rules/load.js';
import { evidenceOf, isAttested } from '../../src/rules/types.js';

const HEAD = `id: test-framework
title: Test
version: "1"
source: { document: Test, publisher: Test, date: "2026" }
controls:
`;

const PARTIAL = `  - id: "3.5.1"
    title: Stored PAN unreadable
    source: Test 3.5.1
    note: Disk encryption is supporting evidence only.
    checks: [{ check: ebs-volume-encrypted }]
    partial:
      collect: How PAN is rendered unreadable in each data store.
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

describe('partially evidenced controls', () => {
  it('load with their checks, the evidence still to collect and the note', () => {
    const [c] = parseRuleSet(HEAD + PARTIAL, 'rules.yaml').controls;
    expect(c).toMatchObject({ id: '3.5.1', note: 'Disk encryption is supporting evidence only.', partial: { collect: 'How PAN is rendered unreadable in each data store.' } });
    expect(c?.checks.map((k) => k.checkId)).toEqual(['ebs-volume-encrypted']);
    expect(c?.manual).toBeUndefined();
    expect(evidenceOf(c!)).toBe('partial');
    expect(isAttested(c!)).toBe(false);
  });

  it('are never attested; an automated control is attested only when its clause is verified', () => {
    const set = parseRuleSet(
      `${HEAD}  - { id: "1", title: A, source: S, checks: [{ check: iam-root-mfa-enabled }] }\n` +
        `  - { id: "2", title: B, source: S, verified: false, note: Find it., checks: [{ check: iam-root-mfa-enabled }] }\n` +
        `  - { id: "3", title: C, source: S, manual: { collect: Records of it. } }\n`,
      'rules.yaml',
    );
    expect(set.controls.map((c) => [c.id, evidenceOf(c), isAttested(c)])).toEqual([
      ['1', 'automated', true],
      ['2', 'automated', false],
      ['3', 'manual', false],
    ]);
  });

  it('reject partial without a note', () => {
    const e = failure(HEAD + PARTIAL.replace(/    note: .*\n/, ''));
    expect(e.location).toBe('/controls/0 (line 6)');
    expect(e.expected).toBe('a partially evidenced control with a "note" saying what its checks do not show');
  });

  it('reject partial without checks', () => {
    const e = failure(HEAD + PARTIAL.replace(/    checks: .*\n/, ''));
    expect(e.expected).toBe('a partially evidenced control with "checks" (one or more) beside "partial: { collect }"; it has none (a control no check evidences is "manual")');
  });

  it('reject partial together with manual', () => {
    const e = failure(HEAD + PARTIAL.replace('    partial:', '    manual: { collect: Something to collect. }\n    partial:'));
    expect(e.expected).toBe('a control that is either partially evidenced ("checks" and "partial") or manual ("manual"), not both');
  });

  it('reject partial without collect, and unknown keys in it', () => {
    expect(failure(HEAD + PARTIAL.replace(/      collect: .*\n/, '      what: x\n')).message).toBe(
      'rules.yaml: /controls/0/partial (line 12): missing required property "collect"',
    );
    expect(failure(HEAD + PARTIAL.replace(/(      collect: .*\n)/, '$1      weight: 0.5\n')).expected).toBe('unknown property "weight"');
  });
});
