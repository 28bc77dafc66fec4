/**
 * The architecture diagram of the HTML pack: an inline SVG of the tiers and
 * the external networks as boxes and the flows between them as arrows —
 * declared and reachable (solid), declared but blocked (dashed), undeclared
 * and reachable (thick, red: highlighted). Laid out by our own arithmetic
 * from the matrix alone (no layout library, no script, nothing fetched), so
 * the same report gives the same bytes. External networks stand in a column
 * on the left with straight arrows into the tiers; the tiers stand in a
 * column on the right and flows between tiers arc out to its right, further
 * out the further apart the tiers are. Every label is escaped; each arrow
 * carries `data-flow`, `data-kind` and `data-ports` for tests and tools.
 */
import type { ArchitectureSection, MatrixCell } from '../assess/types.js';
import { esc } from './escape.js';

export type FlowKind = 'declared' | 'blocked' | 'undeclared';

export interface DiagramEdge {
  from: string;
  to: string;
  kind: FlowKind;
  /** formatTraffic text: `tcp 443; udp 53`. */
  ports: string;
}

const KINDS: readonly FlowKind[] = ['declared', 'undeclared', 'blocked'];

const STYLE: Record<FlowKind, { colour: string; width: number; dash?: string; label: string }> = {
  declared: { colour: '#1f5fa8', width: 1.5, label: 'declared and reachable' },
  undeclared: { colour: '#c62828', width: 3, label: 'undeclared and reachable (highlighted)' },
  blocked: { colour: '#616161', width: 1.5, dash: '6 4', label: 'declared but blocked (dashed)' },
};

/** The arrows of the matrix: per cell, one for each of its allowed, undeclared and blocked traffic that is not nothing. */
export function diagramEdges(s: ArchitectureSection): DiagramEdge[] {
  const ports: Record<FlowKind, (c: MatrixCell) => string> = { declared: (c) => c.allowed, undeclared: (c) => c.undeclared, blocked: (c) => c.blocked };
  const out: DiagramEdge[] = [];
  for (const c of s.cells) for (const kind of KINDS) if (ports[kind](c) !== 'nothing') out.push({ from: c.from, to: c.to, kind, ports: ports[kind](c) });
  return out;
}

const BOX_W = 170;
const BOX_H = 36;
const GAP = 30;
const TOP = 64;
const EXT_X = 10;
const TIER_X = 400;
const LABEL_MAX = 48;
/** What fits in a box at 13px (a name may have 63 characters; the box's tooltip has it whole). */
const NAME_MAX = 22;

const cut = (t: string, max: number) => (t.length > max ? `${t.slice(0, max - 1)}…` : t);
const short = (t: string) => cut(t, LABEL_MAX);
const r1 = (n: number) => Math.round(n * 10) / 10;

/** The diagram; `id` prefixes the element ids (title, description, markers) so they stay unique in the page. */
export function architectureSvg(s: ArchitectureSection, id = 'arch'): string {
  const tiers = s.destinations;
  const externals = s.sources.filter((x) => !tiers.includes(x));
  const edges = diagramEdges(s);
  const rows = Math.max(tiers.length, externals.length, 1);
  const columnH = rows * BOX_H + (rows - 1) * GAP;
  const place = (list: string[], x: number) => {
    const h = list.length * BOX_H + Math.max(0, list.length - 1) * GAP;
    const y0 = TOP + (columnH - h) / 2;
    return new Map(list.map((n, i) => [n, { x, y: y0 + i * (BOX_H + GAP), i }]));
  };
  const tierAt = place(tiers, TIER_X);
  const extAt = place(externals, EXT_X);
  const at = (n: string) => tierAt.get(n) ?? extAt.get(n);
  // Between tiers a label says which way (labels of arcs of both directions stack in one place); from outside the arrow says it.
  const label = (e: DiagramEdge) => (extAt.has(e.from) ? e.ports : e.from === e.to ? `within ${e.from}: ${e.ports}` : `${e.from} → ${e.to}: ${e.ports}`);
  const right = TIER_X + BOX_W;
  let width = right + 40;

  // Where an arrow meets a box: the arrows of one side of a box spread over its height, in edge order.
  const ends = new Map<string, string[]>();
  const slot = (k: string, e: DiagramEdge) => {
    const list = ends.get(k) ?? [];
    list.push(`${e.from}>${e.to}>${e.kind}`);
    ends.set(k, list);
  };
  for (const e of edges) {
    if (e.from === e.to) continue;
    const external = extAt.has(e.from);
    slot(`${e.from}|${external ? 'right' : 'arc'}`, e);
    slot(`${e.to}|${external ? 'left' : 'arc'}`, e);
  }
  const yOf = (box: { y: number }, k: string, e: DiagramEdge) => {
    const list = ends.get(k)!;
    const i = list.indexOf(`${e.from}>${e.to}>${e.kind}`);
    return box.y + 5 + ((BOX_H - 10) * (i + 0.5)) / list.length;
  };
  // Labels of arcs between one pair of tiers stack, one line each.
  const pairLabels = new Map<string, number>();
  const pairTotal = new Map<string, number>();
  const pairOf = (e: DiagramEdge) => [e.from, e.to].sort().join('\u0000');
  for (const e of edges) if (!extAt.has(e.from)) pairTotal.set(pairOf(e), (pairTotal.get(pairOf(e)) ?? 0) + 1);

  const paths = edges.map((e) => {
    const a = at(e.from);
    const b = at(e.to);
    if (!a || !b) return '';
    const st = STYLE[e.kind];
    let d: string;
    let lx: number;
    let ly: number;
    let anchor = 'start';
    if (extAt.has(e.from)) {
      const x1 = a.x + BOX_W;
      const y1 = yOf(a, `${e.from}|right`, e);
      const x2 = b.x - 2;
      const y2 = yOf(b, `${e.to}|left`, e);
      d = `M${r1(x1)} ${r1(y1)} L${r1(x2)} ${r1(y2)}`;
      // Arrows into one tier converge: their labels sit at different distances along them.
      const into = ends.get(`${e.to}|left`)!;
      const k = into.indexOf(`${e.from}>${e.to}>${e.kind}`);
      const t = 0.25 + (0.5 * k) / Math.max(1, into.length - 1);
      lx = x1 + (x2 - x1) * t;
      ly = y1 + (y2 - y1) * t - 4;
      anchor = 'middle';
    } else {
      const pk = pairOf(e);
      const n = pairLabels.get(pk) ?? 0;
      pairLabels.set(pk, n + 1);
      const stackTop = -((pairTotal.get(pk)! - 1) * 13) / 2;
      if (e.from === e.to) {
        const y = a.y + BOX_H / 2;
        const out = 34 + KINDS.indexOf(e.kind) * 10;
        d = `M${right} ${r1(y - 8)} C${right + out} ${r1(y - 22)} ${right + out} ${r1(y + 22)} ${right + 2} ${r1(y + 8)}`;
        lx = right + out + 6;
        ly = y + 4 + stackTop + n * 13;
      } else {
        const y1 = yOf(a, `${e.from}|arc`, e);
        const y2 = yOf(b, `${e.to}|arc`, e);
        const bulge = 40 + 60 * Math.abs(b.i - a.i) + KINDS.indexOf(e.kind) * 8 + (b.i > a.i ? 0 : 16);
        d = `M${right} ${r1(y1)} C${right + bulge} ${r1(y1)} ${right + bulge} ${r1(y2)} ${right + 2} ${r1(y2)}`;
        // A cubic with both control points at one x peaks at three quarters of the way there: labels just beyond the outermost arc.
        lx = right + 0.75 * (40 + 60 * Math.abs(b.i - a.i) + 32) + 12;
        ly = (a.y + b.y) / 2 + BOX_H / 2 + 4 + stackTop + n * 13;
      }
    }
    width = Math.max(width, lx + 8 + short(label(e)).length * 6.2);
    const dash = st.dash ? ` stroke-dasharray="${st.dash}"` : '';
    const what = `${e.from} to ${e.to}: ${STYLE[e.kind].label}: ${e.ports}`;
    return (
      `<g class="flow" data-flow="${esc(`${e.from}->${e.to}`)}" data-kind="${e.kind}" data-ports="${esc(e.ports)}"><title>${esc(what)}</title>` +
      `<path d="${d}" fill="none" stroke="${st.colour}" stroke-width="${st.width}"${dash} marker-end="url(#${id}-arrow-${e.kind})"/>` +
      `<text x="${r1(lx)}" y="${r1(ly)}" font-size="11" text-anchor="${anchor}" fill="${st.colour}" stroke="#fff" stroke-width="3" paint-order="stroke">${esc(short(label(e)))}</text></g>`
    );
  });

  const box = (name: string, p: { x: number; y: number }, kind: 'tier' | 'network') =>
    `<g class="node" data-node="${esc(name)}" data-node-kind="${kind}"><rect x="${p.x}" y="${r1(p.y)}" width="${BOX_W}" height="${BOX_H}" rx="4" fill="${kind === 'tier' ? '#eef1f5' : '#fff8e1'}" stroke="#1f3a5f"/>` +
    `<title>${esc(`${kind === 'tier' ? 'tier' : 'external network'} ${name}`)}</title>` +
    `<text x="${p.x + BOX_W / 2}" y="${r1(p.y + BOX_H / 2 + 4)}" font-size="13" text-anchor="middle">${esc(cut(name, NAME_MAX))}</text></g>`;
  const nodes = [...[...extAt].map(([n, p]) => box(n, p, 'network')), ...[...tierAt].map(([n, p]) => box(n, p, 'tier'))];

  let legendX = 10;
  const legend = KINDS.map((k) => {
    const st = STYLE[k];
    const x = legendX;
    legendX += 60 + st.label.length * 6.6;
    return (
      `<line x1="${x}" y1="14" x2="${x + 36}" y2="14" stroke="${st.colour}" stroke-width="${st.width}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''} marker-end="url(#${id}-arrow-${k})"/>` +
      `<text x="${x + 44}" y="18" font-size="12">${esc(st.label)}</text>`
    );
  }).join('');
  const headings =
    (externals.length > 0 ? `<text x="${EXT_X}" y="${TOP - 10}" font-size="12" font-weight="700">External networks</text>` : '') +
    `<text x="${TIER_X}" y="${TOP - 10}" font-size="12" font-weight="700">Tiers</text>`;
  const markers = KINDS.map(
    (k) =>
      `<marker id="${id}-arrow-${k}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="${STYLE[k].colour}"/></marker>`,
  ).join('');

  const w = Math.ceil(Math.max(width, legendX));
  const h = Math.ceil(TOP + columnH + 20);
  const count = (k: FlowKind) => edges.filter((e) => e.kind === k).length;
  const title = `Tiers and flows${s.name ? ` of ${s.name}` : ''}: declared against actual`;
  const desc =
    `${tiers.length} tier${tiers.length === 1 ? '' : 's'} (${tiers.join(', ') || 'none'}) and ${externals.length} external network${externals.length === 1 ? '' : 's'} (${externals.join(', ') || 'none'}); ` +
    `${count('declared')} declared and reachable, ${count('blocked')} declared but blocked, ${count('undeclared')} undeclared and reachable` +
    (count('undeclared') > 0 ? `: ${edges.filter((e) => e.kind === 'undeclared').map((e) => `${e.from} to ${e.to} (${e.ports})`).join('; ')}.` : '.');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="arch-diagram" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>` +
    `<defs>${markers}</defs><g class="legend">${legend}</g>${headings}` +
    `<g class="flows">${paths.join('')}</g><g class="nodes">${nodes.join('')}</g></svg>`
  );
}
