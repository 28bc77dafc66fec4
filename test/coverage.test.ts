/**
 * The coverage matrix: `archscan frameworks --coverage` and the committed
 * docs/coverage.md, which must be what the generator writes from the rule sets
 * as they are now.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCheck } from '../src/checks/index.js';
import { buildCoverage, renderCoverage } from '../src/reporters/coverage.js';
import { loadBuiltinRuleSets, parseRuleSet } from '../src/rules/load.js';
import { ROOT, runCli, tempDir, writeTemp } from './helpers/cli.js';

const DOC = `${ROOT}docs/coverage.md`;

const RULES = `id: cov-demo
title: Coverage | demo
version: "1"
source: { document: Demo standard, publisher: Demo, date: "2026", url: "https://example.com/std" }
controls:
  - id: P-1
    title: Passwords of 16
    source: Demo 1
    checks:
      - check: iam-password-policy-strong
        params: { minimumLength: 16 }
      - check: iam-root-mfa-enabled
  - id: Q-1
    title: Stored data unreadable
    source: Demo 3
    note: Disk encryption is supporting evidence only.
    checks: [{ check: ebs-volume-encrypted }]
    partial: { collect: "How stored data is made unreadable." }
  - id: M-1
    title: Training <yearly>
    source: Demo 2
    group: People
    verified: false
    note: Find the clause.
    manual: { collect: "Training records | attendance & scores." }
`;

describe('docs/coverage.md', () => {
  it('is fresh: what `npm run coverage` generates from rules/*.yaml now', () => {
    const expected = renderCoverage(loadBuiltinRuleSets(), 'markdown');
    const committed = readFileSync(DOC, 'utf8');
    expect(committed === expected, 'docs/coverage.md is stale: run `npm run coverage` and commit the result').toBe(true);
  });
});

describe('coverage of the built-in rule sets', () => {
  const coverage = buildCoverage(loadBuiltinRuleSets());

  it('counts automated, partial and manual controls per framework and in total', () => {
    for (const f of coverage.frameworks) {
      expect(f.counts.controls).toBe(f.controls.length);
      expect(f.counts.automated + f.counts.partial + f.counts.manual).toBe(f.counts.controls);
      expect(f.counts.manual).toBe(f.controls.filter((c) => c.kind === 'manual').length);
      expect(f.counts.partial).toBe(f.controls.filter((c) => c.kind === 'partial').length);
      expect(f.counts.unverified).toBe(f.controls.filter((c) => !c.verified).length);
    }
    expect(coverage.totals.controls).toBe(coverage.frameworks.reduce((n, f) => n + f.counts.controls, 0));
    expect(coverage.totals.manual).toBe(coverage.frameworks.reduce((n, f) => n + f.counts.manual, 0));
  });

  it('lists checks for automated controls, checks and the rest to collect for partial ones, and evidence to collect for manual ones', () => {
    for (const f of coverage.frameworks) {
      for (const c of f.controls) {
        if (c.kind === 'automated') {
          expect(c.checks.length, `${f.id} ${c.id}`).toBeGreaterThan(0);
          expect(c.collect).toBeUndefined();
        } else if (c.kind === 'partial') {
          expect(c.checks.length, `${f.id} ${c.id}`).toBeGreaterThan(0);
          expect(c.collect!.length, `${f.id} ${c.id}`).toBeGreaterThan(20);
          expect(c.note!.length, `${f.id} ${c.id}`).toBeGreaterThan(20);
        } else {
          expect(c.checks).toEqual([]);
          expect(c.collect!.length, `${f.id} ${c.id}`).toBeGreaterThan(20);
        }
      }
    }
  });

  it('shows only the params that differ from the check defaults', () => {
    for (const f of coverage.frameworks) {
      for (const c of f.controls) {
        for (const k of c.checks) {
          const defaults = findCheck(k.id)!.defaults as Record<string, unknown>;
          for (const [name, value] of Object.entries(k.params)) expect(value, `${f.id} ${c.id} ${k.id} ${name}`).not.toEqual(defaults[name]);
        }
      }
    }
    const pci = coverage.frameworks.find((f) => f.id === 'pci-dss-v4')!;
    const pwd = pci.controls.find((c) => c.id === '8.3.6')!.checks.find((k) => k.id === 'iam-password-policy-strong')!;
    expect(pwd.params).toMatchObject({ minimumLength: 12, requireLetters: true, reusePrevention: 0, maxAgeDays: 0 });
  });
});

describe('coverage rendering', () => {
  const sets = [parseRuleSet(RULES, 'cov-demo.yaml')];

  it('json: controls with kind, checks (changed params only) and collect', () => {
    const json = JSON.parse(renderCoverage(sets, 'json')) as ReturnType<typeof buildCoverage>;
    expect(json.totals).toEqual({ controls: 3, automated: 1, partial: 1, manual: 1, unverified: 1 });
    expect(json.frameworks[0]!.controls).toEqual([
      {
        id: 'P-1',
        title: 'Passwords of 16',
        source: 'Demo 1',
        verified: true,
        kind: 'automated',
        checks: [
          { id: 'iam-password-policy-strong', params: { minimumLength: 16 } },
          { id: 'iam-root-mfa-enabled', params: {} },
        ],
      },
      {
        id: 'Q-1',
        title: 'Stored data unreadable',
        source: 'Demo 3',
        verified: true,
        note: 'Disk encryption is supporting evidence only.',
        kind: 'partial',
        checks: [{ id: 'ebs-volume-encrypted', params: {} }],
        collect: 'How stored data is made unreadable.',
      },
      {
        id: 'M-1',
        title: 'Training <yearly>',
        source: 'Demo 2',
        group: 'People',
        verified: false,
        note: 'Find the clause.',
        kind: 'manual',
        checks: [],
        collect: 'Training records | attendance & scores.',
      },
    ]);
  });

  it('text: one block per control, automated, partial or manual', () => {
    const text = renderCoverage(sets, 'text');
    expect(text).toContain('cov-demo  Coverage | demo (1)\n  3 controls: 1 automated, 1 partial, 1 manual; 1 with the clause unverified\n');
    expect(text).toContain('  Q-1  partial    Stored data unreadable\n');
    expect(text).toContain(`\n${' '.repeat(18)}also collect: How stored data is made unreadable.\n${' '.repeat(18)}note: Disk encryption is supporting evidence only.\n`);
    expect(text).toContain('  P-1  automated  Passwords of 16\n');
    expect(text).toContain('checks: iam-password-policy-strong (minimumLength: 16), iam-root-mfa-enabled\n');
    expect(text).toContain('  M-1  manual     Training <yearly> (clause unverified)\n');
    expect(text).toContain(`\n${' '.repeat(18)}collect: Training records | attendance & scores.\n${' '.repeat(18)}note: Find the clause.\n`);
    expect(text.endsWith('total  3 controls: 1 automated, 1 partial, 1 manual; 1 with the clause unverified\n')).toBe(true);
  });

  it('markdown: a summary and a table per framework with verified / unverified / partial per control, cells escaped', () => {
    const md = renderCoverage(sets, 'markdown');
    expect(md).toContain('| [Coverage \\| demo](#cov-demo) | `cov-demo` | 3 | 1 | 1 | 1 | 1 |');
    expect(md).toContain('| control | title | source | group | coverage | checks, or evidence to collect | verified | note |');
    expect(md).toContain('| P-1 | Passwords of 16 | Demo 1 |  | automated | `iam-password-policy-strong` (minimumLength: 16)<br>`iam-root-mfa-enabled` | yes |  |');
    expect(md).toContain('| Q-1 | Stored data unreadable | Demo 3 |  | **partial** | `ebs-volume-encrypted`<br>also collect: How stored data is made unreadable. | yes | Disk encryption is supporting evidence only. |');
    expect(md).toContain('| M-1 | Training &lt;yearly&gt; | Demo 2 | People | manual | collect: Training records \\| attendance &amp; scores. | **no** | Find the clause. |');
    expect(md).toContain('(<https://example.com/std>)');
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
      // Every row of a table has as many cells as its header.
      expect(line.endsWith(' |')).toBe(true);
    }
  });
});

describe('archscan frameworks --coverage', () => {
  it('--format markdown prints exactly docs/coverage.md', async () => {
    const run = await runCli(['frameworks', '--coverage', '--format', 'markdown']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(readFileSync(DOC, 'utf8'));
  });

  it('--format json lists every framework with its counts', async () => {
    const run = await runCli(['frameworks', '--coverage', '--format', 'json']);
    const json = JSON.parse(run.stdout) as ReturnType<typeof buildCoverage>;
    expect(json.frameworks.map((f) => f.id)).toEqual(['aws-well-architected', 'cis-aws-foundations', 'mas-trm', 'pci-dss-v4', 'rbi-pso-ppi']);
    expect(json).toEqual(buildCoverage(loadBuiltinRuleSets()));
  });

  it('text is the default, and --rules adds the user rule set', async () => {
    const file = writeTemp(tempDir(), 'cov-demo.yaml', RULES);
    const run = await runCli(['frameworks', '--coverage', '--rules', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('cov-demo  Coverage | demo (1)');
    expect(run.stdout).toMatch(/^pci-dss-v4 {2}PCI DSS v4\.0\.1/m);
  });

  it('without --coverage, frameworks shows automated, partial, manual and unverified counts (text, json, markdown)', async () => {
    const json = JSON.parse((await runCli(['frameworks', '--format', 'json'])).stdout) as { id: string; controls: number; automated: number; partial: number; manual: number; unverified: number }[];
    for (const r of json) expect(r.automated + r.partial + r.manual).toBe(r.controls);
    expect((await runCli(['frameworks'])).stdout).toMatch(/^pci-dss-v4 +\d+ controls \(\d+ automated, \d+ partial, \d+ manual; \d+ clause unverified\)/m);
    expect((await runCli(['frameworks', '--format', 'markdown'])).stdout).toMatch(/^\| `pci-dss-v4` \| PCI DSS v4\.0\.1 \| 4\.0\.1 \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \|$/m);
  });
});
