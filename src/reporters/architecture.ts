/**
 * The tier matrix (`assessment.architecture`, present with `scan --arch`):
 * declared against actual flows per (source, tier), as text lines, as a
 * Markdown section and as an HTML section with the diagram
 * (architecture-svg.ts). The other reporters call these; the matrix is small (a
 * row per source, a cell per tier), so it is built whole.
 */
import type { ArchitectureSection, MatrixCell } from '../assess/types.js';
import { architectureSvg } from './architecture-svg.js';
import { esc as escHtml } from './escape.js';

const MARK: Record<MatrixCell['state'], string> = {
  'as-declared': 'ok',
  undeclared: 'UNDECLARED',
  blocked: 'blocked',
  'undeclared-and-blocked': 'UNDECLARED+blocked',
  unknown: 'unknown',
};

function cellText(c: MatrixCell): string {
  const parts = [`actual ${c.actual}`];
  if (c.undeclared !== 'nothing') parts.push(`undeclared ${c.undeclared}`);
  if (c.blocked !== 'nothing') parts.push(`declared but blocked ${c.blocked}`);
  return `${MARK[c.state]}: ${parts.join('; ')}`;
}

/** Plain lines for the text report: one line per (source, tier) with something declared or reachable. */
export function architectureLines(s: ArchitectureSection): string[] {
  const out = ['', `Architecture${s.name ? ` ${s.name}` : ''}: declared against actual flows (${s.cells.filter((c) => c.state !== 'as-declared').length} of ${s.cells.length} differ)`];
  for (const c of s.cells) out.push(`  ${`${c.from} -> ${c.to}`.padEnd(36)} ${cellText(c)}`);
  if (s.unassignedSubnets.length > 0) out.push(`  subnets in no tier: ${s.unassignedSubnets.map((u) => `${u.subnet} (${u.region})`).join(', ')}`);
  return out;
}

const esc = (t: string) => t.replace(/\|/g, '\\|');

/** The Markdown section: tiers, then the source x tier matrix (declared / actual), then the differing cells. */
export function architectureMarkdown(s: ArchitectureSection): string[] {
  const out = [`## Architecture${s.name ? `: ${esc(s.name)}` : ''}`, ''];
  out.push('| Tier | Sensitivity | Public addresses | Min AZs | Where |', '|---|---|---|---|---|');
  for (const t of s.tiers) {
    const where = t.placements.map((p) => `${p.region}: ${p.availabilityZones.join(', ') || 'no zone'} (${p.subnets.length} subnets, ${p.interfaces} interfaces)`).join('<br>') || 'no subnet';
    out.push(`| ${esc(t.name)} | ${t.sensitivity} | ${t.publicAddresses ? 'allowed' : 'no'} | ${t.minAzs ?? '—'} | ${esc(where)} |`);
  }
  out.push('', 'Declared / actual traffic from each source (rows) into each tier (columns); **bold**: differs from the design.', '');
  out.push(`| from \\ to | ${s.destinations.map(esc).join(' | ')} |`, `|---|${s.destinations.map(() => '---').join('|')}|`);
  const byPair = new Map(s.cells.map((c) => [`${c.from}\u0000${c.to}`, c]));
  for (const from of s.sources) {
    const row = s.destinations.map((to) => {
      const c = byPair.get(`${from}\u0000${to}`);
      if (!c) return '';
      const text = `${esc(c.declared)} / ${esc(c.actual)}`;
      return c.state === 'as-declared' ? text : `**${text}**`;
    });
    if (row.every((x) => x === '')) continue;
    out.push(`| ${esc(from)} | ${row.join(' | ')} |`);
  }
  const differing = s.cells.filter((c) => c.state !== 'as-declared');
  if (differing.length > 0) {
    out.push('', '| From | To | State | Undeclared | Declared but blocked |', '|---|---|---|---|---|');
    for (const c of differing) out.push(`| ${esc(c.from)} | ${esc(c.to)} | ${c.state} | ${esc(c.undeclared)} | ${esc(c.blocked)} |`);
  }
  if (s.unassignedSubnets.length > 0) out.push('', `Subnets in no tier: ${s.unassignedSubnets.map((u) => `${u.subnet} (${u.region})`).join(', ')}.`);
  return out;
}

/** State words for the HTML matrix: always printed, colour only repeats them. */
const STATE_WORD: Record<MatrixCell['state'], string> = {
  'as-declared': 'as declared',
  undeclared: 'UNDECLARED',
  blocked: 'blocked',
  'undeclared-and-blocked': 'UNDECLARED + blocked',
  unknown: 'unknown',
};

/**
 * The HTML pack's section: the tiers, the source × tier matrix (declared and
 * actual in each cell, with what is undeclared or blocked) and the diagram.
 * Each cell carries its values in `data-*` attributes so tests and tools can
 * read them back.
 */
export function architectureHtml(s: ArchitectureSection): string[] {
  const out = [
    '<section id="architecture" aria-labelledby="h-architecture">',
    `<h2 id="h-architecture">Architecture${s.name ? `: ${escHtml(s.name)}` : ''}</h2>`,
  ];
  if (s.description) out.push(`<p>${escHtml(s.description)}</p>`);
  const differ = s.cells.filter((c) => c.state !== 'as-declared').length;
  out.push(
    `<p data-cells="${s.cells.length}" data-differ="${differ}">The account held against its declared architecture (<code>--arch</code>): ${differ} of ${s.cells.length} flows differ from the design. ` +
      'Undeclared traffic that gets through fails a drift check; declared traffic that cannot get through is reported as information.</p>',
  );
  const tierRows = s.tiers.map((t) => {
    const where = t.placements.map((p) => `${escHtml(p.region)}: ${escHtml(p.availabilityZones.join(', ') || 'no zone')} (${p.subnets.length} subnets, ${p.interfaces} interfaces)`).join('<br>') || 'no subnet';
    return `<tr data-tier="${escHtml(t.name)}"><th scope="row">${escHtml(t.name)}</th><td>${t.sensitivity}</td><td>${t.publicAddresses ? 'allowed' : 'no'}</td><td class="num">${t.minAzs ?? '—'}</td><td>${where}</td></tr>`;
  });
  out.push(
    `<table class="arch-tiers"><caption>Tiers of the architecture profile and where they are</caption><thead><tr><th scope="col">Tier</th><th scope="col">Sensitivity</th><th scope="col">Public addresses</th><th scope="col" class="num">Min AZs</th><th scope="col">Where</th></tr></thead><tbody>\n${tierRows.join('\n')}\n</tbody></table>`,
  );
  const byPair = new Map(s.cells.map((c) => [`${c.from}\u0000${c.to}`, c]));
  const rows: string[] = [];
  for (const from of s.sources) {
    const cells = s.destinations.map((to) => byPair.get(`${from}\u0000${to}`));
    if (cells.every((c) => c === undefined)) continue;
    const tds = cells.map((c) => {
      if (!c) return '<td class="arch-none">—</td>';
      const lines = [`<span class="status a-${c.state}">${STATE_WORD[c.state]}</span>`, `declared: ${escHtml(c.declared)}`, `actual: ${escHtml(c.actual)}`];
      if (c.undeclared !== 'nothing') lines.push(`<strong>undeclared: ${escHtml(c.undeclared)}</strong>`);
      if (c.blocked !== 'nothing') lines.push(`declared but blocked: ${escHtml(c.blocked)}`);
      const attrs = `data-from="${escHtml(c.from)}" data-to="${escHtml(c.to)}" data-state="${c.state}" data-declared="${escHtml(c.declared)}" data-actual="${escHtml(c.actual)}" data-undeclared="${escHtml(c.undeclared)}" data-blocked="${escHtml(c.blocked)}" data-interfaces="${c.interfaces}"`;
      return `<td class="arch-cell" ${attrs}>${lines.join('<br>')}</td>`;
    });
    rows.push(`<tr><th scope="row">${escHtml(from)}</th>${tds.join('')}</tr>`);
  }
  out.push(
    `<table class="arch-matrix"><caption>Declared against actual traffic from each source (rows) into each tier (columns)</caption><thead><tr><th scope="col">from \\ to</th>${s.destinations.map((d) => `<th scope="col">${escHtml(d)}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`,
  );
  if (s.unassignedSubnets.length > 0) out.push(`<p class="note">Subnets in no tier: ${s.unassignedSubnets.map((u) => `<code>${escHtml(u.subnet)}</code> (${escHtml(u.region)})`).join(', ')}.</p>`);
  out.push(
    `<figure class="arch-figure">${architectureSvg(s)}<figcaption>Tiers and flows: solid arrows are declared and reachable, dashed arrows declared but blocked, thick red arrows undeclared and reachable; each label is the traffic.</figcaption></figure>`,
    '</section>',
  );
  return out;
}
