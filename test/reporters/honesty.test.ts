/**
 * Issue 11, "honesty in every report": a control whose clause is unverified
 * or whose evidence is partial is shown as such, with the rule file's note, in
 * text, Markdown, HTML, SARIF and JSON; every format shows the attested score
 * beside the score over all controls, and each framework states its scope.
 * Before the fix no report showed the notes and a partial control read as a
 * plain PASS.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import type { Assessment } from '../../src/assess/types.js';
import { buildInventory } from '../../src/inventory/build.js';
import { renderHtml } from '../../src/reporters/html.js';
import { renderJson } from '../../src/reporters/json.js';
import { renderJunit } from '../../src/reporters/junit.js';
import { renderMarkdown } from '../../src/reporters/markdown.js';
import { renderSarif } from '../../src/reporters/sarif.js';
import { renderText } from '../../src/reporters/text.js';
import { parseRuleSet } from '../../src/rules/load.js';
import { emptySnapshot } from '../helpers/snapshot.js';

const PARTIAL_NOTE = 'Disk encryption alone does not render PAN unreadable (see 3.5.1.2).';
const COLLECT = 'How PAN is rendered unreadable in each data store.';
const UNVERIFIED_NOTE = 'Paragraph number not found in the published text.';

const RULES = `id: honesty
title: Honesty
version: "1"
source: { document: Test, publisher: Test, date: "2026" }
controls:
  - id: "1.1"
    title: Root is protected
    source: Test 1.1
    checks: [{ check: iam-root-mfa-enabled }]
  - id: "3.5.1"
    title: Stored PAN unreadable
    source: Test 3.5.1
    note: "${PARTIAL_NOTE}"
    checks: [{ check: ebs-encryption-by-default }]
    partial:
      collect: ${COLLECT}
  - id: X-topic
    title: Root keys removed
    source: Test, section X (paragraph unverified)
    verified: false
    note: ${UNVERIFIED_NOTE}
    checks: [{ check: iam-root-no-access-keys }]
`;

function assessment(): Assessment {
  const snap = emptySnapshot(['ap-south-1']);
  snap.metadata.skippedRegions = [{ region: 'me-central-1', reason: 'not opted in for this account' }];
  return assess(snap, buildInventory(snap), [parseRuleSet(RULES, 'honesty.yaml')], '0.0.0-test');
}

const a = assessment();
const opts = { color: false };

describe('every format says which controls are not attested, and why', () => {
  it('the assessment: the partial control passes on its check, but only the attested control makes scoreAttested', () => {
    const f = a.frameworks[0]!;
    expect(f.controls.map((c) => [c.id, c.status, c.evidence, c.attested])).toEqual([
      ['1.1', 'pass', 'automated', true],
      ['3.5.1', 'pass', 'partial', false],
      ['X-topic', 'pass', 'automated', false],
    ]);
    expect([f.score, f.scoreAttested]).toEqual([100, 100]);
  });

  it('text: a partial marker, the note and what else to collect; both scores; the scope', () => {
    const text = renderText(a, { ...opts, verbose: true }).text;
    expect(text).toContain('  PASS   3.5.1  Stored PAN unreadable [partial evidence]  score 100.0\n');
    expect(text).toContain(`         note: ${PARTIAL_NOTE}\n`);
    expect(text).toContain(`         also collect: ${COLLECT}\n`);
    expect(text).toContain('  PASS   X-topic  Root keys removed (clause unverified)  score 100.0\n');
    expect(text).toContain(`         note: ${UNVERIFIED_NOTE}\n`);
    // An attested control gets no note line.
    expect(text).toMatch(/ {2}PASS {3}1\.1 {2}Root is protected {2}score 100\.0\n {2}PASS {3}3\.5\.1/);
    expect(text).toContain('score 100.0/100  attested controls only: 100.0');
    expect(text).toContain('  evidence: 1 attested · 1 partial · 1 clause unverified · 0 manual\n');
    // The scope wraps within 100 columns; its words are all there.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(' scope: regions ap-south-1; not scanned: me-central-1 (not opted in for this account); services read: ec2, iam. ');
    expect(flat).toContain(' PASS means the configuration archscan read when the snapshot was collected (snapshot.collectedAt) met');
  });

  it('Markdown: PASS (partial), the caveat list with notes, the attested score and the scope', () => {
    const md = renderMarkdown(a, opts).text;
    expect(md).toContain('| 3.5.1 | Stored PAN unreadable (partial evidence) | PASS (partial) | partial | `ebs-encryption-by-default` |');
    expect(md).toContain('| X-topic | Root keys removed (clause unverified) | PASS | automated |');
    expect(md).toContain('### Partial evidence and unverified clauses');
    expect(md).toContain(`- **3.5.1** Stored PAN unreadable (partial evidence; PASS (partial)): Disk encryption alone does not render PAN unreadable (see 3.5.1.2). Also collect: ${COLLECT}`);
    expect(md).toContain(`- **X-topic** Root keys removed (clause unverified; PASS): ${UNVERIFIED_NOTE}`);
    expect(md).toContain('(attested controls only: **100.0**)');
    expect(md).toContain('**Scope.** Regions scanned: ap-south-1. Regions not scanned: me-central-1 (not opted in for this account). Services read: ec2, iam. PASS means');
    expect(md).toContain('**Evidence.** 1 attested, 1 partially evidenced, 1 with the clause unverified, 0 manual.');
    // The evidence to collect for the partial control sits with the manual evidence.
    const manual = md.slice(md.indexOf('## Manual evidence to collect'));
    expect(manual).toContain(`| 3.5.1 | Stored PAN unreadable (partial evidence) | partial | ${COLLECT} |`);
  });

  it('HTML: data attributes, the caveat table with notes, and the scope', () => {
    const html = renderHtml(a, opts).text;
    expect(html).toContain('data-control="3.5.1" data-status="pass" data-evidence="partial" data-attested="false"');
    expect(html).toContain('<span class="status s-pass">PASS (partial)</span>');
    expect(html).toContain(`<td class="reason">${PARTIAL_NOTE}</td><td class="reason">${COLLECT}</td>`);
    expect(html).toContain(`<td class="reason">${UNVERIFIED_NOTE}</td>`);
    expect(html).toContain('data-score-attested="100"');
    expect(html).toContain('data-regions-not-scanned="me-central-1"');
  });

  it('SARIF: taxa carry evidence, attested and the note; citations are marked', () => {
    const sarif = JSON.parse(renderSarif(a, opts).text) as {
      runs: { taxonomies: { taxa: { id: string; fullDescription: { text: string }; properties: Record<string, unknown> }[] }[]; properties: Record<string, unknown> }[];
    };
    const taxa = sarif.runs[0]!.taxonomies[0]!.taxa;
    const partial = taxa.find((t) => t.id === '3.5.1')!;
    expect(partial.properties).toMatchObject({ evidence: 'partial', attested: false, note: PARTIAL_NOTE, partialCollect: COLLECT });
    expect(partial.fullDescription.text).toBe(`Test 3.5.1. Note: ${PARTIAL_NOTE}`);
    expect(taxa.find((t) => t.id === 'X-topic')!.properties).toMatchObject({ verified: false, attested: false, note: UNVERIFIED_NOTE });
    expect(taxa.find((t) => t.id === '1.1')!.fullDescription.text).toBe('Test 1.1');
    expect(sarif.runs[0]!.properties['scoresAttested']).toEqual({ honesty: 100 });
    const rules = (JSON.parse(renderSarif(a, opts).text) as { runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } } }[] }).runs[0]!.tool.driver.rules;
    expect(rules.find((r) => r.id === 'ebs-encryption-by-default')!.help.text).toContain('Evidences: honesty 3.5.1 (partial evidence)');
  });

  it('JSON: evidence, attested, partial.collect, note, scoreAttested, controlEvidence and scope', () => {
    const json = JSON.parse(renderJson(a, opts).text) as Assessment;
    const f = json.frameworks[0]!;
    expect(f.controls[1]).toMatchObject({ evidence: 'partial', attested: false, note: PARTIAL_NOTE, partial: { collect: COLLECT } });
    expect(f.scoreAttested).toBe(100);
    expect(f.controlEvidence).toEqual({ attested: 1, partial: 1, unverified: 1, manual: 0 });
    expect(f.scope.regionsNotScanned).toEqual([{ region: 'me-central-1', reason: 'not opted in for this account' }]);
  });

  it('JUnit: the attested score as a suite property', () => {
    expect(renderJunit(a, opts).text).toContain('<property name="scoreAttested" value="100.0"/>');
  });
});
