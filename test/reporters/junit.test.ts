import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import { buildInventory } from '../../src/inventory/build.js';
import { renderJunit } from '../../src/reporters/junit.js';
import { loadBuiltinRuleSets } from '../../src/rules/load.js';
import { parseSnapshot } from '../../src/snapshot/read.js';
import { fixture } from '../helpers/cli.js';

interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
  testcase: { '@_classname': string; '@_name': string; failure?: { '@_type': string; '#text': string }; error?: unknown; skipped?: unknown }[];
}

describe('JUnit XML', () => {
  const snapshot = parseSnapshot(readFileSync(fixture('microfinance.json'), 'utf8'), 'microfinance.json');
  const assessment = assess(snapshot, buildInventory(snapshot), loadBuiltinRuleSets(), '0.1.0');
  const xml = renderJunit(assessment, { color: false }).text;
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as {
    testsuites: { '@_tests': string; '@_failures': string; testsuite: Suite[] };
  };

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('has a testsuite per framework and a testcase per control and resource (and per manual control), with the expected counts', () => {
    const suites = parsed.testsuites.testsuite;
    expect(suites.map((s) => s['@_name'])).toEqual(assessment.frameworks.map((f) => f.id));
    const byKey = new Map(assessment.evaluations.map((e) => [e.key, e]));
    for (const [i, f] of assessment.frameworks.entries()) {
      const results = f.controls.flatMap((c) => c.evaluations.flatMap((k) => byKey.get(k)!.results));
      // Each manual control adds one skipped testcase.
      const manual = f.controls.filter((c) => c.status === 'manual').length;
      const suite = suites[i]!;
      expect(suite.testcase).toHaveLength(results.length + manual);
      expect(Number(suite['@_tests'])).toBe(results.length + manual);
      expect(Number(suite['@_failures'])).toBe(results.filter((r) => r.status === 'fail').length);
      expect(Number(suite['@_errors'])).toBe(0);
      expect(Number(suite['@_skipped'])).toBe(results.filter((r) => r.status === 'not_applicable').length + manual);
      expect(suite.testcase.filter((t) => t.failure)).toHaveLength(Number(suite['@_failures']));
    }
    // The microfinance account: 19 planted failing pairs, counted once per control that cites them.
    expect(Number(parsed.testsuites['@_failures'])).toBe(suites.reduce((n, s) => n + Number(s['@_failures']), 0));
    expect(Number(parsed.testsuites['@_failures'])).toBeGreaterThan(19);
  });

  it('carries the evidence in each failure', () => {
    const pci = parsed.testsuites.testsuite.find((s) => s['@_name'] === 'pci-dss-v4')!;
    const rdp = pci.testcase.find((t) => t['@_classname'] === 'pci-dss-v4.1.3.1' && t['@_name'].startsWith('ec2-sg-no-public-admin-ports ') && t.failure)!;
    expect(rdp.failure!['@_type']).toBe('high');
    expect(rdp.failure!['#text']).toContain('"exposedPorts"');
    expect(rdp.failure!['#text']).toContain('3389');
  });
});
