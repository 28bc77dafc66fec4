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

const INFRA = new Set(['define.ts', 'index.ts', 'run.ts', 'types.ts']);
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

  it('are the four frameworks', () => {
    expect(sets.map((s) => s.id)).toEqual(['aws-well-architected', 'mas-trm', 'pci-dss-v4', 'rbi-pso-ppi']);
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

  it('give every automated control at least one check, and every manual control none but the evidence to collect', () => {
    for (const s of sets) {
      for (const c of s.controls) {
        if (c.manual) {
          expect(c.checks, `${s.id} ${c.id}`).toEqual([]);
          expect(c.manual.collect.length, `${s.id} ${c.id}`).toBeGreaterThan(20);
        } else {
          expect(c.checks.length, `${s.id} ${c.id}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('tag every RBI control with the entity types it applies to', () => {
    const rbi = sets.find((s) => s.id === 'rbi-pso-ppi')!;
    for (const c of rbi.controls) {
      expect(c.appliesTo?.length, c.id).toBeGreaterThan(0);
      for (const t of c.appliesTo!) expect(['ppi-issuer', 'pso'], c.id).toContain(t);
    }
  });

  it('encode PCI DSS 8.3.6 as 12-character passwords with letters and digits', () => {
    const pci = sets.find((s) => s.id === 'pci-dss-v4')!;
    const ref = pci.controls.find((c) => c.id === '8.3.6')!.checks.find((k) => k.checkId === 'iam-password-policy-strong')!;
    expect(ref.params).toMatchObject({ minimumLength: 12, requireLetters: true, requireNumbers: true, reusePrevention: 4 });
  });

  it('follow each framework\'s own numbering', () => {
    const patterns: Record<string, RegExp> = {
      // Requirement numbers: 8.3.6, 10.4.1.1, 12.10.1.
      'pci-dss-v4': /^\d{1,2}(\.\d+){1,3}$/,
      // TRM paragraphs (11.1.1(b)), a sub-section plus a slug where the paragraph is unverified (9.1-authentication), Notice 655 para 4.
      'mas-trm': /^(\d{1,2}(\.\d+){1,2}(\([a-z]\))?(-[a-z-]+)?|N655-4\.[1-6])$/,
      // PSO MD section (roman) plus topic; 2018 data-storage para (SPSD-2(i), SPSD-2(ii)-(iii)) or FAQ topic; MD-PPIs para 15.
      'rbi-pso-ppi': /^(PSO-(II|III|IV)-[a-z0-9-]+|SPSD-(\d+\([ivx]+\)(-\([ivx]+\))?|FAQ-[a-z0-9-]+)|PPI-15\.\d+(\([a-z]\))?)$/,
      'aws-well-architected': /^(SEC|REL)\d{2}-BP\d{2}$/,
    };
    for (const s of sets) for (const c of s.controls) expect(c.id, s.id).toMatch(patterns[s.id]!);
    // The patterns accept the ids the rule sets use and refuse near misses.
    const accepts = (framework: string, ids: string[]) => ids.filter((id) => patterns[framework]!.test(id));
    const rbiOk = ['SPSD-2(i)', 'SPSD-2(ii)-(iii)', 'SPSD-FAQ-offshore-processing', 'PSO-II-ccmp', 'PPI-15.3(b)'];
    expect(accepts('rbi-pso-ppi', rbiOk)).toEqual(rbiOk);
    expect(accepts('rbi-pso-ppi', ['SPSD-2', 'SPSD-faq-x', 'PSO-V-x', 'PPI-16.1'])).toEqual([]);
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
