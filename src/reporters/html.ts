/**
 * The VAPT audit pack as one self-contained HTML5 file: inline CSS, inline
 * SVG charts, no script and no external resource, readable on screen and
 * printable to A4 PDF from a browser. Every text from the account is escaped.
 * Summary numbers sit in `data-*` attributes so tests can read them back.
 */
import { WAIVER_STATE_LABEL } from '../assess/waive.js';
import { describeCallError } from '../assess/call-errors.js';
import type { Assessment, ControlAssessment, Counts, FrameworkAssessment } from '../assess/types.js';
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
import { architectureHtml } from './architecture.js';
import { esc } from './escape.js';
import { lines, rendered } from './stream.js';
import type { Reporter } from './types.js';

export { esc };

const code = (text: string) => `<code>${esc(text)}</code>`;
/** `framework:control` references, each kept on one line. */
const refs = (list: string[]) => list.map((r) => `<span class="nowrap">${esc(r)}</span>`).join(', ');
const num = (n: number) => `<td class="num">${n}</td>`;
/** The attribute form of a score: the JSON number as written, or `n/a`. */
const scoreAttr = (s: number | null) => (s === null ? 'n/a' : String(s));

/** Status words are always printed: colour only repeats them. */
function badge(kind: string, label: string): string {
  return `<span class="status s-${kind}">${esc(label)}</span>`;
}

const STYLE = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1180px;padding:24px 32px 48px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1b1b1b;background:#fff}
h1{font-size:26px;margin:0 0 4px;color:#102a43}
h2{font-size:20px;margin:36px 0 10px;padding-bottom:4px;border-bottom:2px solid #1f3a5f;color:#102a43}
h3{font-size:16px;margin:22px 0 8px;color:#102a43}
h4{font-size:15px;margin:22px 0 6px;padding:4px 8px;background:#eef1f5;border-left:4px solid #1f3a5f}
h5{font-size:14px;margin:14px 0 4px}
h2 code,h3 code{white-space:nowrap}
p{margin:6px 0}
a{color:#0b4f9c}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;overflow-wrap:anywhere}
.sub{color:#3d4852;margin:0 0 16px}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:12px 0 20px;padding:12px 16px;background:#f5f7fa;border:1px solid #c8ccd2}
.facts dt{font-weight:600}
.facts dd{margin:0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:6px 0 16px;font-size:13px}
caption{caption-side:top;text-align:left;font-weight:600;padding:4px 0;color:#1b1b1b}
th,td{border:1px solid #c8ccd2;padding:4px 6px;text-align:left;vertical-align:top}
/* Long ARNs, ids and evidence wrap anywhere rather than widen the table past the page. */
td{overflow-wrap:anywhere}
thead th{background:#e4e8ee}
tbody th{font-weight:600}
.id{white-space:nowrap}
.title{min-width:14em}
.chk{min-width:12em}
.st{white-space:nowrap}
.res{min-width:16em}
.who{min-width:10em}
.refs{width:24%}
.msg{min-width:14em}
.reason{min-width:20em}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;overflow-wrap:normal}
.nowrap{white-space:nowrap;overflow-wrap:normal}
.status{display:inline-block;padding:0 5px;border:1px solid;border-radius:3px;font-size:11px;font-weight:700;letter-spacing:.02em;white-space:nowrap}
.s-fail{color:#8c1d18;background:#fdecea}
.s-error{color:#6b4300;background:#fff3d6}
.s-pass{color:#1b5e20;background:#e8f5e9}
.s-not_applicable{color:#424242;background:#f0f0f0}
.s-manual{color:#0b3d91;background:#e6effc}
.s-partial{color:#5b3a00;background:#fdf1dc}
.caveat{font-size:12px;color:#5b3a00;white-space:nowrap}
.s-waived,.s-newly_waived{color:#5b1a86;background:#f4eafa}
.s-active{color:#1b5e20;background:#e8f5e9}
.s-expired{color:#8c1d18;background:#fdecea}
.s-stale{color:#6b4300;background:#fff3d6}
.s-out_of_scope{color:#424242;background:#f0f0f0}
.sev{font-weight:700;font-size:11px;white-space:nowrap}
.check{margin:8px 0 14px 12px}
.why,.fix{font-size:13px;color:#2b2b2b}
.note{font-size:13px;color:#3d4852}
.arn{display:block;color:#3d4852}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:16px;margin:8px 0 16px}
figure{margin:0;padding:8px 12px;border:1px solid #c8ccd2}
figcaption{font-weight:600;margin-bottom:4px}
svg.chart{width:100%;height:auto;display:block}
svg.arch-diagram{width:100%;height:auto;display:block}
svg.arch-diagram text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.arch-matrix td{min-width:9em}
.arch-none{color:#616161;text-align:center}
.a-as-declared{color:#1b5e20;background:#e8f5e9}
.a-undeclared,.a-undeclared-and-blocked{color:#8c1d18;background:#fdecea}
.a-blocked{color:#424242;background:#f0f0f0}
.a-unknown{color:#6b4300;background:#fff3d6}
svg.chart text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#1b1b1b}
nav ul{margin:4px 0;padding-left:20px;columns:2}
thead{display:table-header-group}
tr,tbody.finding{break-inside:avoid}
/* Evidence: pretty-printed JSON, wrapped only where the text has a space or a line break. */
pre.ev{margin:0;white-space:pre-wrap;overflow-wrap:break-word;word-break:normal;font:11px/1.35 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
tr.ev-row td{border-top:0;background:#fafbfc}
.signoff td{height:2.6em}
.prov{font-variant-numeric:tabular-nums}
h2,h3,h4,h5{break-after:avoid}
@page{size:A4;margin:14mm 12mm}
@media print{
body{max-width:none;padding:0;font-size:10pt}
table{font-size:8.5pt}
code{font-size:8pt}
pre.ev{font-size:7.5pt}
/* A framework starts a page; the short closing sections share pages (no page holds one sentence). */
main>section.framework,main>section#waivers,main>section#architecture{break-before:page}
nav{display:none}
a{color:inherit;text-decoration:none}
figure,.facts{break-inside:avoid}
.charts{grid-template-columns:1fr 1fr}
}
`;

/** Chart colours (each ≥ 4.5:1 on white, so the bars hold up printed in grey too). */
const SEGMENTS = [
  { key: 'pass', label: 'pass', colour: '#2e7d32' },
  { key: 'fail', label: 'fail', colour: '#c62828' },
  { key: 'error', label: 'error', colour: '#8d5a00' },
  { key: 'not_applicable', label: 'n/a', colour: '#616161' },
  { key: 'waived', label: 'waived', colour: '#6a1b9a' },
] as const;

type ResultCounts = Counts & { waived: number };
const resultCounts = (f: FrameworkAssessment): ResultCounts => ({ ...f.counts, waived: f.waived });

const CHART_W = 480;
const BAR_X = 0;
const BAR_W = CHART_W;
const ROW_H = 46;

function scoreChart(frameworks: FrameworkAssessment[]): string {
  const h = 18 + frameworks.length * ROW_H;
  const label = frameworks.map((f) => `${f.id} ${fmtScore(f.score)}${f.score === null ? '' : ' of 100'}`).join('; ');
  const rows = frameworks.map((f, i) => {
    const y = 18 + i * ROW_H;
    const w = f.score === null ? 0 : Math.round((BAR_W * f.score) / 10) / 10;
    return (
      `<text x="${BAR_X}" y="${y + 12}" font-size="13">${esc(f.id)}: <tspan font-weight="700">${fmtScore(f.score)}</tspan>${f.score === null ? ' (nothing decided)' : ' / 100'}</text>` +
      `<rect x="${BAR_X}" y="${y + 18}" width="${BAR_W}" height="16" fill="#e4e8ee"/>` +
      (w > 0 ? `<rect x="${BAR_X}" y="${y + 18}" width="${w}" height="16" fill="#1f5fa8"/>` : '')
    );
  });
  const ticks = [0, 25, 50, 75, 100]
    .map((t) => {
      const x = BAR_X + (BAR_W * t) / 100;
      const anchor = t === 0 ? 'start' : t === 100 ? 'end' : 'middle';
      return `<text x="${x}" y="11" font-size="11" text-anchor="${anchor}">${t}</text>`;
    })
    .join('');
  return (
    `<svg class="chart" viewBox="0 0 ${CHART_W} ${h}" width="${CHART_W}" height="${h}" role="img" aria-labelledby="chart-scores-title">` +
    `<title id="chart-scores-title">Score per framework (0 to 100): ${esc(label)}</title>${ticks}${rows.join('')}</svg>`
  );
}

function countsChart(frameworks: FrameworkAssessment[]): string {
  const legendH = 22;
  const h = legendH + frameworks.length * ROW_H;
  const words = (c: ResultCounts) => SEGMENTS.map((s) => `${c[s.key]} ${s.label}`).join(', ');
  const label = frameworks.map((f) => `${f.id}: ${words(resultCounts(f))}`).join('; ');
  const legend = SEGMENTS.map(
    (s, i) =>
      `<rect x="${i * 96}" y="3" width="12" height="12" fill="${s.colour}"/><text x="${i * 96 + 17}" y="13" font-size="12">${s.label}</text>`,
  ).join('');
  const rows = frameworks.map((f, i) => {
    const y = legendH + i * ROW_H;
    const c = resultCounts(f);
    const total = SEGMENTS.reduce((n, s) => n + c[s.key], 0);
    let x = BAR_X;
    const bars = SEGMENTS.map((s) => {
      if (total === 0 || c[s.key] === 0) return '';
      const w = Math.round((BAR_W * c[s.key] * 10) / total) / 10;
      const rect = `<rect x="${Math.round(x * 10) / 10}" y="${y + 18}" width="${w}" height="16" fill="${s.colour}"/>`;
      x += w;
      return rect;
    }).join('');
    return `<text x="${BAR_X}" y="${y + 12}" font-size="13">${esc(f.id)}: ${esc(words(c))}</text>${bars || `<rect x="${BAR_X}" y="${y + 18}" width="${BAR_W}" height="16" fill="#e4e8ee"/>`}`;
  });
  return (
    `<svg class="chart" viewBox="0 0 ${CHART_W} ${h}" width="${CHART_W}" height="${h}" role="img" aria-labelledby="chart-counts-title">` +
    `<title id="chart-counts-title">Results per framework: ${esc(label)}</title>${legend}${rows.join('')}</svg>`
  );
}

function table(caption: string, head: string[], body: string[], cls = ''): string {
  const th = head.map((h) => `<th scope="col"${/^(Pass|Fail|Error|N\/A|Waived|Score|Attested score|Matched|Old score|New score|Change|New|Fixed|Persisting|Newly waived|Undetermined)$/.test(h) ? ' class="num"' : ''}>${h}</th>`);
  return `<table${cls ? ` class="${cls}"` : ''}><caption>${caption}</caption><thead><tr>${th.join('')}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}

function summary(p: Pack): string {
  const a = p.assessment;
  const s = a.snapshot;
  const facts: [string, string][] = [
    ['Account', code(s.accountId)],
    ['Partition', esc(s.partition)],
    ['Regions', esc(s.regions.join(', ') || 'none')],
  ];
  if (s.skippedRegions.length > 0) facts.push(['Skipped regions', esc(s.skippedRegions.map((r) => `${r.region} (${r.reason})`).join('; '))]);
  facts.push(
    ['Frameworks', a.frameworks.map((f) => `${esc(f.title)} (${code(f.id)})`).join('<br>') || 'none'],
    ['Snapshot collected at', esc(s.collectedAt)],
    ['Snapshot SHA-256', shaText(p)],
    ['Generated at', `<span class="prov">${esc(p.provenance.generatedAt ?? 'not recorded')}</span>`],
    ['Tool', esc(`${a.tool.name} ${a.tool.version}`)],
    [
      'Scan complete',
      a.complete
        ? 'yes'
        : `no: ${p.errorTotal} result${p.errorTotal === 1 ? '' : 's'} could not be decided (${badge('error', 'ERROR')}); see <a href="#errors">Errors and missing permissions</a>`,
    ],
  );
  if (a.waivers) facts.push(['Waivers judged on', esc(a.waivers.asOf)]);
  if (a.baseline) facts.push(['Compared with', `the report of the snapshot collected at ${esc(a.baseline.old.collectedAt)}`]);
  if (a.filters) facts.push(['Filtered scan', `<strong class="filtered">${esc(a.filters.statement)}</strong>`]);

  const rows = a.frameworks.map((f) => {
    const c = f.counts;
    const cc = f.controlCounts;
    const attrs =
      `data-framework="${esc(f.id)}" data-score="${scoreAttr(f.score)}" data-score-attested="${scoreAttr(f.scoreAttested)}" data-score-counting-waived="${scoreAttr(f.scoreCountingWaived)}" data-status="${f.status}" ` +
      `data-pass="${c.pass}" data-fail="${c.fail}" data-error="${c.error}" data-not-applicable="${c.not_applicable}" data-waived="${f.waived}" ` +
      `data-controls-fail="${cc.fail}" data-controls-error="${cc.error}" data-controls-pass="${cc.pass}" data-controls-not-applicable="${cc.not_applicable}" data-controls-manual="${cc.manual}"`;
    return (
      `<tr ${attrs}><th scope="row">${esc(f.title)} ${code(f.id)}</th><td class="num"><strong>${fmtScore(f.score)}</strong></td><td class="num">${fmtScore(f.scoreAttested)}</td>` +
      `<td>${badge(f.status, STATUS_LABEL[f.status])}</td>${num(c.pass)}${num(c.fail)}${num(c.error)}${num(c.not_applicable)}${num(f.waived)}` +
      `<td class="nowrap">${cc.fail} / ${cc.error} / ${cc.pass} / ${cc.not_applicable} / ${cc.manual}</td></tr>`
    );
  });
  const out = [
    '<section id="summary" aria-labelledby="h-summary">',
    '<h2 id="h-summary">Summary</h2>',
    `<dl class="facts" data-account="${esc(s.accountId)}" data-collected-at="${esc(s.collectedAt)}" data-complete="${a.complete}" data-call-errors="${a.callErrors.length}" data-error-results="${p.errorTotal}"` +
      ` data-generated-at="${esc(p.provenance.generatedAt ?? '')}" data-snapshot-sha256="${esc(p.provenance.snapshotSha256 ?? '')}" data-tool-version="${esc(a.tool.version)}">`,
    ...facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`),
    '</dl>',
    table(
      'Scores and results per framework',
      ['Framework', 'Score', 'Attested score', 'Status', 'Pass', 'Fail', 'Error', 'N/A', 'Waived', 'Controls fail / error / pass / n-a / manual'],
      rows,
      'scores',
    ),
    '<div class="charts">',
    `<figure>${scoreChart(a.frameworks)}<figcaption>Score per framework (0 to 100)</figcaption></figure>`,
    `<figure>${countsChart(a.frameworks)}<figcaption>Results per framework, by status</figcaption></figure>`,
    '</div>',
    `<p class="note"><strong>Score formula.</strong> ${esc(a.scoring.formula)} Manual controls are never scored.</p>`,
    '<p class="note"><strong>Attested score.</strong> The same formula over attested controls only: controls whose checks fully evidence them and whose clause is verified. ' +
      'Partially evidenced controls and controls with an unverified clause count in the score, never in the attested score.</p>',
  ];
  if (a.waivers) {
    out.push('<p class="note"><strong>Waived results.</strong> Waived failures are left out of the score and the gate. Counted as failures instead:</p><ul class="note">');
    for (const f of a.frameworks) {
      out.push(
        `<li data-framework="${esc(f.id)}" data-waived="${f.waived}" data-score-counting-waived="${scoreAttr(f.scoreCountingWaived)}">${code(f.id)}: ${f.waived} waived result${f.waived === 1 ? '' : 's'}; ` +
          `score counting waived results as failures ${fmtScore(f.scoreCountingWaived)} (reported ${fmtScore(f.score)})</li>`,
      );
    }
    out.push('</ul>');
  }
  out.push(...topFindings(p), '</section>');
  return out.join('\n');
}

function shaText(p: Pack): string {
  const sha = p.provenance.snapshotSha256;
  return sha === undefined ? 'not recorded (a live scan reads no snapshot file: collect, then scan the file, to have one)' : `<code class="prov">${esc(sha)}</code>`;
}

/** The ranked summary: most severe first, then the findings that break the most controls. */
function topFindings(p: Pack): string[] {
  const out = ['<h3 id="top">Top findings</h3>'];
  if (p.top.length === 0) return [...out, '<p>None: no check fails (waived findings are left out).</p>'];
  out.push(`<p class="note">The ${p.top.length} most severe of ${p.findingTotal} failing findings (a check and a resource; waived ones left out), ranked by severity, then by the number of controls each breaks.</p>`);
  const rows = p.top.map(
    (t, i) =>
      `<tr data-rank="${i + 1}" data-check="${esc(t.check.id)}" data-arn="${esc(t.result.resource.arn)}" data-controls="${t.controls.length}"><td class="num">${i + 1}</td><td class="sev">${t.severity.toUpperCase()}</td>` +
      `<td class="chk">${code(t.check.id)}<br>${esc(t.check.title)}</td><td class="res">${code(resourceLabel(t.result.resource))}<span class="arn">${code(t.result.resource.arn)}</span></td>` +
      `<td class="num">${t.controls.length}</td><td class="refs">${refs(t.controls)}</td></tr>`,
  );
  out.push(table('Top findings by severity and controls broken', ['Rank', 'Severity', 'Check', 'Resource', 'Controls', 'Controls broken'], rows, 'top'));
  return out;
}

/** What this pack is and is not, the answers that were not errors, and the sign-off. */
function scope(p: Pack): string {
  const out = ['<section id="scope" aria-labelledby="h-scope">', '<h2 id="h-scope">Scope, limitations and sign-off</h2>'];
  out.push(...SCOPE_STATEMENT.map((t) => `<p>${esc(t)}</p>`));
  if (p.notApplicableCalls.length > 0) {
    out.push(
      `<h3>Not applicable (${p.notApplicableCalls.length})</h3>`,
      '<p class="note">Calls whose answer means the setting does not apply to the resource or is not set up. They are data the checks read, not errors: the scan is complete without them.</p>',
      `<ul class="note na-calls">${p.notApplicableCalls.map((e) => `<li>${esc(`${e.service}:${e.operation} in ${e.region}${e.resource ? ` ${e.resource}` : ''}: ${e.code}`)}</li>`).join('')}</ul>`,
    );
  }
  out.push('<h3>Sign-off</h3>');
  const rows = SIGN_OFF_ROLES.map((r) => `<tr><th scope="row">${esc(r)}</th><td></td><td></td><td></td></tr>`);
  out.push(table('Sign-off', ['Role', 'Name', 'Signature', 'Date'], rows, 'signoff'));
  out.push('</section>');
  return out.join('\n');
}

function contents(p: Pack): string {
  const items = [
    '<li><a href="#summary">Summary</a></li>',
    '<li><a href="#scope">Scope, limitations and sign-off</a></li>',
    ...p.frameworks.map((fs, i) => `<li><a href="#fw-${i + 1}">${esc(fs.framework.title)}</a></li>`),
    '<li><a href="#waivers">Waivers</a></li>',
    '<li><a href="#errors">Errors and missing permissions</a></li>',
    '<li><a href="#manual">Manual evidence to collect</a></li>',
  ];
  if (p.baseline) items.push(`<li><a href="#baseline">${esc(baselineTitle(p.baseline.diff))}</a></li>`);
  if (p.assessment.architecture) items.push('<li><a href="#architecture">Architecture: declared against actual flows</a></li>');
  return `<nav aria-label="Contents"><ul>${items.join('')}</ul></nav>`;
}

/** A control's title with its caveats, e.g. `(partial evidence; clause unverified)`. */
function titled(c: ControlAssessment): string {
  const marks = caveatMarks(c);
  return `${esc(c.title)}${marks.length > 0 ? ` <span class="caveat">(${esc(marks.join('; '))})</span>` : ''}`;
}

function controlRows(fs: FrameworkSection): string[] {
  return fs.controls.map(({ control: c, checkIds }) => {
    const title = titled(c);
    const attrs = `data-control="${esc(c.id)}" data-status="${c.status}" data-evidence="${c.evidence}" data-attested="${c.attested}" data-score="${scoreAttr(c.score)}"`;
    if (c.manual) {
      return `<tr ${attrs}><th scope="row" class="id">${esc(c.id)}</th><td class="title">${title}</td><td>${badge('manual', 'MANUAL')}</td><td>${EVIDENCE_LABEL.manual}</td><td colspan="6">not scored: the auditor collects evidence (<a href="#manual">Manual evidence to collect</a>)</td><td class="num">n/a</td></tr>`;
    }
    const n = c.counts;
    const evidence = c.evidence === 'partial' ? badge('partial', EVIDENCE_LABEL.partial) : EVIDENCE_LABEL[c.evidence];
    return (
      `<tr ${attrs}><th scope="row" class="id">${esc(c.id)}</th><td class="title">${title}</td><td>${badge(c.status, statusLabel(c))}</td><td>${evidence}</td>` +
      `<td class="chk">${checkIds.map(code).join('<br>')}</td>${num(n.pass)}${num(n.fail)}${num(n.error)}${num(n.not_applicable)}${num(c.waived)}<td class="num">${fmtScore(c.score)}</td></tr>`
    );
  });
}

function findings(cs: ControlSection): string {
  const c = cs.control;
  const out = [`<h4>${esc(c.id)} · ${titled(c)} ${badge(c.status, statusLabel(c))}</h4>`];
  for (const { key, check, severity, findings: list, total } of cs.checks) {
    out.push('<div class="check">');
    out.push(`<h5>${code(key)} <span class="sev">${severity.toUpperCase()}</span> ${esc(check.title)}</h5>`);
    if (check.rationale) out.push(`<p class="why"><strong>Risk:</strong> ${esc(check.rationale)}</p>`);
    if (check.remediation) out.push(`<p class="fix"><strong>Remediation:</strong> ${esc(check.remediation)}</p>`);
    // A finding and its evidence are one row group, kept on one page; the evidence spans the table's width.
    const groups = list.map(({ result: r, waiver }) => {
      const status = waiver === undefined ? badge('fail', 'FAIL') : `${badge('waived', 'WAIVED')}<br>waiver ${code(waiver)}`;
      return (
        `<tbody class="finding"><tr><td class="st">${status}</td><td class="res">${code(resourceLabel(r.resource))}<span class="arn">${code(r.resource.arn)}</span></td>` +
        `<td class="nowrap">${esc(r.resource.region)}</td><td class="msg">${esc(r.message)}</td></tr>\n` +
        `<tr class="ev-row"><td colspan="4"><pre class="ev">${esc(evidenceJson(r.evidence))}</pre></td></tr></tbody>`
      );
    });
    out.push(
      `<table class="findings"><caption>Resources failing ${code(key)} in ${esc(c.id)} (${total}), each with its evidence</caption>` +
        `<thead><tr><th scope="col">Status</th><th scope="col">Resource</th><th scope="col">Region</th><th scope="col">Finding</th></tr></thead>\n${groups.join('\n')}\n</table>`,
    );
    const cut = cutNote(list.length, total);
    if (cut) out.push(cut);
    out.push('</div>');
  }
  return out.join('\n');
}

function frameworkSection(fs: FrameworkSection, i: number): string {
  const f = fs.framework;
  const id = `fw-${i + 1}`;
  const source = [f.source.publisher, f.source.document, f.source.date].filter(Boolean).join(', ');
  const out = [
    `<section class="framework" id="${id}" aria-labelledby="h-${id}" data-framework="${esc(f.id)}">`,
    `<h2 id="h-${id}">${esc(f.title)} ${code(f.id)}</h2>`,
    `<p>Version ${esc(f.version)}. Source: ${esc(source)}. Score <strong>${fmtScore(f.score)}</strong> (attested controls only: <strong>${fmtScore(f.scoreAttested)}</strong>), status ${badge(f.status, STATUS_LABEL[f.status])}.</p>`,
    `<p class="note scope" data-regions-scanned="${esc(f.scope.regionsScanned.join(','))}" data-regions-not-scanned="${esc(f.scope.regionsNotScanned.map((r) => r.region).join(','))}"><strong>Scope.</strong> ${esc(scopeText(f))}</p>`,
    `<p class="note"><strong>Evidence.</strong> ${esc(evidenceText(f))}</p>`,
    '<h3>Controls</h3>',
    table(`Controls of ${esc(f.title)}`, ['Control', 'Title', 'Status', 'Evidence', 'Checks', 'Pass', 'Fail', 'Error', 'N/A', 'Waived', 'Score'], controlRows(fs), 'controls'),
    ...caveats(fs),
    '<h3>Failing resources</h3>',
  ];
  if (fs.failing.length === 0) out.push('<p>None.</p>');
  for (const cs of fs.failing) out.push(findings(cs));
  out.push('</section>');
  return out.join('\n');
}

/** Each control that is not attested, with the rule file's note and what else to collect. */
function caveats(fs: FrameworkSection): string[] {
  const out = ['<h3>Partial evidence and unverified clauses</h3>'];
  if (fs.caveats.length === 0) return [...out, '<p>None: every scored control is attested.</p>'];
  out.push('<p>These controls are not attested: their checks show only part of the requirement, or the clause number could not be checked against the regulator&#39;s text. The rule file&#39;s note says why.</p>');
  const rows = fs.caveats.map(
    (c) =>
      `<tr data-caveat="${esc(c.id)}" data-evidence="${c.evidence}" data-verified="${c.verified}"><th scope="row" class="id">${esc(c.id)}</th><td class="title">${titled(c)}</td>` +
      `<td>${c.manual ? badge('manual', 'MANUAL') : badge(c.status, statusLabel(c))}</td><td class="reason">${esc(c.note ?? 'no note')}</td><td class="reason">${esc(c.partial?.collect ?? '')}</td></tr>`,
  );
  out.push(table(`Controls of ${esc(fs.framework.title)} that are not attested`, ['Control', 'Title', 'Status', 'Note', 'Also collect'], rows, 'caveats'));
  return out;
}

function waivers(a: Assessment): string {
  const out = ['<section id="waivers" aria-labelledby="h-waivers">', '<h2 id="h-waivers">Waivers</h2>'];
  if (!a.waivers) out.push('<p>No waiver file was given: nothing is waived.</p>');
  else {
    out.push(`<p>Expiry judged on ${esc(a.waivers.asOf)}.</p>`);
    if (a.waivers.entries.length === 0) out.push('<p>The waiver file holds no waivers.</p>');
    else {
      const rows = a.waivers.entries.map(
        (w) =>
          `<tr data-waiver="${esc(w.ref)}" data-state="${w.state}" data-matched="${w.matched}"><th scope="row" class="nowrap">${code(w.ref)}</th><td class="chk">${esc(waiverScope(w))}</td><td class="res">${code(w.resource)}</td>` +
          `<td class="reason">${esc(w.reason)}</td><td class="who">${esc(w.approver)}</td><td class="nowrap">${esc(w.expires)}</td><td>${badge(w.state, WAIVER_STATE_LABEL[w.state])}</td>${num(w.matched)}</tr>`,
      );
      out.push(table('Waivers and what they matched', ['Ref', 'Applies to', 'Resource', 'Reason', 'Approver', 'Expires', 'State', 'Matched'], rows, 'waivers'));
    }
  }
  out.push('</section>');
  return out.join('\n');
}

function errors(p: Pack): string {
  const out = ['<section id="errors" aria-labelledby="h-errors">', '<h2 id="h-errors">Errors and missing permissions</h2>'];
  const na = p.notApplicableCalls.length > 0 ? ` Answers that mean "does not apply" are not errors: see <a href="#scope">Not applicable</a>.` : '';
  if (p.callErrors.length === 0 && p.errors.length === 0) out.push(`<p>None: every call succeeded and every result was decided.${na}</p>`);
  else {
    out.push(`<p>A result that is ${badge('error', 'ERROR')} is neither a pass nor a fail: a call it needed failed. Where AWS denied the call, grant the IAM action named below and scan again.${na}</p>`);
    if (p.callErrors.length > 0) {
      out.push(`<h3>Failed calls (${p.callErrors.length})</h3>`);
      const rows = p.callErrors.map((e) => `<tr><td>${esc(describeCallError(e))}</td><td>${esc(e.message)}</td></tr>`);
      out.push(table('Calls that failed during collection', ['Failed call', 'AWS message'], rows, 'call-errors'));
    }
    if (p.errors.length > 0) {
      out.push(`<h3>Undetermined results (${p.errorTotal})</h3>`);
      const rows = p.errors.map(
        (e) =>
          `<tr><td class="chk">${code(e.key)}</td><td class="res">${code(resourceLabel(e.result.resource))}<span class="arn">${code(e.result.resource.arn)}</span></td>` +
          `<td class="nowrap">${esc(e.result.resource.region)}</td><td class="msg">${esc(e.result.message)}</td><td class="refs">${refs(e.controls)}</td></tr>`,
      );
      out.push(table('Results the scan could not decide (ERROR)', ['Check', 'Resource', 'Region', 'Message', 'Controls'], rows, 'error-results'));
      const cut = cutNote(p.errors.length, p.errorTotal);
      if (cut) out.push(cut);
    }
  }
  out.push('</section>');
  return out.join('\n');
}

function manual(p: Pack): string {
  const out = ['<section id="manual" aria-labelledby="h-manual">', '<h2 id="h-manual">Manual evidence to collect</h2>'];
  if (p.manual.length === 0) out.push('<p>None: every selected control is evidenced by checks.</p>');
  else {
    out.push(
      `<p>No AWS API call can evidence the manual controls (${badge('manual', 'MANUAL')}): the auditor collects the evidence below, and they are never scored. ` +
        `For a partially evidenced control (${badge('partial', 'partial')}) the checks are scored, and the evidence below completes it.</p>`,
    );
    for (const fs of p.manual) {
      out.push(`<h3>${esc(fs.framework.title)} ${code(fs.framework.id)}</h3>`);
      const rows = [...fs.manual, ...fs.partial].map(
        (c) =>
          `<tr data-control="${esc(c.id)}" data-evidence="${c.evidence}"><th scope="row" class="id">${esc(c.id)}</th><td class="title">${titled(c)}</td><td>${EVIDENCE_LABEL[c.evidence]}</td><td>${esc(c.manual?.collect ?? c.partial?.collect ?? '')}</td></tr>`,
      );
      out.push(table(`Manual and partially evidenced controls of ${esc(fs.framework.title)}`, ['Control', 'Title', 'Evidence', 'Evidence to collect'], rows, 'manual'));
    }
  }
  out.push('</section>');
  return out.join('\n');
}

/** A paragraph under a list cut at its limit; '' (dropped when joined) when nothing was cut. */
function cutNote(shown: number, total: number): string {
  const cut = notListed(shown, total);
  return cut ? `<p class="cut">${esc(cut)}</p>` : '';
}

function changeTable(caption: string, rows: Change[]): string {
  if (rows.length === 0) return '<p>None.</p>';
  const body = rows.map(
    ({ change: c, controls }) =>
      `<tr data-fingerprint="${esc(c.fingerprint)}"><td class="sev">${c.severity.toUpperCase()}</td><td class="chk">${code(c.checkId)}</td><td class="res">${code(c.resourceId)}<span class="arn">${code(c.arn)}</span></td>` +
      `<td class="nowrap">${esc(c.region)}</td><td class="nowrap">${STATE_LABEL[c.before]} → ${STATE_LABEL[c.after]}</td><td class="msg">${esc(c.message)}</td><td class="refs">${refs(controls)}</td></tr>`,
  );
  return table(caption, ['Severity', 'Check', 'Resource', 'Region', 'Before → now', 'Message', 'Controls'], body, 'changes');
}

function baseline(p: Pack): string {
  const b = p.baseline;
  if (!b) return '';
  const d = b.diff;
  const counts = (c: Record<string, number>) => CHANGE_KINDS.map((k) => num(c[k]!)).join('');
  const countAttrs = (c: Record<string, number>) => CHANGE_KINDS.map((k) => `data-${k.replace('_', '-')}="${c[k]}"`).join(' ');
  const rows = [
    ...d.frameworks.map(
      (f) =>
        `<tr data-framework="${esc(f.id)}" data-old-score="${scoreAttr(f.oldScore)}" data-new-score="${scoreAttr(f.newScore)}" data-score-change="${scoreAttr(f.scoreChange)}" ${countAttrs(f.counts)}>` +
        `<th scope="row">${esc(f.title)} ${code(f.id)}</th><td class="num">${fmtScore(f.oldScore)}</td><td class="num">${fmtScore(f.newScore)}</td><td class="num">${fmtChange(f.scoreChange)}</td>${counts(f.counts)}</tr>`,
    ),
    `<tr data-framework="*" ${countAttrs(d.counts)}><th scope="row">All frameworks (distinct findings)</th><td></td><td></td><td></td>${counts(d.counts)}</tr>`,
  ];
  return [
    '<section id="baseline" aria-labelledby="h-baseline">',
    `<h2 id="h-baseline">${esc(baselineTitle(d))}</h2>`,
    `<p>Compared with the report of account ${code(d.old.accountId)} collected at ${esc(d.old.collectedAt)} (archscan ${esc(d.old.toolVersion)}); ` +
      `this report: ${esc(d.new.collectedAt)} (archscan ${esc(d.new.toolVersion)}). A finding is a check and a resource.</p>`,
    ...b.notes.map((n) => `<p class="note">${esc(n)}</p>`),
    table(
      'Findings changed per framework, and the score change',
      ['Framework', 'Old score', 'New score', 'Change', ...CHANGE_KINDS.map((k) => CHANGE_LABEL[k])],
      rows,
      'change-summary',
    ),
    `<h3>New findings (${b.addedTotal})</h3>`,
    changeTable('Findings that fail now and did not before', b.added),
    cutNote(b.added.length, b.addedTotal),
    `<h3>Fixed findings (${b.fixedTotal})</h3>`,
    changeTable('Findings that failed before and no longer do', b.fixed),
    cutNote(b.fixed.length, b.fixedTotal),
    '</section>',
  ]
    .filter((s) => s !== '')
    .join('\n');
}

/** The VAPT audit pack as one HTML file (deterministic bytes, no script, nothing fetched). */
export const renderHtml: Reporter = (a, options) => {
  const p = buildPack(a, options);
  const title = `VAPT audit pack: account ${a.snapshot.accountId}`;
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${esc(`${a.tool.name} ${a.tool.version}`)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${esc(title)}</h1>`,
    `<p class="sub">Configuration review for VAPT preparation (not a penetration test) · ${esc(`${a.tool.name} ${a.tool.version}`)} · generated ${esc(p.provenance.generatedAt ?? '(time not recorded)')} · snapshot collected at ${esc(a.snapshot.collectedAt)} · ${esc(a.frameworks.map((f) => f.id).join(', '))}</p>`,
    contents(p),
    '</header>',
    '<main>',
    summary(p),
    scope(p),
    ...p.frameworks.map(frameworkSection),
    waivers(a),
    errors(p),
    manual(p),
    baseline(p),
    ...(a.architecture ? architectureHtml(a.architecture) : []),
    '</main>',
    '</body>',
    '</html>',
  ].filter((s) => s !== '');
  return rendered(() => lines(html));
};
