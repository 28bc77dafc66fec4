import { CHECKS } from '../checks/index.js';
import type { AnyCheck } from '../checks/types.js';
import { COVERAGE_FORMATS, renderCoverage, type CoverageFormat } from '../reporters/coverage.js';
import { selectRuleSets } from '../rules/load.js';
import { evidenceOf, type EvidenceKind } from '../rules/types.js';

export const FRAMEWORK_FORMATS = COVERAGE_FORMATS;
export type FrameworkFormat = CoverageFormat;

/**
 * `archscan frameworks`: each loaded framework with its control counts; with
 * `coverage`, every control with its checks or the evidence to collect.
 */
export function listFrameworks(rules: string[], format: FrameworkFormat, coverage = false): string {
  const { ruleSets } = selectRuleSets(rules, undefined);
  if (coverage) return renderCoverage(ruleSets, format);
  const rows = ruleSets.map((r) => {
    const of = (kind: EvidenceKind) => r.controls.filter((c) => evidenceOf(c) === kind).length;
    return {
      id: r.id,
      title: r.title,
      version: r.version,
      controls: r.controls.length,
      automated: of('automated'),
      partial: of('partial'),
      manual: of('manual'),
      unverified: r.controls.filter((c) => !c.verified).length,
      checks: new Set(r.controls.flatMap((c) => c.checks.map((k) => k.checkId))).size,
      source: r.builtin ? 'built-in' : r.file,
    };
  });
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === 'markdown') {
    const lines = [
      '| id | framework | version | controls | automated | partial | manual | clause unverified | checks |',
      '|---|---|---|--:|--:|--:|--:|--:|--:|',
      ...rows.map((r) => `| \`${r.id}\` | ${r.title} | ${r.version} | ${r.controls} | ${r.automated} | ${r.partial} | ${r.manual} | ${r.unverified} | ${r.checks} |`),
    ];
    return `${lines.join('\n')}\n`;
  }
  const lines = rows.map(
    (r) =>
      `${r.id.padEnd(24)} ${String(r.controls).padStart(4)} controls (${r.automated} automated, ${r.partial} partial, ${r.manual} manual; ${r.unverified} clause unverified)  ${String(r.checks).padStart(3)} checks  ${r.title} (${r.version})`,
  );
  return `${lines.join('\n')}\n`;
}

/** `archscan checks`: every check with id, severity and the frameworks that use it. */
export function listChecks(rules: string[], json: boolean): string {
  const { ruleSets } = selectRuleSets(rules, undefined);
  const users = new Map<string, Set<string>>();
  for (const r of ruleSets) for (const c of r.controls) for (const k of c.checks) {
    users.set(k.checkId, (users.get(k.checkId) ?? new Set()).add(r.id));
  }
  const rows = Object.values(CHECKS as Record<string, AnyCheck>)
    .map((c) => ({
      id: c.id,
      severity: c.severity,
      resourceType: c.resourceType,
      title: c.title,
      frameworks: [...(users.get(c.id) ?? [])].sort(),
      defaults: c.defaults as unknown,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (json) return `${JSON.stringify(rows, null, 2)}\n`;
  const lines = rows.map(
    (r) => `${r.id.padEnd(36)} ${r.severity.padEnd(8)} ${(r.frameworks.join(',') || '-').padEnd(60)} ${r.title}`,
  );
  return `${lines.join('\n')}\n`;
}
