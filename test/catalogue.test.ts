/**
 * Keeps the check files, the registry, the docs, the tests and the rule sets
 * in step (after ESLint's checkRuleFiles and trivy-checks' rules_test).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/index.js';
import type { AnyCheck } from '../src/checks/types.js';
import { OPERATION_BY_KEY } from '../src/services/operations.js';
import { ajv } from '../src/schemas.js';
import { loadBuiltinRuleSets } from '../src/rules/load.js';
import { ROOT } from './helpers/cli.js';

const INFRA = new Set(['define.ts', 'index.ts', 'run.ts', 'types.ts', 's3-bucket-scope.ts']);
const checkFiles = readdirSync(`${ROOT}src/checks`).filter((f) => f.endsWith('.ts') && !INFRA.has(f));
const checks = Object.entries(CHECKS as Record<string, AnyCheck>);
const docs = readFileSync(`${ROOT}docs/checks.md`, 'utf8');

describe('check catalogue', () => {
  it('registers exactly the check files, each under its own id', () => {
    expect(checks.map(([k]) => `${k}.ts`).sort()).toEqual(checkFiles.sort());
    for (const [key, check] of checks) expect(check.id).toBe(key);
  });

  it.each(checks)('%s: id, metadata, test table and docs', (id, check) => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
    expect(check.title).not.toMatch(/^Ensure/);
    for (const field of ['title', 'rationale', 'remediation'] as const) expect(check[field].length).toBeGreaterThan(10);
    expect(existsSync(`${ROOT}test/checks/${id}.test.ts`)).toBe(true);
    expect(docs).toContain(`| \`${id}\` | ${check.severity} |`);
    expect(check.requires.length).toBeGreaterThan(0);
    for (const op of check.requires) expect(OPERATION_BY_KEY.has(op), op).toBe(true);
    // Defaults satisfy the check's own schema; every param is documented.
    expect(ajv.validate(check.schema, check.defaults), JSON.stringify(ajv.errors)).toBe(true);
    expect(Object.keys(check.paramDocs).sort()).toEqual(Object.keys(check.defaults as object).sort());
    for (const param of Object.keys(check.defaults as object)) expect(docs).toMatch(new RegExp(`\\| \`${id}\` \\|.*\`${param}\``));
  });
});

describe('built-in rule sets', () => {
  const sets = loadBuiltinRuleSets();

  it('are the five frameworks', () => {
    expect(sets.map((s) => s.id)).toEqual(['aws-well-architected', 'cis-aws-foundations', 'mas-trm', 'pci-dss-v4', 'rbi-pso-ppi']);
  });

  it('use every check at least once', () => {
    const used = new Set(sets.flatMap((s) => s.controls.flatMap((c) => c.checks.map((k) => k.checkId))));
    expect([...used].sort()).toEqual(checks.map(([id]) => id).sort());
  });

  it('give every control a source naming its clause, and a note when the clause is unverified', () => {
    for (const s of sets) {
      for (const c of s.controls) {
        expect(c.source.length, `${s.id} ${c.id}`).toBeGreaterThan(5);
        if (!c.verified) expect(c.note, `${s.id} ${c.id}`).toBeTruthy();
      }
    }
  });

  it('give every automated control at least one check, every partial one checks, a note and the rest to collect, and every manual control none but the evidence to collect', () => {
    for (const s of sets) {
      for (const c of s.controls) {
        if (c.manual) {
          expect(c.checks, `${s.id} ${c.id}`).toEqual([]);
          expect(c.manual.collect.length, `${s.id} ${c.id}`).toBeGreaterThan(20);
        } else {
          expect(c.checks.length, `${s.id} ${c.id}`).toBeGreaterThan(0);
        }
        if (c.partial) {
          expect(c.partial.collect.length, `${s.id} ${c.id}`).toBeGreaterThan(20);
          expect(c.note?.length, `${s.id} ${c.id}`).toBeGreaterThan(20);
        }
      }
    }
  });

  it('say "weak fit", "supporting evidence" or "partial" in a note only on a partially evidenced control', () => {
    for (const s of sets) {
      for (const c of s.controls) {
        if (/weak fit|supporting evidence|^partial/i.test(c.note ?? '') && !c.manual) expect(c.partial, `${s.id} ${c.id}: the note admits a weak proxy`).toBeDefined();
      }
    }
  });

  it('quote the section heading in the source of every PSO MD control, and keep each unverified with a note', () => {
    const rbi = sets.find((s) => s.id === 'rbi-pso-ppi')!;
    for (const c of rbi.controls.filter((x) => x.id.startsWith('PSO-'))) {
      expect(c.source, c.id).toMatch(/Section (II "Governance Controls"|III "Baseline Information Security Measures\/Controls"|IV "Digital Payment Security Measures\/Controls")/);
      expect(c.verified, c.id).toBe(false);
      expect(c.note, c.id).toMatch(/not confirmed/);
    }
  });

  it('tag every CIS recommendation with its profile level', () => {
    const cis = sets.find((s) => s.id === 'cis-aws-foundations')!;
    expect(cis.controls).toHaveLength(70);
    for (const c of cis.controls) {
      expect([['level-1', 'level-2'], ['level-2']], c.id).toContainEqual(c.appliesTo);
      expect(c.source, c.id).toBe(`CIS Amazon Web Services Foundations Benchmark v7.0.0, recommendation ${c.id} (Level ${c.appliesTo!.length === 2 ? 1 : 2})`);
    }
  });

  it('tag every RBI control with the entity types it applies to', () => {
    const rbi = sets.find((s) => s.id === 'rbi-pso-ppi')!;
    for (const c of rbi.controls) {
      expect(c.appliesTo?.length, c.id).toBeGreaterThan(0);
      for (const t of c.appliesTo!) expect(['ppi-issuer', 'pso'], c.id).toContain(t);
    }
  });

  it('encode PCI DSS 8.3.6 as 12-character passwords with letters and digits, and nothing else (issue 11)', () => {
    const pci = sets.find((s) => s.id === 'pci-dss-v4')!;
    const ref = pci.controls.find((c) => c.id === '8.3.6')!.checks.find((k) => k.checkId === 'iam-password-policy-strong')!;
    // Before issue 11 the same params also held reuse 4 and a 90-day expiry, so either failed 8.3.6.
    expect(ref.params).toEqual({
      minimumLength: 12,
      requireUppercase: false,
      requireLowercase: false,
      requireLetters: true,
      requireNumbers: true,
      requireSymbols: false,
      reusePrevention: 0,
      maxAgeDays: 0,
    });
  });

  it('follow each framework\'s own numbering', () => {
    const patterns: Record<string, RegExp> = {
      // Requirement numbers: 8.3.6, 10.4.1.1, 12.10.1.
      'pci-dss-v4': /^\d{1,2}(\.\d+){1,3}$/,
      // TRM paragraphs (11.1.1(b)), a sub-section plus a slug where the paragraph is unverified (9.1-authentication), Notice 655 para 4.
      'mas-trm': /^(\d{1,2}(\.\d+){1,2}(\([a-z]\))?(-[a-z-]+)?|N655-4\.[1-6])$/,
      // Labels that cannot be mistaken for clause numbers (no paragraph number could be confirmed): a document
      // prefix and lower-case words, no digits, no roman numerals, no item letters in brackets (issue 11).
      'rbi-pso-ppi': /^(PSO-(governance|baseline|digital)|SPSD(-FAQ)?|PPI|CERTIN)(-[a-z]+)+$/,
      'aws-well-architected': /^(SEC|REL)\d{2}-BP\d{2}$/,
      // CIS recommendation numbers: 2.4, 2.1.1, 6.1.2 (v7.0.0 starts at section 2).
      'cis-aws-foundations': /^[2-6](\.\d{1,2}){1,2}$/,
    };
    for (const s of sets) for (const c of s.controls) expect(c.id, s.id).toMatch(patterns[s.id]!);
    // The patterns accept the ids the rule sets use and refuse near misses.
    const accepts = (framework: string, ids: string[]) => ids.filter((id) => patterns[framework]!.test(id));
    const rbiOk = ['SPSD-data-stored-in-india', 'SPSD-FAQ-offshore-processing', 'PSO-governance-ccmp', 'PSO-baseline-iam-default-credentials', 'PPI-is-policy', 'CERTIN-logs-kept-in-india'];
    expect(accepts('rbi-pso-ppi', rbiOk)).toEqual(rbiOk);
    // The old ids looked like clause numbers: refused now.
    expect(accepts('rbi-pso-ppi', ['SPSD-2(i)', 'PSO-III-iam-c', 'PSO-II-ccmp', 'PPI-15.1', 'PPI-15.3(b)', 'PSO-baseline-log-180'])).toEqual([]);
    expect(accepts('cis-aws-foundations', ['2.1.1', '5.16', '6.1.2', '1.1', '7.1', '2.1.1.1'])).toEqual(['2.1.1', '5.16', '6.1.2']);
    expect(accepts('pci-dss-v4', ['12.10.1', '10.4.1.1', '8.2'])).toEqual(['12.10.1', '10.4.1.1', '8.2']);
    expect(accepts('aws-well-architected', ['SEC10-BP08', 'REL09-BP04', 'SEC1-BP1'])).toEqual(['SEC10-BP08', 'REL09-BP04']);
  });
});

describe('README', () => {
  it('shows the IAM policy exactly as `archscan permissions` generates it', async () => {
    const { minimalPolicy } = await import('../src/collect/permissions.js');
    expect(readFileSync(`${ROOT}README.md`, 'utf8')).toContain(JSON.stringify(minimalPolicy(), null, 2));
  });
});
