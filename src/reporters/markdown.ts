/**
 * The VAPT audit pack as GitHub-flavoured Markdown: cover summary, a section
 * per framework (control table, failing resources with evidence and
 * remediation), waivers, errors, manual evidence to collect and the change
 * since the baseline report. Plain Markdown, no raw HTML.
 */
import { architectureMarkdown } from './architecture.js';
import { WAIVER_STATE_LABEL } from '../assess/waive.js';
import { describeCallError } from '../assess/call-errors.js';
import type { Assessment, ControlAssessment } from '../assess/types.js';
import { CHANGE_KINDS } from '../diff/types.js';
import {
  baselineTitle,
  buildPack,
  caveatMarks,
  CHANGE_LABEL,
  EVIDENCE_LABEL,
  evidenceJson,
  evidenceText,
  fmtChange,
  fmtScore,
  notListed,
  resourceLabel,
  SCOPE_STATEMENT,
  scopeText,
  SIGN_OFF_ROLES,
  STATE_LABEL,
  STATUS_LABEL,
  statusLabel,
  waiverScope,
  type Change,
  type ControlSection,
  type FrameworkSection,
  type Pack,
} from './pack.js';
import { lines, rendered } from './stream.js';
import type { Reporter } from './types.js';

/**
 * Inline text, escaped: resource names, messages and evidence come from the
 * AWS account, so nothing in them may become emphasis, a link, HTML or a
 * table cell boundary. Line breaks would end a table row or list item.
 */
export function mdText(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|~&#!]/g, (c) => `\\${c}`);
}

/** A code span that holds any text: the fence is longer than any backtick run inside. */
export function mdCode(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A code span inside a table cell: GFM needs `\|` even within code spans. */
const cellCode = (text: string) => mdCode(text).replace(/\|/g, '\\|');

function table(head: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? '--:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`),
  ];
}

function cover(p: Pack): string[] {
  const a = p.assessment;
  const s = a.snapshot;
  const errors = p.errorTotal;
  const rows: string[][] = [
    ['Account', cellCode(s.accountId)],
    ['Partition', mdText(s.partition)],
    ['Regions', s.regions.map(mdText).join(', ') || 'none'],
  ];
  if (s.skippedRegions.length > 0) rows.push(['Skipped regions', s.skippedRegions.map((r) => `${mdText(r.region)} (${mdText(r.reason)})`).join('; ')]);
  rows.push(
    ['Frameworks', a.frameworks.map((f) => `${mdText(f.title)} (${cellCode(f.id)})`).join('; ') || 'none'],
    ['Snapshot collected at', mdText(s.collectedAt)],
    [
      'Snapshot SHA-256',
      p.provenance.snapshotSha256 === undefined
        ? 'not recorded (a live scan reads no snapshot file: collect, then scan the file, to have one)'
        : cellCode(p.provenance.snapshotSha256),
    ],
    ['Generated at', mdText(p.provenance.generatedAt ?? 'not recorded')],
    ['Tool', `${mdText(a.tool.name)} ${mdText(a.tool.version)}`],
    ['Scan complete', a.complete ? 'yes' : `no: ${errors} result${errors === 1 ? '' : 's'} could not be decided (ERROR), see Errors and missing permissions`],
  );
  if (a.waivers) rows.push(['Waivers judged on', mdText(a.waivers.asOf)]);
  if (a.baseline) rows.push(['Compared with', `the report of the snapshot collected at ${mdText(a.baseline.old.collectedAt)}`]);
  if (a.filters) rows.push(['Filtered scan', mdText(a.filters.statement)]);

  const out = [
    `# VAPT audit pack: account ${mdText(s.accountId)}`,
    '',
    '*Configuration review for VAPT preparation: not a penetration test (see Scope, limitations and sign-off).*',
    '',
    ...(a.filters ? [`> **${mdText(a.filters.statement)}**`, ''] : []),
    ...table(['Item', 'Value'], ['l', 'l'], rows),
    '',
    '## Scores',
    '',
  ];
  out.push(
    ...table(
      ['Framework', 'Score', 'Attested score', 'Status', 'Pass', 'Fail', 'Error', 'N/A', 'Waived', 'Controls fail / error / pass / n-a / manual'],
      ['l', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'l'],
      a.frameworks.map((f) => {
        const cc = f.controlCounts;
        return [
          `${mdText(f.title)} (${cellCode(f.id)})`,
          fmtScore(f.score),
          fmtScore(f.scoreAttested),
          STATUS_LABEL[f.status],
          String(f.counts.pass),
          String(f.counts.fail),
          String(f.counts.error),
          String(f.counts.not_applicable),
          String(f.waived),
          `${cc.fail} / ${cc.error} / ${cc.pass} / ${cc.not_applicable} / ${cc.manual}`,
        ];
      }),
    ),
  );
  out.push('', `**Score formula.** ${mdText(a.scoring.formula)} Manual controls are never scored.`);
  out.push(
    '',
    '**Attested score.** The same formula over attested controls only: controls whose checks fully evidence them and whose clause is verified. ' +
      'Partially evidenced controls and controls with an unverified clause count in the score, never in the attested score.',
  );
  if (a.waivers) {
    out.push('', '**Waived results.** Waived failures are left out of the score and the gate. Counted as failures instead:', '');
    for (const f of a.frameworks) {
      out.push(`- ${mdCode(f.id)}: ${f.waived} waived result${f.waived === 1 ? '' : 's'}; score counting waived results as failures ${fmtScore(f.scoreCountingWaived)} (reported ${fmtScore(f.score)})`);
    }
  }
  out.push('', ...topFindings(p));
  return out;
}

/** The ranked summary: most severe first, then the findings that break the most controls. */
function topFindings(p: Pack): string[] {
  const out = ['## Top findings', ''];
  if (p.top.length === 0) return [...out, 'None: no check fails (waived findings are left out).'];
  out.push(`The ${p.top.length} most severe of ${p.findingTotal} failing findings (a check and a resource; waived ones left out), ranked by severity, then by the number of controls each breaks.`, '');
  out.push(
    ...table(
      ['Rank', 'Severity', 'Check', 'Resource', 'Controls', 'Controls broken'],
      ['r', 'l', 'l', 'l', 'r', 'l'],
      p.top.map((t, i) => [
        String(i + 1),
        t.severity.toUpperCase(),
        `${cellCode(t.check.id)} ${mdText(t.check.title)}`,
        `${cellCode(resourceLabel(t.result.resource))} (${cellCode(t.result.resource.arn)})`,
        String(t.controls.length),
        t.controls.map(mdText).join(', '),
      ]),
    ),
  );
  return out;
}

/** What this pack is and is not, the answers that were not errors, and the sign-off. */
function scope(p: Pack): string[] {
  const out = ['## Scope, limitations and sign-off', ''];
  for (const t of SCOPE_STATEMENT) out.push(mdText(t), '');
  if (p.notApplicableCalls.length > 0) {
    out.push(`### Not applicable (${p.notApplicableCalls.length})`, '');
    out.push('Calls whose answer means the setting does not apply to the resource or is not set up. They are data the checks read, not errors: the scan is complete without them.', '');
    for (const e of p.notApplicableCalls) out.push(`- ${mdText(`${e.service}:${e.operation} in ${e.region}${e.resource ? ` ${e.resource}` : ''}: ${e.code}`)}`);
    out.push('');
  }
  out.push('### Sign-off', '', ...table(['Role', 'Name', 'Signature', 'Date'], ['l', 'l', 'l', 'l'], SIGN_OFF_ROLES.map((r) => [r, '', '', ''])));
  return out;
}

/** Pretty-printed evidence as a fenced block inside a list item: the fence is longer than any backtick run in it. */
function evidenceBlock(text: string, indent: string): string[] {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [`${indent}${fence}json`, ...text.split('\n').map((l) => `${indent}${l}`), `${indent}${fence}`];
}

/** A control's title with its caveats: `(partial evidence; clause unverified)`. */
const titled = (c: ControlAssessment) => `${mdText(c.title)}${caveatMarks(c).length > 0 ? ` (${caveatMarks(c).join('; ')})` : ''}`;

function controlTable(fs: FrameworkSection): string[] {
  return table(
    ['Control', 'Title', 'Status', 'Evidence', 'Checks', 'Pass', 'Fail', 'Error', 'N/A', 'Waived', 'Score'],
    ['l', 'l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
    fs.controls.map(({ control: c, checkIds }) => {
      const title = titled(c);
      if (c.manual) return [mdText(c.id), title, STATUS_LABEL.manual, EVIDENCE_LABEL.manual, 'none: collect evidence', '', '', '', '', '', 'not scored'];
      return [
        mdText(c.id),
        title,
        statusLabel(c),
        EVIDENCE_LABEL[c.evidence],
        checkIds.map(cellCode).join(', '),
        String(c.counts.pass),
        String(c.counts.fail),
        String(c.counts.error),
        String(c.counts.not_applicable),
        String(c.waived),
        fmtScore(c.score),
      ];
    }),
  );
}

function findings(cs: ControlSection): string[] {
  const c = cs.control;
  const out = [`#### ${mdText(c.id)} ${titled(c)} (${statusLabel(c)})`];
  for (const { key, check, severity, findings: list, total } of cs.checks) {
    out.push('', `**${mdCode(key)}** · ${severity.toUpperCase()} · ${mdText(check.title)} · ${total} failing`);
    if (check.rationale) out.push('', `*Risk:* ${mdText(check.rationale)}`);
    if (check.remediation) out.push('', `*Remediation:* ${mdText(check.remediation)}`);
    out.push('');
    for (const { result: r, waiver } of list) {
      const label = waiver === undefined ? '**FAIL**' : `**WAIVED** (waiver ${mdCode(waiver)})`;
      out.push(`- ${label} ${mdCode(resourceLabel(r.resource))} in ${mdText(r.resource.region)}: ${mdText(r.message)}`);
      out.push(`  - ARN: ${mdCode(r.resource.arn)}`);
      out.push('  - Evidence:', '', ...evidenceBlock(evidenceJson(r.evidence), '    '));
    }
    const cut = notListed(list.length, total);
    if (cut) out.push(`- *${mdText(cut)}*`);
  }
  return out;
}

/** Each control that is not attested, with the rule file's note and what else to collect. */
function caveats(fs: FrameworkSection): string[] {
  const out = ['### Partial evidence and unverified clauses', ''];
  if (fs.caveats.length === 0) return [...out, 'None: every scored control is attested.'];
  out.push('These controls are not attested: their checks show only part of the requirement, or the clause number could not be checked against the regulator\'s text. The rule file\'s note says why.', '');
  for (const c of fs.caveats) {
    const also = c.partial ? ` Also collect: ${mdText(c.partial.collect)}` : '';
    out.push(`- **${mdText(c.id)}** ${mdText(c.title)} (${caveatMarks(c).join('; ')}; ${statusLabel(c)}): ${mdText(c.note ?? 'no note')}${also}`);
  }
  return out;
}

function frameworkSection(fs: FrameworkSection): string[] {
  const f = fs.framework;
  const source = [f.source.publisher, f.source.document, f.source.date].filter(Boolean).map(mdText).join(', ');
  const out = [
    `## ${mdText(f.title)} (${mdCode(f.id)})`,
    '',
    `Version ${mdText(f.version)}. Source: ${source}. Score **${fmtScore(f.score)}** (attested controls only: **${fmtScore(f.scoreAttested)}**), status **${STATUS_LABEL[f.status]}**.`,
    '',
    `**Scope.** ${mdText(scopeText(f))}`,
    '',
    `**Evidence.** ${mdText(evidenceText(f))}`,
    '',
    '### Controls',
    '',
    ...controlTable(fs),
    '',
    ...caveats(fs),
    '',
    '### Failing resources',
  ];
  if (fs.failing.length === 0) return [...out, '', 'None.'];
  for (const cs of fs.failing) out.push('', ...findings(cs));
  return out;
}

function waivers(a: Assessment): string[] {
  const out = ['## Waivers', ''];
  if (!a.waivers) return [...out, 'No waiver file was given: nothing is waived.'];
  out.push(`Expiry judged on ${mdText(a.waivers.asOf)}.`);
  if (a.waivers.entries.length === 0) return [...out, '', 'The waiver file holds no waivers.'];
  out.push(
    '',
    ...table(
      ['Ref', 'Applies to', 'Resource', 'Reason', 'Approver', 'Expires', 'State', 'Matched'],
      ['l', 'l', 'l', 'l', 'l', 'l', 'l', 'r'],
      a.waivers.entries.map((w) => [
        cellCode(w.ref),
        mdText(waiverScope(w)),
        cellCode(w.resource),
        mdText(w.reason),
        mdText(w.approver),
        mdText(w.expires),
        WAIVER_STATE_LABEL[w.state],
        String(w.matched),
      ]),
    ),
  );
  return out;
}

function errors(p: Pack): string[] {
  const out = ['## Errors and missing permissions', ''];
  const na = p.notApplicableCalls.length > 0 ? ' Answers that mean "does not apply" are not errors: see Not applicable, under Scope.' : '';
  if (p.callErrors.length === 0 && p.errors.length === 0) return [...out, `None: every call succeeded and every result was decided.${na}`];
  out.push(`A result that is ERROR is neither a pass nor a fail: a call it needed failed. Where AWS denied the call, grant the IAM action named below and scan again.${na}`);
  if (p.callErrors.length > 0) {
    out.push('', `### Failed calls (${p.callErrors.length})`, '');
    out.push(...table(['Failed call', 'AWS message'], ['l', 'l'], p.callErrors.map((e) => [mdText(describeCallError(e)), mdText(e.message)])));
  }
  if (p.errors.length > 0) {
    out.push('', `### Undetermined results (${p.errorTotal})`, '');
    out.push(
      ...table(
        ['Check', 'Resource', 'Region', 'Message', 'Controls'],
        ['l', 'l', 'l', 'l', 'l'],
        p.errors.map((e) => [
          cellCode(e.key),
          cellCode(resourceLabel(e.result.resource)),
          mdText(e.result.resource.region),
          mdText(e.result.message),
          e.controls.map(mdText).join(', '),
        ]),
      ),
    );
    const cut = notListed(p.errors.length, p.errorTotal);
    if (cut) out.push('', `*${mdText(cut)}*`);
  }
  return out;
}

function manual(p: Pack): string[] {
  const out = ['## Manual evidence to collect', ''];
  if (p.manual.length === 0) return [...out, 'None: every selected control is evidenced by checks.'];
  out.push(
    'No AWS API call can evidence the manual controls: the auditor collects the evidence below, and they are never scored. ' +
      'For a partially evidenced control the checks are scored, and the evidence below completes it.',
  );
  for (const fs of p.manual) {
    out.push('', `### ${mdText(fs.framework.title)} (${mdCode(fs.framework.id)})`, '');
    out.push(
      ...table(
        ['Control', 'Title', 'Evidence', 'Evidence to collect'],
        ['l', 'l', 'l', 'l'],
        [...fs.manual, ...fs.partial].map((c) => [mdText(c.id), titled(c), EVIDENCE_LABEL[c.evidence], mdText(c.manual?.collect ?? c.partial?.collect ?? '')]),
      ),
    );
  }
  return out;
}

function cutLine(shown: number, total: number): string[] {
  const cut = notListed(shown, total);
  return cut ? ['', `*${mdText(cut)}*`] : [];
}

function changeTable(rows: Change[]): string[] {
  if (rows.length === 0) return ['None.'];
  return table(
    ['Severity', 'Check', 'Resource', 'Region', 'Before → now', 'Message', 'Controls'],
    ['l', 'l', 'l', 'l', 'l', 'l', 'l'],
    rows.map(({ change: c, controls }) => [
      c.severity.toUpperCase(),
      cellCode(c.checkId),
      cellCode(c.resourceId),
      mdText(c.region),
      `${STATE_LABEL[c.before]} → ${STATE_LABEL[c.after]}`,
      mdText(c.message),
      controls.map(mdText).join(', '),
    ]),
  );
}

function baseline(p: Pack): string[] {
  const b = p.baseline;
  if (!b) return [];
  const d = b.diff;
  const kinds = CHANGE_KINDS.map((k) => CHANGE_LABEL[k]);
  const out = [
    `## ${mdText(baselineTitle(d))}`,
    '',
    `Compared with the report of account ${mdCode(d.old.accountId)} collected at ${mdText(d.old.collectedAt)} (archscan ${mdText(d.old.toolVersion)}); ` +
      `this report: ${mdText(d.new.collectedAt)} (archscan ${mdText(d.new.toolVersion)}). A finding is a check and a resource.`,
    ...b.notes.flatMap((n) => ['', mdText(n)]),
    '',
    ...table(
      ['Framework', 'Old score', 'New score', 'Change', ...kinds],
      ['l', 'r', 'r', 'r', ...CHANGE_KINDS.map(() => 'r' as const)],
      [
        ...d.frameworks.map((f) => [
          `${mdText(f.title)} (${cellCode(f.id)})`,
          fmtScore(f.oldScore),
          fmtScore(f.newScore),
          fmtChange(f.scoreChange),
          ...CHANGE_KINDS.map((k) => String(f.counts[k])),
        ]),
        ['All frameworks (distinct findings)', '', '', '', ...CHANGE_KINDS.map((k) => String(d.counts[k]))],
      ],
    ),
    '',
    `### New findings (${b.addedTotal})`,
    '',
    ...changeTable(b.added),
    ...cutLine(b.added.length, b.addedTotal),
    '',
    `### Fixed findings (${b.fixedTotal})`,
    '',
    ...changeTable(b.fixed),
    ...cutLine(b.fixed.length, b.fixedTotal),
  ];
  return out;
}

/** The VAPT audit pack in Markdown (renders on GitHub; deterministic bytes). */
export const renderMarkdown: Reporter = (a, options) => {
  const p = buildPack(a, options);
  const sections = [cover(p), scope(p), ...p.frameworks.map(frameworkSection), waivers(a), errors(p), manual(p), baseline(p), a.architecture ? architectureMarkdown(a.architecture) : []].filter((s) => s.length > 0);
  return rendered(function* () {
    for (const [i, s] of sections.entries()) {
      if (i > 0) yield '\n';
      yield* lines(s);
    }
  });
};
