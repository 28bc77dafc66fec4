/**
 * The architecture section of the HTML pack (scan --arch): the source × tier
 * matrix with the exact cells of a seed fixture, and the inline SVG diagram
 * with the exact set of arrows, well-formed XML with a title, a description
 * and a legend, labels escaped. Without --arch the pack has neither. The
 * evidence pack (--output-dir) carries the same section. The browser
 * rendering of the whole pack is test/reporters/html.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ArchitectureSection } from '../../src/assess/types.js';
import { architectureSvg, diagramEdges } from '../../src/reporters/architecture-svg.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const SNAP = `${ROOT}fixtures/clubshop-ecommerce.json`;
const PROFILE = `${ROOT}fixtures/clubshop-ecommerce.arch.yaml`;

/** The diagram of a page: the one <svg class="arch-diagram"> element, as text. */
function svgOf(html: string): string {
  const start = html.indexOf('<svg xmlns="http://www.w3.org/2000/svg" class="arch-diagram"');
  expect(start).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</svg>', start) + '</svg>'.length);
}

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true, isArray: (_name, _path, _leaf, isAttribute) => !isAttribute });

/** Every element named `tag` anywhere below `node`. */
function all(node: unknown, tag: string, out: Node[] = []): Node[] {
  if (Array.isArray(node)) for (const n of node) all(n, tag, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Node)) {
      if (k === tag) for (const x of v as Node[]) out.push(x);
      if (!k.startsWith('@')) all(v, tag, out);
    }
  }
  return out;
}

/** The arrows of a diagram as `from->to kind ports`, read back by an XML parser (attribute values unescaped). */
function flowsOf(svg: string): string[] {
  expect(XMLValidator.validate(svg)).toBe(true);
  return all(parser.parse(svg), 'g')
    .filter((g) => g['@class'] === 'flow')
    .map((g) => `${String(g['@data-flow'])} ${String(g['@data-kind'])} ${String(g['@data-ports'])}`)
    .sort();
}

/** The matrix cells of a page: from, to, state, declared, actual, undeclared, blocked (from the data attributes). */
function cellsOf(html: string): string[][] {
  const section = html.slice(html.indexOf('<section id="architecture"'), html.indexOf('</section>', html.indexOf('<section id="architecture"')));
  const read = (td: string, name: string) => new RegExp(`\\sdata-${name}="([^"]*)"`).exec(td)?.[1] ?? '(missing)';
  return [...section.matchAll(/<td class="arch-cell"[^>]*>/g)].map(([td]) => ['from', 'to', 'state', 'declared', 'actual', 'undeclared', 'blocked'].map((n) => read(td, n)));
}

const CELLS = [
  ['internet', 'dmz', 'as-declared', 'tcp 80, 443', 'tcp 80, 443', 'nothing', 'nothing'],
  ['internet', 'development', 'undeclared', 'tcp 80, 443', 'tcp 80, 443, 27017', 'tcp 27017', 'nothing'],
  ['admin-office', 'dmz', 'as-declared', 'tcp 80, 443', 'tcp 80, 443', 'nothing', 'nothing'],
  ['admin-office', 'trusted', 'blocked', 'tcp 22', 'nothing', 'nothing', 'tcp 22'],
  ['admin-office', 'development', 'undeclared', 'tcp 22, 80, 443', 'tcp 22, 80, 443, 27017', 'tcp 27017', 'nothing'],
  ['dmz', 'trusted', 'undeclared', 'tcp 80, 443', 'tcp all; udp all; icmp', 'tcp 0-79, 81-442, 444-65535; udp all; icmp', 'nothing'],
  ['trusted', 'dmz', 'as-declared', 'tcp 80, 443', 'tcp 80, 443', 'nothing', 'nothing'],
  ['trusted', 'database', 'blocked', 'tcp 11211', 'nothing', 'nothing', 'tcp 11211'],
];

const FLOWS = [
  'admin-office->development declared tcp 22, 80, 443',
  'admin-office->development undeclared tcp 27017',
  'admin-office->dmz declared tcp 80, 443',
  'admin-office->trusted blocked tcp 22',
  'dmz->trusted declared tcp 80, 443',
  'dmz->trusted undeclared tcp 0-79, 81-442, 444-65535; udp all; icmp',
  'internet->development declared tcp 80, 443',
  'internet->development undeclared tcp 27017',
  'internet->dmz declared tcp 80, 443',
  'trusted->database blocked tcp 11211',
  'trusted->dmz declared tcp 80, 443',
];

describe('HTML pack: the architecture matrix and diagram', () => {
  it('scan --arch: the matrix has the exact cells and the diagram the exact arrows, as well-formed SVG', async () => {
    const r = await runCli(['scan', '--snapshot', SNAP, '--arch', PROFILE, '--format', 'html', '--fail-on', 'none', '--quiet']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const html = r.stdout;
    expect(html).toContain('<li><a href="#architecture">Architecture: declared against actual flows</a></li>');
    expect(html).toContain('<h2 id="h-architecture">Architecture: clubshop</h2>');
    expect(html).toContain('<p data-cells="8" data-differ="5">');
    expect(cellsOf(html)).toEqual(CELLS);
    // Rows for the 4 sources with a cell, a column per tier (5): the 12 pairs with nothing declared or reachable stay empty.
    expect(html.match(/<td class="arch-none">/g)?.length).toBe(4 * 5 - 8);
    const svg = svgOf(html);
    expect(flowsOf(svg)).toEqual(FLOWS);
    const doc = parser.parse(svg) as Node;
    const root = (doc['svg'] as Node[])[0]!;
    expect(root['@role']).toBe('img');
    expect(root['@aria-labelledby']).toBe('arch-title arch-desc');
    expect((root['title'] as Node[])[0]!['#text']).toBe('Tiers and flows of clubshop: declared against actual');
    expect((root['desc'] as Node[])[0]!['#text']).toBe(
      '5 tiers (dmz, trusted, database, development, backup) and 2 external networks (internet, admin-office); 6 declared and reachable, 2 declared but blocked, 3 undeclared and reachable: ' +
        'internet to development (tcp 27017); admin-office to development (tcp 27017); dmz to trusted (tcp 0-79, 81-442, 444-65535; udp all; icmp).',
    );
    const nodes = all(doc, 'g').filter((g) => g['@class'] === 'node');
    expect(nodes.map((g) => `${String(g['@data-node'])}:${String(g['@data-node-kind'])}`)).toEqual([
      'internet:network',
      'admin-office:network',
      'dmz:tier',
      'trusted:tier',
      'database:tier',
      'development:tier',
      'backup:tier',
    ]);
    // The legend names the three kinds; a blocked arrow is dashed, an undeclared one drawn thicker in red.
    const legend = all(doc, 'g').find((g) => g['@class'] === 'legend')!;
    expect(all(legend, 'text').map((t) => t['#text'])).toEqual(['declared and reachable', 'undeclared and reachable (highlighted)', 'declared but blocked (dashed)']);
    const path = (kind: string) => all(all(doc, 'g').find((g) => g['@class'] === 'flow' && g['@data-kind'] === kind)!, 'path')[0]!;
    expect(path('blocked')['@stroke-dasharray']).toBe('6 4');
    expect(path('declared')['@stroke-dasharray']).toBeUndefined();
    expect(path('undeclared')['@stroke']).toBe('#c62828');
    expect(Number(path('undeclared')['@stroke-width'])).toBeGreaterThan(Number(path('declared')['@stroke-width']));
    // No script, nothing fetched.
    expect(svg).not.toMatch(/<script|href="http|xlink:href/);
  }, 120_000);

  it('without --arch the pack has neither the matrix nor the diagram', async () => {
    const r = await runCli(['scan', '--snapshot', SNAP, '--format', 'html', '--fail-on', 'none', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<h2 id="h-summary">Summary</h2>');
    expect(r.stdout).not.toContain('id="architecture"');
    expect(r.stdout).not.toContain('class="arch-diagram"');
    expect(r.stdout).not.toContain('class="arch-matrix"');
    expect(r.stdout).not.toContain('data-flow=');
    expect(r.stdout).not.toContain('href="#architecture"');
  }, 120_000);

  it('the evidence pack (--output-dir) carries the section in report.html, the same as the single file', async () => {
    const dir = tempDir();
    const r = await runCli(['scan', '--snapshot', SNAP, '--arch', PROFILE, '--format', 'json,html', '--output-dir', dir, '--fail-on', 'none', '--quiet']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(cellsOf(html)).toEqual(CELLS);
    // verify re-renders every report from the snapshot and the profile the pack copied in: the diagram's bytes replay.
    const verify = await runCli(['verify', dir, '--snapshot', SNAP]);
    expect([verify.code, verify.stderr]).toEqual([0, '']);
    expect(flowsOf(svgOf(html))).toEqual(FLOWS);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { architecture: { cells: { from: string; to: string; allowed: string }[] } };
    // The JSON report carries what the declared-and-reachable arrows are drawn from.
    expect(report.architecture.cells.map((c) => `${c.from}->${c.to} ${c.allowed}`)).toEqual([
      'internet->dmz tcp 80, 443',
      'internet->development tcp 80, 443',
      'admin-office->dmz tcp 80, 443',
      'admin-office->trusted nothing',
      'admin-office->development tcp 22, 80, 443',
      'dmz->trusted tcp 80, 443',
      'trusted->dmz tcp 80, 443',
      'trusted->database nothing',
    ]);
  }, 120_000);
});

describe('architectureSvg', () => {
  const section = (over: Partial<ArchitectureSection>): ArchitectureSection => ({
    tiers: [],
    networks: [],
    sources: ['internet', 'web', 'db'],
    destinations: ['web', 'db'],
    cells: [],
    unassignedSubnets: [],
    ...over,
  });
  const cell = (from: string, to: string, allowed: string, undeclared: string, blocked: string) => ({
    from,
    to,
    declared: 'tcp 443',
    actual: 'tcp 443',
    allowed,
    undeclared,
    blocked,
    state: 'as-declared' as const,
    interfaces: 1,
    regions: ['ap-south-1'],
  });

  it('escapes the profile name and every label, and stays well-formed XML', () => {
    const svg = architectureSvg(
      section({
        name: 'pay <script>alert("x")</script> & co',
        sources: ['internet', 'o\'brien & <partners>', 'web', 'db'],
        cells: [cell('o\'brien & <partners>', 'web', 'tcp 443', 'nothing', 'nothing')],
      }),
    );
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('<title id="arch-title">Tiers and flows of pay &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co: declared against actual</title>');
    expect(flowsOf(svg)).toEqual(["o'brien & <partners>->web declared tcp 443"]);
  });

  it('cuts a long name to fit its box, keeping it whole in the tooltip', () => {
    const long = 'cardholder-data-environment-primary-zone';
    const svg = architectureSvg(section({ sources: ['internet', long], destinations: [long], cells: [cell('internet', long, 'tcp 443', 'nothing', 'nothing')] }));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain(`<title>tier ${long}</title>`);
    expect(svg).toContain('>cardholder-data-envir…</text>');
    expect(flowsOf(svg)).toEqual([`internet->${long} declared tcp 443`]);
  });

  it('draws a flow within a tier (intra-tier judged) and no arrow for a cell with nothing', () => {
    const s = section({ cells: [cell('web', 'web', 'nothing', 'tcp 22', 'nothing'), cell('internet', 'db', 'nothing', 'nothing', 'nothing')] });
    expect(diagramEdges(s)).toEqual([{ from: 'web', to: 'web', kind: 'undeclared', ports: 'tcp 22' }]);
    const svg = architectureSvg(s);
    expect(flowsOf(svg)).toEqual(['web->web undeclared tcp 22']);
    expect(svg).toContain('>within web: tcp 22</text>');
  });

  it('is deterministic: the same section gives the same bytes', () => {
    const s = section({ cells: [cell('internet', 'web', 'tcp 443', 'tcp 22', 'nothing'), cell('web', 'db', 'nothing', 'nothing', 'tcp 5432'), cell('db', 'web', 'tcp 443', 'nothing', 'nothing')] });
    expect(architectureSvg(s)).toBe(architectureSvg(structuredClone(s)));
    expect(flowsOf(architectureSvg(s))).toEqual(['db->web declared tcp 443', 'internet->web declared tcp 443', 'internet->web undeclared tcp 22', 'web->db blocked tcp 5432']);
  });
});
