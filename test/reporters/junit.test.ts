import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import { buildInventory } from '../../src/inventory/build.js';
import { LISTED, renderJunit } from '../../src/reporters/junit.js';
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

  it('has a testsuite per framework and a testcase per control, check and region (and per manual control), with the expected counts', () => {
    const suites = parsed.testsuites.testsuite;
    expect(suites.map((s) => s['@_name'])).toEqual(assessment.frameworks.map((f) => f.id));
    const byKey = new Map(assessment.evaluations.map((e) => [e.key, e]));
    for (const [i, f] of assessment.frameworks.entries()) {
      // The (control, evaluation, region) groups, each with its results; the microfinance account has no waivers.
      const groups = f.controls.flatMap((c) =>
        c.evaluations.flatMap((k) => {
          const results = byKey.get(k)!.results;
          return [...new Set(results.map((r) => r.resource.region))].sort().map((region) => ({
            classname: `${f.id}.${c.id}`,
            name: `${k} ${region}`,
            results: results.filter((r) => r.resource.region === region),
          }));
        }),
      );
      const manual = f.controls.filter((c) => c.status === 'manual').length;
      const failing = groups.filter((g) => g.results.some((r) => r.status === 'fail'));
      const suite = suites[i]!;
      expect(suite.testcase.filter((t) => !t['@_name'].startsWith('manual ')).map((t) => [t['@_classname'], t['@_name']])).toEqual(groups.map((g) => [g.classname, g.name]));
      expect(Number(suite['@_tests'])).toBe(groups.length + manual);
      expect(Number(suite['@_failures'])).toBe(failing.length);
      expect(Number(suite['@_errors'])).toBe(0);
      expect(Number(suite['@_skipped'])).toBe(groups.filter((g) => g.results.every((r) => r.status === 'not_applicable')).length + manual);
      // Each failing testcase names every failing resource of its group (all are under the listing cap here).
      for (const g of failing) {
        const t = suite.testcase.find((c) => c['@_classname'] === g.classname && c['@_name'] === g.name)!;
        for (const r of g.results.filter((x) => x.status === 'fail')) expect(t.failure!['#text']).toContain(r.resource.arn);
      }
    }
    expect(Number(parsed.testsuites['@_failures'])).toBe(suites.reduce((n, s) => n + Number(s['@_failures']), 0));
    expect(Number(parsed.testsuites['@_failures'])).toBeGreaterThan(10);
  });

  it('stays small however many resources fail: the first LISTED per testcase and a count of the rest', () => {
    const ev = assessment.evaluations.find((e) => e.results.some((r) => r.status === 'fail'))!;
    const failing = ev.results.find((r) => r.status === 'fail')!;
    const many = Array.from({ length: 50_000 }, (_, n) => ({ ...failing, resource: { ...failing.resource, id: `r-${n}`, arn: `${failing.resource.arn}-${n}` } }));
    const big = { ...assessment, evaluations: assessment.evaluations.map((e) => (e === ev ? { ...e, results: many } : e)) };
    const out = renderJunit(big, { color: false }).text;
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out.length).toBeLessThan(xml.length * 2);
    expect(out).toContain(`${failing.resource.arn}-${LISTED - 1}:`);
    expect(out).not.toContain(`${failing.resource.arn}-${LISTED}:`);
    expect(out).toContain(`... and ${50_000 - LISTED} more (see the JSON report)`);
  });

  it('carries the evidence in each failure', () => {
    const pci = parsed.testsuites.testsuite.find((s) => s['@_name'] === 'pci-dss-v4')!;
    const rdp = pci.testcase.find((t) => t['@_classname'] === 'pci-dss-v4.1.3.1' && t['@_name'].startsWith('ec2-sg-no-public-admin-ports ') && t.failure)!;
    expect(rdp.failure!['@_type']).toBe('high');
    expect(rdp.failure!['#text']).toContain('"exposedPorts"');
    expect(rdp.failure!['#text']).toContain('3389');
  });
});
