/**
 * The tier matrix (`assessment.architecture`, present with `scan --arch`):
 * declared against actual flows per (source, tier), as text lines and as a
 * Markdown section. The other reporters call these; the matrix is small (a
 * row per source, a cell per tier), so it is built whole.
 */
import type { ArchitectureSection, MatrixCell } from '../assess/types.js';

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
