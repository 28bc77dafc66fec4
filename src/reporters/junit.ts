/**
 * JUnit XML for GitLab, Azure DevOps and Jenkins: a testsuite per framework,
 * a testcase per control, check and region. A testcase fails when a result in
 * it fails (unwaived), is in error when one could not be decided, is skipped
 * when everything in it is not applicable or its only failures are waived; its body names the
 * failing resources with their evidence (the first LISTED of them: the JSON
 * report has all). Each manual control is one skipped testcase whose message
 * says what an auditor should collect. Grouping keeps the file small whatever
 * the account's size: GitLab refuses JUnit files over 30 MB.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { AssessedResult, Assessment, Evaluation } from '../assess/types.js';
import { rendered } from './stream.js';
import type { Reporter } from './types.js';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: false, suppressEmptyNode: true });

/** Failing resources quoted per testcase, and characters of evidence per resource. */
export const LISTED = 20;
const EVIDENCE_CHARS = 300;

type Node = Record<string, unknown>;

interface Group {
  classname: string;
  name: string;
  evaluation: Evaluation;
  results: AssessedResult[];
  waived: Map<string, string>;
}

function groupsOf(classname: string, evaluation: Evaluation, waivedBy: Map<string, string>): Group[] {
  const byRegion = new Map<string, AssessedResult[]>();
  for (const r of evaluation.results) {
    const list = byRegion.get(r.resource.region);
    if (list) list.push(r);
    else byRegion.set(r.resource.region, [r]);
  }
  return [...byRegion.keys()].sort().map((region) => ({ classname, name: `${evaluation.key} ${region}`, evaluation, results: byRegion.get(region)!, waived: waivedBy }));
}

function line(r: AssessedResult): string {
  const evidence = JSON.stringify(r.evidence);
  return `${r.resource.arn}: ${r.message}\n  evidence: ${evidence.length > EVIDENCE_CHARS ? `${evidence.slice(0, EVIDENCE_CHARS - 3)}...` : evidence}`;
}

/** The testcase of a group, and the counter it adds to. */
function testcase(g: Group, waivers: Map<string, { ref: string; approver: string; expires: string }>): { node: Node; kind: 'pass' | 'failure' | 'error' | 'skipped' } {
  const waivedOf = (r: AssessedResult) => (r.status === 'fail' ? g.waived.get(`${g.evaluation.key}\n${r.resource.arn}`) : undefined);
  const failing = g.results.filter((r) => r.status === 'fail' && waivedOf(r) === undefined);
  const errors = g.results.filter((r) => r.status === 'error');
  const waived = g.results.filter((r) => waivedOf(r) !== undefined);
  const base: Node = { '@classname': g.classname, '@name': g.name };
  const body = (list: AssessedResult[]) =>
    [...list.slice(0, LISTED).map(line), ...(list.length > LISTED ? [`... and ${list.length - LISTED} more (see the JSON report)`] : [])].join('\n');
  if (failing.length > 0) {
    const message = `${failing.length} of ${g.results.length} resource(s) fail ${g.evaluation.checkId}`;
    return { node: { ...base, failure: { '@message': message, '@type': g.evaluation.severity, '#text': body(failing) } }, kind: 'failure' };
  }
  if (errors.length > 0) {
    const message = `${errors.length} of ${g.results.length} result(s) of ${g.evaluation.checkId} could not be decided`;
    return { node: { ...base, error: { '@message': message, '@type': 'incomplete', '#text': body(errors) } }, kind: 'error' };
  }
  // Every failure in the group is waived: skipped with the waivers, so the
  // acceptance stays visible in the pipeline rather than reading as a pass.
  if (waived.length > 0) {
    const refs = [...new Set(waived.map((r) => waivedOf(r)!))].sort();
    const detail = refs.map((ref) => {
      const w = waivers.get(ref);
      return w ? `${ref} (approved by ${w.approver}; expires ${w.expires})` : ref;
    });
    return { node: { ...base, skipped: { '@message': `waived by ${detail.join(', ')}`, '#text': body(waived) } }, kind: 'skipped' };
  }
  if (g.results.every((r) => r.status === 'not_applicable')) {
    return { node: { ...base, skipped: { '@message': `not applicable: ${g.results[0]?.message ?? ''}` } }, kind: 'skipped' };
  }
  return { node: base, kind: 'pass' };
}

/** One <testsuite> per framework of `a`, with its counts (they come first in the XML) and its lines. */
export function junitSuites(a: Assessment, suiteName: (frameworkId: string) => string = (id) => id): JunitSuite[] {
  const evaluations = new Map(a.evaluations.map((e) => [e.key, e]));
  const waivers = new Map((a.waivers?.entries ?? []).map((w) => [w.ref, w]));

  // Counts come first in the XML: one pass to count, one to write.
  return a.frameworks.map((f) => {
    const cases: { node: Node; kind: string }[] = [];
    for (const control of f.controls) {
      if (control.manual) {
        // No check can evidence it: one skipped testcase carrying what to collect.
        cases.push({ node: { '@classname': `${f.id}.${control.id}`, '@name': `manual ${control.id}`, skipped: { '@message': `manual: ${control.manual.collect}` } }, kind: 'skipped' });
        continue;
      }
      const waivedBy = new Map(control.waivedResults.map((w) => [`${w.evaluation}\n${w.arn}`, w.waiver]));
      for (const key of control.evaluations) {
        for (const g of groupsOf(`${f.id}.${control.id}`, evaluations.get(key)!, waivedBy)) cases.push(testcase(g, waivers));
      }
    }
    const count = (kind: string) => cases.filter((c) => c.kind === kind).length;
    const counts = { tests: cases.length, failures: count('failure'), errors: count('error'), skipped: count('skipped') };
    const props: [string, string][] = [
      ['title', f.title],
      ['score', f.score === null ? 'n/a' : f.score.toFixed(1)],
      ['scoreAttested', f.scoreAttested === null ? 'n/a' : f.scoreAttested.toFixed(1)],
      ['account', a.snapshot.accountId],
      ['snapshotCollectedAt', a.snapshot.collectedAt],
      ...(a.filters ? ([['filter', a.filters.statement]] as [string, string][]) : []),
    ];
    return {
      counts,
      *xml() {
        yield `  <testsuite${xmlAttrs({ name: suiteName(f.id), ...counts })}>\n`;
        yield '    <properties>\n';
        for (const [name, value] of props) yield `      <property${xmlAttrs({ name, value })}/>\n`;
        yield '    </properties>\n';
        for (const c of cases) yield `    ${builder.build({ testcase: c.node }) as string}\n`;
        yield '  </testsuite>\n';
      },
    };
  });
}

export interface JunitSuite {
  counts: { tests: number; failures: number; errors: number; skipped: number };
  xml(): Generator<string>;
}

const xmlEsc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const xmlAttrs = (o: Record<string, string | number>) => Object.entries(o).map(([k, v]) => ` ${k}="${xmlEsc(String(v))}"`).join('');

/** A <testsuites> document around suites, with their totals. */
export function* junitDocument(suites: readonly JunitSuite[]): Generator<string> {
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const s of suites) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += s.counts[k];
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites${xmlAttrs({ name: 'archscan', ...totals })}>\n`;
  for (const s of suites) yield* s.xml();
  yield '</testsuites>\n';
}

export const renderJunit: Reporter = (a) => {
  const suites = junitSuites(a);
  return rendered(() => junitDocument(suites));
};
