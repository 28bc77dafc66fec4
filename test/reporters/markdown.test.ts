/**
 * The Markdown VAPT pack: each fixture's equals its golden file byte for
 * byte (`npm run golden` rewrites them), and the waiver, manual, error and
 * baseline sections render what the assessment holds, escaped for GitHub.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import { describeCallError, isExpectedCallError } from '../../src/assess/call-errors.js';
import type { Assessment } from '../../src/assess/types.js';
import { buildInventory } from '../../src/inventory/build.js';
import { mdCode, mdText, renderMarkdown } from '../../src/reporters/markdown.js';
import { loadBuiltinRuleSets } from '../../src/rules/load.js';
import { readSnapshotHashed } from '../../src/snapshot/read.js';
import { createHash } from 'node:crypto';
import { baselineTitle, evidenceJson, EVIDENCE_MAX, prettyJsonText, TOP_FINDINGS } from '../../src/reporters/pack.js';
import { fixture, ROOT, runCli } from '../helpers/cli.js';
import { augmented, fixtureAssessment, HOSTILE } from './pack-data.js';

const DIR = `${ROOT}fixtures/`;
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.planted.yaml'))
  .map((f) => f.replace(/\.planted\.yaml$/, ''))
  .sort();

/** The generation time scripts/golden.mjs pins (SOURCE_DATE_EPOCH=1796083200). */
const GOLDEN_EPOCH = '1796083200';
const GOLDEN_AT = '2026-12-01T00:00:00Z';

/** As the CLI scans a fixture (and as scripts/golden.mjs does): the pack names the snapshot's hash and the pinned time. */
async function scan(name: string): Promise<{ a: Assessment; sha256: string }> {
  const file = `${DIR}${name}.json`;
  const { snapshot, sha256 } = await readSnapshotHashed(file);
  return { a: assess(snapshot, buildInventory(snapshot), loadBuiltinRuleSets(), '0.1.0'), sha256 };
}

const md = (a: Assessment) => renderMarkdown(a, { color: false }).text;

/** Cell boundaries of a table line: pipes not escaped with a backslash. */
const cells = (line: string) => line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length - 2;

/** Every table's rows have as many cells as its header: nothing from the account broke a row. */
function expectWellFormedTables(text: string): void {
  let width = -1;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      width = -1;
      continue;
    }
    if (width === -1) width = cells(line);
    else expect(cells(line), line).toBe(width);
  }
}

/** The lines of one `## ` section. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}`);
  expect(start, heading).toBeGreaterThan(-1);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start + 1, end === -1 ? undefined : end);
}

describe('Markdown VAPT pack: goldens', () => {
  it('has a golden per fixture', () => {
    expect(names.length).toBeGreaterThanOrEqual(6);
  });

  it.each(names)('%s reproduces fixtures/%s.report.md byte for byte', async (name) => {
    const golden = `${DIR}${name}.report.md`;
    expect(existsSync(golden), `${golden} missing: run npm run golden`).toBe(true);
    const { a, sha256 } = await scan(name);
    const text = renderMarkdown(a, { color: false, generatedAt: GOLDEN_AT, snapshotSha256: sha256 }).text;
    expect(text).toBe(readFileSync(golden, 'utf8'));
    expectWellFormedTables(text);
  });
});

describe('scan --format markdown|html|csv (the built CLI)', () => {
  it('writes the pack and the CSV, with the scan\'s exit code', async () => {
    const snapshot = fixture('payments-group.json');
    const mdRun = await runCli(['scan', '--snapshot', snapshot, '--format', 'markdown', '--quiet'], { SOURCE_DATE_EPOCH: GOLDEN_EPOCH });
    expect(mdRun.code).toBe(3);
    expect(mdRun.stdout).toBe(readFileSync(`${DIR}payments-group.report.md`, 'utf8'));
    // The hash is of the file's bytes, as sha256sum prints it.
    const sha = createHash('sha256').update(readFileSync(snapshot)).digest('hex');
    expect(mdRun.stdout).toContain(`| Snapshot SHA-256 | \`${sha}\` |`);
    expect(mdRun.stdout).toContain(`| Generated at | ${GOLDEN_AT} |`);
    const htmlRun = await runCli(['scan', '--snapshot', snapshot, '--format', 'html', '--quiet']);
    expect(htmlRun.stdout.startsWith('<!DOCTYPE html>\n')).toBe(true);
    const csvRun = await runCli(['scan', '--snapshot', snapshot, '--format', 'csv', '--quiet']);
    expect(csvRun.stdout.startsWith('account,region,framework_controls,check_id,')).toBe(true);
    expect([htmlRun.code, csvRun.code]).toEqual([3, 3]);
  });
});

describe('Markdown VAPT pack: sections', () => {
  const plain = fixtureAssessment('payments-group');
  const plainText = md(plain);
  const aug = augmented('payments-group');
  const a = aug.assessment;
  const text = md(a);

  it('is deterministic and keeps every table row whole, hostile text included', () => {
    expect(md(structuredClone(a))).toBe(text);
    expectWellFormedTables(text);
    // Markup from the account is backslash-escaped or inside a code span, so GitHub shows it as text.
    const prose = text.replace(/(`+)[\s\S]*?\1/g, '');
    expect(prose).not.toMatch(/(?<!\\)<img/);
    expect(prose).not.toContain(HOSTILE);
    expect(text).toContain(mdCode(`${aug.hostile.resource.id} (${HOSTILE})`));
  });

  it('opens with the cover: account, regions, frameworks, snapshot time, version, scores and the formula', () => {
    const cover = text.slice(0, text.indexOf('\n## ', text.indexOf('## Scores') + 1));
    expect(cover.startsWith(`# VAPT audit pack: account ${a.snapshot.accountId}\n`)).toBe(true);
    expect(cover).toContain(`| Regions | ${a.snapshot.regions.join(', ')} |`);
    expect(cover).toContain(`| Snapshot collected at | ${a.snapshot.collectedAt} |`);
    expect(cover).toContain(`| Tool | archscan ${a.tool.version} |`);
    expect(cover).toContain('| Scan complete | no: 5 results could not be decided (ERROR)');
    for (const f of a.frameworks) {
      const c = f.counts;
      const attested = f.scoreAttested === null ? 'n/a' : f.scoreAttested.toFixed(1);
      expect(cover).toContain(`(\`${f.id}\`) | ${f.score!.toFixed(1)} | ${attested} | FAIL | ${c.pass} | ${c.fail} | ${c.error} | ${c.not_applicable} | ${f.waived} |`);
      // With waivers: a line per framework with the waived count and the score counting them.
      expect(cover).toContain(
        `- \`${f.id}\`: ${f.waived} waived result${f.waived === 1 ? '' : 's'}; score counting waived results as failures ${f.scoreCountingWaived!.toFixed(1)} (reported ${f.score!.toFixed(1)})`,
      );
    }
    expect(cover).toContain('**Score formula.** score = 100 × Σ weight(pass)');
    // Without a waiver file there is no waived line.
    expect(plainText).not.toContain('**Waived results.**');
  });

  it('has a section per framework with every control in its table, MANUAL ones marked not scored', () => {
    for (const f of a.frameworks) {
      const s = section(text, `${mdText(f.title)} (\`${f.id}\`)`);
      for (const c of f.controls) {
        const row = s.split('\n').find((l) => l.startsWith(`| ${mdText(c.id)} | `));
        expect(row, `${f.id} ${c.id}`).toBeDefined();
        expect(row).toContain(c.manual ? '| MANUAL | manual | none: collect evidence |' : `| ${c.score === null ? 'n/a' : c.score.toFixed(1)} |`);
        if (!c.manual) expect(row).toContain(` | ${c.evidence} | `);
        if (c.evidence === 'partial') expect(row).toContain('(partial evidence');
      }
    }
  });

  it('lists failing resources under their control with evidence and remediation, and waived ones as WAIVED with the ref', () => {
    const { evaluation: ev1, result: r1 } = aug.waivedEverywhere;
    const lines = text.split('\n');
    /** The result line above each ARN line of this evaluation and resource. */
    const resultLines = (key: string, arn: string) => {
      let current = '';
      return lines.flatMap((l, i) => {
        if (l.startsWith('**`')) current = l.slice(3, l.indexOf('`**'));
        return current === key && l === `  - ARN: \`${arn}\`` ? [lines[i - 1]!] : [];
      });
    };
    // W-001 (check waiver): WAIVED in every control citing the evaluation.
    const hits1 = resultLines(ev1.key, r1.resource.arn);
    const citing1 = a.frameworks.flatMap((f) => f.controls.filter((c) => c.evaluations.includes(ev1.key)));
    expect(hits1).toHaveLength(citing1.length);
    for (const l of hits1) expect(l).toMatch(/^- \*\*WAIVED\*\* \(waiver `W-001`\) /);
    // W-002 (control waiver): WAIVED in that one control, FAIL elsewhere.
    const { evaluation: ev2, result: r2, control } = aug.waivedInOne;
    const hits2 = resultLines(ev2.key, r2.resource.arn);
    expect(hits2.filter((l) => l.startsWith('- **WAIVED** (waiver `W-002`)'))).toHaveLength(1);
    expect(hits2.filter((l) => l.startsWith('- **FAIL** ')).length).toBeGreaterThan(0);
    const [fw, ctrl] = control.split(':') as [string, string];
    const f = a.frameworks.find((x) => x.id === fw)!;
    const body = section(text, `${mdText(f.title)} (\`${fw}\`)`);
    const block = body.slice(body.indexOf(`#### ${mdText(ctrl)} `));
    expect(block.slice(0, block.indexOf('\n#### ', 1) === -1 ? undefined : block.indexOf('\n#### ', 1))).toContain('(waiver `W-002`)');

    // Rationale, remediation and evidence of the failing check.
    const check = a.checks.find((c) => c.id === ev1.checkId)!;
    expect(text).toContain(`*Risk:* ${mdText(check.rationale)}`);
    expect(text).toContain(`*Remediation:* ${mdText(check.remediation)}`);
    // Evidence pretty-printed in a fenced block under the result, never cut inside a value.
    const pretty = prettyJsonText(r1.evidence).split('\n').map((l) => `    ${l}`).join('\n');
    expect(JSON.parse(prettyJsonText(r1.evidence))).toEqual(r1.evidence);
    expect(text).toContain(`  - Evidence:\n\n    \`\`\`json\n${pretty}\n    \`\`\`\n`);
    expect(text).not.toContain('  - Evidence: `');
  });

  it('has the waivers section: ref, scope, pattern, reason, approver, expiry, state, matched', () => {
    const s = section(text, 'Waivers');
    expect(s).toContain('Expiry judged on 2026-11-20.');
    const rows = s.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe(`| \`W-001\` | check ${mdText(aug.waivedEverywhere.evaluation.checkId)} | \`${aug.waivedEverywhere.result.resource.arn}\` | Compensating control: reviewed quarterly | ciso@example.com | 2027-03-31 | ACTIVE | 1 |`);
    expect(rows[1]).toContain(`| control ${mdText(aug.waivedInOne.control)} |`);
    expect(rows[2]).toBe('| `waivers[2]` | check ec2-sg-no-public-admin-ports | `arn:aws:ec2:*:*:security-group/*` | Old pen-test window | it@example.com | 2026-06-30 | EXPIRED | 2 |');
    expect(rows[3]).toContain('| STALE | 0 |');
    expect(rows[3]).toContain(mdText(HOSTILE));
    expect(section(plainText, 'Waivers')).toBe('## Waivers\n\nNo waiver file was given: nothing is waived.\n');
  });

  it('has the errors section: every failed call with the missing permission, and every error result', () => {
    const s = section(plainText, 'Errors and missing permissions');
    // WAFNonexistentItemException from GetLoggingConfiguration means "no logging set up": an answer, listed under Not applicable.
    const failed = plain.callErrors.filter((e) => !isExpectedCallError(e));
    expect(failed.map((e) => `${e.service}:${e.operation}`)).toEqual(['guardduty:ListDetectors', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus']);
    expect(s).toContain(`### Failed calls (3)`);
    for (const e of failed) expect(s).toContain(`| ${mdText(describeCallError(e))} | ${mdText(e.message)} |`);
    expect(s).not.toContain('WAFNonexistentItemException');
    expect(s).toContain('(missing permission guardduty:ListDetectors)');
    const errors = plain.evaluations.flatMap((e) => e.results.filter((r) => r.status === 'error'));
    // Three GuardDuty checks of eu-west-1 need ListDetectors; two KMS checks of the tokenisation key need the denied calls.
    expect(errors.map((r) => `${r.checkId} ${r.resource.id}`).sort()).toEqual([
      'guardduty-centrally-administered guardduty/eu-west-1',
      'guardduty-enabled guardduty/eu-west-1',
      'guardduty-malware-protection-enabled guardduty/eu-west-1',
      'kms-key-policy-no-public-principal 51876dc8-24a0-43fc-86b0-ffbd87de9d7c',
      'kms-key-rotation-enabled 51876dc8-24a0-43fc-86b0-ffbd87de9d7c',
    ]);
    expect(s).toContain(`### Undetermined results (${errors.length})`);
    for (const r of errors) expect(s).toContain(`| ${mdText(r.resource.region)} | ${mdText(r.message)} |`);
    expect(section(md(fixtureAssessment('baseline-compliant')), 'Errors and missing permissions')).toContain(
      'None: every call succeeded and every result was decided.',
    );
  });

  it('has the manual section: every manual and partially evidenced control with what to collect, per framework', () => {
    const s = section(text, 'Manual evidence to collect');
    const marks = (c: { evidence: string; verified: boolean }) =>
      [c.evidence === 'partial' ? 'partial evidence' : '', c.verified ? '' : 'clause unverified'].filter(Boolean).join('; ');
    for (const f of a.frameworks) {
      const byHand = f.controls.filter((c) => c.manual || c.partial);
      if (byHand.length === 0) continue;
      expect(s).toContain(`### ${mdText(f.title)} (\`${f.id}\`)`);
      for (const c of byHand) {
        const title = `${mdText(c.title)}${marks(c) ? ` (${marks(c)})` : ''}`;
        expect(s).toContain(`| ${mdText(c.id)} | ${title} | ${c.evidence} | ${mdText((c.manual ?? c.partial)!.collect)} |`);
      }
    }
    const total = a.frameworks.reduce((n, f) => n + f.controlCounts.manual + f.controlEvidence.partial, 0);
    expect(s.split('\n').filter((l) => /^\| (?!Control |---)/.test(l))).toHaveLength(total);
  });

  it('has the change since the baseline, titled with its date: counts and score change per framework, new and fixed findings listed', () => {
    const s = section(text, baselineTitle(a.baseline!));
    expect(baselineTitle(a.baseline!)).toBe(`Change since the scan of ${a.baseline!.old.collectedAt.slice(0, 10)}`);
    const d = a.baseline!;
    expect(s).toContain(`collected at ${d.old.collectedAt} (archscan ${d.old.toolVersion})`);
    expect(s).toContain('| Framework | Old score | New score | Change | New | Fixed | Persisting | Newly waived | Undetermined |');
    for (const f of d.frameworks) {
      const c = f.counts;
      expect(s).toContain(
        `(\`${f.id}\`) | ${f.oldScore!.toFixed(1)} | ${f.newScore!.toFixed(1)} | +${f.scoreChange!.toFixed(1)} | ${c.new} | ${c.fixed} | ${c.persisting} | ${c.newly_waived} | ${c.undetermined} |`,
      );
    }
    expect(s).toContain('| All frameworks (distinct findings) |   |   |   | 1 | 1 | 1 | 1 | 0 |');
    expect(s).toContain('### New findings (1)');
    expect(s).toContain(`| MEDIUM | \`${aug.hostile.checkId}\` | \`${aug.hostile.resource.id}\` | ${aug.hostile.resource.region} | pass → fail |`);
    expect(s).toContain('### Fixed findings (1)');
    expect(s).toMatch(/\| HIGH \| `s3-bucket-public-access-block` \| `legacy-\d+-bucket` \| us-east-1 \| fail → gone \|/);
    // Caveats: this scan has ERROR results; a framework was only in the older report.
    expect(s).toContain('This scan is incomplete (it has ERROR results)');
    expect(s).toContain('Not compared, only in the older report: legacy-framework.');
    expect(s).not.toContain('The older scan was incomplete');
    expect(plainText).not.toContain('## Change since');
    expect(text).not.toContain('last quarter');
  });

  it('says what it is: generation time and tool version, snapshot hash, scope and limitations, a sign-off block', () => {
    const given = renderMarkdown(plain, { color: false, generatedAt: GOLDEN_AT, snapshotSha256: 'ab'.repeat(32) }).text;
    expect(given).toContain(`| Generated at | ${GOLDEN_AT} |`);
    expect(given).toContain(`| Snapshot SHA-256 | \`${'ab'.repeat(32)}\` |`);
    expect(given).toContain('| Tool | archscan 0.1.0 |');
    // Without them (a live scan, a library caller) the pack says so rather than leave a blank.
    expect(plainText).toContain('| Generated at | not recorded |');
    expect(plainText).toContain('| Snapshot SHA-256 | not recorded (a live scan reads no snapshot file');
    const s = section(plainText, 'Scope, limitations and sign-off');
    expect(s).toContain('It is not a VAPT, and not a penetration test.');
    expect(s).toContain('Nothing was probed over the network');
    expect(s).toContain('| Role | Name | Signature | Date |');
    for (const role of ['Prepared by', 'Reviewed by', 'Accepted by (account owner)']) expect(s).toContain(`| ${role} |   |   |   |`);
  });

  it('ranks the top findings by severity, then by the number of controls each breaks', () => {
    const s = section(plainText, 'Top findings');
    const rows = s.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(TOP_FINDINGS);
    const rank = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 } as Record<string, number>;
    const keyed = rows.map((r) => {
      const c = r.split(' | ');
      return { sev: rank[c[1]!]!, controls: Number(c[4]) };
    });
    for (let i = 1; i < keyed.length; i++) {
      const [x, y] = [keyed[i - 1]!, keyed[i]!];
      expect(x.sev < y.sev || (x.sev === y.sev && x.controls >= y.controls), rows[i]).toBe(true);
    }
    // The first is of the highest severity failing, breaking the most controls of any finding of that severity.
    const worst = (['critical', 'high', 'medium', 'low'] as const).find((sev) => plain.evaluations.some((e) => e.severity === sev && e.counts.fail > 0))!;
    expect(keyed[0]!.sev).toBe(rank[worst.toUpperCase()]);
    const distinct = new Map<string, Set<string>>();
    for (const f of plain.frameworks) for (const c of f.controls) for (const k of c.evaluations) {
      const ev = plain.evaluations.find((e) => e.key === k)!;
      if (ev.severity !== worst) continue;
      for (const r of ev.results) if (r.status === 'fail') {
        const id = `${ev.checkId} ${r.resource.arn}`;
        distinct.set(id, (distinct.get(id) ?? new Set()).add(`${f.id}:${c.id}`));
      }
    }
    expect(keyed[0]!.controls).toBe(Math.max(...[...distinct.values()].map((v) => v.size)));
    expect(s).toContain(`The ${TOP_FINDINGS} most severe of `);
  });

  it('keeps expected not-applicable answers out of Errors and lists them as notes', () => {
    const gift = fixtureAssessment('giftcard-issuer');
    expect(gift.complete).toBe(true);
    // An asymmetric key's rotation status, and Security Hub not enabled ("not subscribed"): answers, not failures.
    expect(gift.callErrors.map((e) => `${e.service}:${e.operation} ${e.code}`)).toEqual([
      'kms:GetKeyRotationStatus UnsupportedOperationException',
      'securityhub:DescribeHub InvalidAccessException',
      'securityhub:GetEnabledStandards InvalidAccessException',
    ]);
    const t = md(gift);
    const errors = section(t, 'Errors and missing permissions');
    expect(errors).not.toContain('UnsupportedOperationException');
    expect(errors).not.toContain('InvalidAccessException');
    expect(errors).not.toContain('### Failed calls');
    expect(errors).toContain('None: every call succeeded and every result was decided. Answers that mean "does not apply" are not errors');
    const e = gift.callErrors[0]!;
    expect(section(t, 'Scope, limitations and sign-off')).toContain(`### Not applicable (3)\n\nCalls whose answer`);
    expect(t).toContain(`- ${mdText(`kms:GetKeyRotationStatus in ${e.region}${e.resource ? ` ${e.resource}` : ''}: UnsupportedOperationException`)}`);
    expect(t).toContain(`- securityhub:DescribeHub in ap-south-1: InvalidAccessException`);
  });

  it('pretty-prints evidence: short values on one line, long ones a key per line, cut only between lines', () => {
    expect(prettyJsonText({ port: 22, cidr: '0.0.0.0/0' })).toBe('{"port": 22, "cidr": "0.0.0.0/0"}');
    const rules = { openRules: Array.from({ length: 3 }, (_, i) => ({ protocol: 'tcp', from: 22 + i, to: 22 + i, source: '0.0.0.0/0' })) };
    expect(prettyJsonText(rules)).toBe(
      '{\n  "openRules": [\n' +
        rules.openRules.map((r) => `    {"protocol": "tcp", "from": ${r.from}, "to": ${r.to}, "source": "0.0.0.0/0"}`).join(',\n') +
        '\n  ]\n}',
    );
    const big = { items: Array.from({ length: 200 }, (_, i) => ({ cidr: `10.${i}.0.0/16`, note: 'x'.repeat(20) })) };
    const cut = evidenceJson(big);
    expect(cut.length).toBeLessThanOrEqual(EVIDENCE_MAX + 60);
    const lines = cut.split('\n');
    expect(lines.at(-1)).toBe('… (cut; the JSON report has it whole)');
    // Every line above the mark is a whole line of the full text: no value split.
    const full = new Set(prettyJsonText(big).split('\n'));
    for (const l of lines.slice(0, -1)) expect(full.has(l), l).toBe(true);
  });

  it('escapes Markdown in text and fences code spans around backticks', () => {
    expect(mdText('a|b *c* _d_ <e> [f](g) `h` \\ & #1 !x\nnext')).toBe('a\\|b \\*c\\* \\_d\\_ \\<e\\> \\[f\\](g) \\`h\\` \\\\ \\& \\#1 \\!x next');
    expect(mdCode('plain')).toBe('`plain`');
    expect(mdCode('a `b` c')).toBe('``a `b` c``');
    expect(mdCode('`edge`')).toBe('`` `edge` ``');
  });
});
