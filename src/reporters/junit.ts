/**
 * JUnit XML for GitLab, Azure DevOps and Jenkins: a testsuite per framework,
 * a testcase per control and resource; failures and errors carry the evidence,
 * not_applicable results are skipped, a failure waived in the control is
 * skipped with the waiver's reason, and each manual control is one skipped
 * testcase whose message says what an auditor should collect.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Assessment } from '../assess/types.js';
import type { Status } from '../checks/types.js';
import type { Reporter } from './types.js';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, indentBy: '  ', suppressEmptyNode: true });

type Node = Record<string, unknown>;

function outcome(status: Status, message: string, severity: string, body: string): Node {
  switch (status) {
    case 'fail':
      return { failure: { '@message': message, '@type': severity, '#text': body } };
    case 'error':
      return { error: { '@message': message, '@type': 'incomplete', '#text': body } };
    case 'not_applicable':
      return { skipped: { '@message': `not applicable: ${message}` } };
    case 'pass':
      return {};
  }
}

export const renderJunit: Reporter = (a) => {
  const evaluations = new Map(a.evaluations.map((e) => [e.key, e]));
  const waivers = new Map((a.waivers?.entries ?? []).map((w) => [w.ref, w]));
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const suites = a.frameworks.map((f) => {
    const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const testcase: Node[] = [];
    for (const control of f.controls) {
      if (control.manual) {
        // No check can evidence it: one skipped testcase carrying what to collect.
        counts.tests++;
        counts.skipped++;
        testcase.push({
          '@classname': `${f.id}.${control.id}`,
          '@name': `manual ${control.id}`,
          skipped: { '@message': `manual: ${control.manual.collect}` },
        });
        continue;
      }
      const waivedBy = new Map(control.waivedResults.map((w) => [`${w.evaluation}\n${w.arn}`, w.waiver]));
      for (const key of control.evaluations) {
        const ev = evaluations.get(key)!;
        for (const r of ev.results) {
          counts.tests++;
          const waiver = r.status === 'fail' ? waivers.get(waivedBy.get(`${key}\n${r.resource.arn}`) ?? '') : undefined;
          if (waiver) counts.skipped++;
          else if (r.status === 'fail') counts.failures++;
          else if (r.status === 'error') counts.errors++;
          else if (r.status === 'not_applicable') counts.skipped++;
          const body = `${r.message}\nresource: ${r.resource.arn}\nevidence: ${JSON.stringify(r.evidence, null, 2)}`;
          testcase.push({
            '@classname': `${f.id}.${control.id}`,
            '@name': `${key} ${r.resource.arn}`,
            ...(waiver
              ? { skipped: { '@message': `waived by ${waiver.ref} (approved by ${waiver.approver}; expires ${waiver.expires}): ${waiver.reason}`, '#text': body } }
              : outcome(r.status, r.message, ev.severity, body)),
          });
        }
      }
    }
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    totals.errors += counts.errors;
    totals.skipped += counts.skipped;
    return {
      '@name': f.id,
      '@tests': counts.tests,
      '@failures': counts.failures,
      '@errors': counts.errors,
      '@skipped': counts.skipped,
      properties: {
        property: [
          { '@name': 'title', '@value': f.title },
          { '@name': 'score', '@value': f.score === null ? 'n/a' : f.score.toFixed(1) },
          { '@name': 'scoreAttested', '@value': f.scoreAttested === null ? 'n/a' : f.scoreAttested.toFixed(1) },
          { '@name': 'account', '@value': a.snapshot.accountId },
          { '@name': 'snapshotCollectedAt', '@value': a.snapshot.collectedAt },
        ],
      },
      testcase,
    };
  });
  const xml = builder.build({
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    testsuites: { '@name': 'archscan', ...Object.fromEntries(Object.entries(totals).map(([k, v]) => [`@${k}`, v])), testsuite: suites },
  }) as string;
  return { text: xml.endsWith('\n') ? xml : `${xml}\n`, warnings: [] };
};
