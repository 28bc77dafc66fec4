/**
 * The shape of src/: no import cycle (type imports count: a cycle of types is
 * a cycle of concepts), and data flowing one way — service modules know AWS,
 * checks know the inventory, reporters know the assessment, and nothing but
 * the CLI's entry point reaches into the CLI.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** file (relative to src/) -> the src/ files it imports (type imports included). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const deps = importedFiles
      .map((i) => i.fileName)
      .filter((n) => n.startsWith('.'))
      .map((n) => relative(SRC, resolve(dirname(file), n)).replace(/\.js$/, '.ts'));
    graph.set(relative(SRC, file), deps);
  }
  return graph;
}

/** Every elementary cycle's first occurrence in a depth-first walk, as `a -> b -> a`. */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (!graph.has(d)) continue;
      if (state.get(d) === 'open') found.push([...stack.slice(stack.indexOf(d)), d].join(' -> '));
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
  return found;
}

const graph = importGraph();
const layer = (file: string) => file.split('/')[0]!;

describe('src/ architecture', () => {
  it('the cycle finder finds a planted cycle (so an empty answer means something)', () => {
    expect(cyclesOf(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]))).toEqual(['a.ts -> b.ts -> c.ts -> a.ts']);
  });

  it('has no import cycle', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  /** layer -> layers it must never import. */
  const FORBIDDEN: Record<string, string[]> = {
    services: ['checks', 'assess', 'reporters', 'rules', 'cli', 'collect', 'diff'],
    collect: ['inventory', 'checks', 'assess', 'reporters', 'rules', 'cli', 'diff'],
    inventory: ['checks', 'assess', 'reporters', 'rules', 'cli', 'collect', 'diff'],
    checks: ['collect', 'assess', 'reporters', 'rules', 'cli', 'diff'],
    rules: ['collect', 'services', 'inventory', 'assess', 'reporters', 'cli'],
    assess: ['collect', 'reporters', 'cli'],
    diff: ['collect', 'services', 'inventory', 'reporters', 'cli'],
    reporters: ['collect', 'services', 'inventory', 'cli'],
  };

  it('imports flow one way between layers', () => {
    const wrong: string[] = [];
    for (const [file, deps] of graph) {
      for (const dep of deps) {
        if (FORBIDDEN[layer(file)]?.includes(layer(dep))) wrong.push(`${file} imports ${dep}`);
        if (layer(dep) === 'cli' && layer(file) !== 'cli') wrong.push(`${file} imports the CLI (${dep})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps every service module to itself: a module reads only its own folder, the shared services files, and the types of modules it is built after', () => {
    const wrong: string[] = [];
    for (const [file, deps] of graph) {
      const parts = file.split('/');
      if (parts[0] !== 'services' || parts.length < 3) continue;
      for (const dep of deps) {
        const d = dep.split('/');
        if (d[0] === 'services' && d.length >= 3 && d[1] !== parts[1] && d[2] !== 'types.ts') wrong.push(`${file} imports ${dep}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
