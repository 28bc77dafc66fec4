/**
 * Filters (--checks, --exclude-checks, --services, --severity) narrow the
 * selected rule sets before anything runs. A control keeps the checks that
 * pass the filter; a control left with none (a manual control included) is
 * left out of the assessment, so it neither passes nor counts in a score.
 * What was left out is recorded, and every report states it.
 */
import { CHECKS } from '../checks/index.js';
import { SEVERITIES, type AnyCheck, type Severity } from '../checks/types.js';
import { InputError } from '../errors.js';
import type { RuleSet } from './types.js';

/** The filters as given on the command line (undefined: not given). */
export interface FilterRequest {
  checks?: string[];
  excludeChecks?: string[];
  services?: string[];
  /** Minimum severity: checks below it are left out. */
  severity?: Severity;
}

/** What a filtered scan evaluated and what it left out (the report's `filters`). */
export interface FilterReport {
  checks?: string[];
  excludeChecks?: string[];
  services?: string[];
  severity?: Severity;
  /** Checks of the selected frameworks that ran, and those the filter left out, sorted. */
  checksRun: string[];
  checksLeftOut: string[];
  /** `framework:control` of the controls left out (all their checks filtered out, or manual). */
  controlsLeftOut: string[];
  /** `framework:control` of the controls evaluated with only some of their checks. */
  controlsPartlyEvaluated: string[];
  /** One sentence every report prints, so a filtered run is never taken for a full one. */
  statement: string;
}

/**
 * A check's services: the service prefixes of the calls it needs (`ec2` for
 * `ec2:DescribeSecurityGroups`), the same names `archscan permissions` and a
 * framework's `scope.servicesRead` use. A check reading two services is in both.
 */
export function servicesOf(check: Pick<AnyCheck, 'requires'>): string[] {
  return [...new Set(check.requires.map((op) => op.slice(0, op.indexOf(':'))))].sort();
}

export const KNOWN_SERVICES: readonly string[] = [...new Set(Object.values(CHECKS).flatMap((c) => servicesOf(c)))].sort();

/** A comma-separated flag value as a list; empty items are dropped, an empty list is an error. */
export function parseList(flag: string, value: string | undefined, what: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))];
  if (items.length === 0) throw new InputError(flag, '', `a comma-separated list of ${what}`);
  return items;
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The known id closest to `id`, when it is close enough to be a typo (or `id` is a prefix of exactly one). */
export function closeMatch(id: string, known: readonly string[]): string | undefined {
  const prefixed = known.filter((k) => k.startsWith(id));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(id.length / 4)) + 1;
  for (const k of known) {
    const d = distance(id, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

function checkIds(flag: string, ids: string[] | undefined): void {
  const known = Object.keys(CHECKS);
  for (const id of ids ?? []) {
    if (Object.hasOwn(CHECKS, id)) continue;
    const near = closeMatch(id, known);
    throw new InputError(flag, '', `check ids; "${id}" is not a check${near ? ` (did you mean "${near}"?)` : ''}: \`archscan checks\` lists all ${known.length}`);
  }
}

function serviceIds(ids: string[] | undefined): void {
  for (const id of ids ?? []) {
    if (KNOWN_SERVICES.includes(id)) continue;
    const near = closeMatch(id, KNOWN_SERVICES);
    throw new InputError('--services', '', `service names; "${id}" is not one${near ? ` (did you mean "${near}"?)` : ''}: known ${KNOWN_SERVICES.join(', ')}`);
  }
}

export const isFiltered = (f: FilterRequest): boolean =>
  f.checks !== undefined || f.excludeChecks !== undefined || f.services !== undefined || f.severity !== undefined;

/** Whether a check passes the filter. */
function keeps(f: FilterRequest, check: AnyCheck): boolean {
  if (f.checks && !f.checks.includes(check.id)) return false;
  if (f.excludeChecks?.includes(check.id)) return false;
  if (f.services && !servicesOf(check).some((s) => f.services!.includes(s))) return false;
  if (f.severity && SEVERITIES.indexOf(check.severity) > SEVERITIES.indexOf(f.severity)) return false;
  return true;
}

/** The flags of a filter as a user would type them. */
export function filterFlags(f: FilterRequest): string {
  return [
    ...(f.checks ? [`--checks ${f.checks.join(',')}`] : []),
    ...(f.excludeChecks ? [`--exclude-checks ${f.excludeChecks.join(',')}`] : []),
    ...(f.services ? [`--services ${f.services.join(',')}`] : []),
    ...(f.severity ? [`--severity ${f.severity}`] : []),
  ].join(' ');
}

/**
 * The rule sets narrowed by the filter, and the report of what it left out;
 * undefined report when no filter was given (the rule sets come back as they are).
 * Bad ids, and a filter that leaves nothing to run, are input errors.
 */
export function applyFilter(ruleSets: RuleSet[], f: FilterRequest): { ruleSets: RuleSet[]; report?: FilterReport } {
  if (!isFiltered(f)) return { ruleSets };
  checkIds('--checks', f.checks);
  checkIds('--exclude-checks', f.excludeChecks);
  serviceIds(f.services);
  const run = new Set<string>();
  const leftOut = new Set<string>();
  const controlsLeftOut: string[] = [];
  const partly: string[] = [];
  const narrowed = ruleSets.map((set) => ({
    ...set,
    controls: set.controls.flatMap((control) => {
      const checks = control.checks.filter((ref) => {
        const ok = keeps(f, CHECKS[ref.checkId as keyof typeof CHECKS] as AnyCheck);
        (ok ? run : leftOut).add(ref.checkId);
        return ok;
      });
      if (checks.length === 0) {
        controlsLeftOut.push(`${set.id}:${control.id}`);
        return [];
      }
      if (checks.length < control.checks.length) partly.push(`${set.id}:${control.id}`);
      return [{ ...control, checks }];
    }),
  }));
  if (run.size === 0) {
    throw new InputError(filterFlags(f), '', 'filters that leave at least one check of the selected frameworks to run; these leave none');
  }
  for (const id of run) leftOut.delete(id);
  const checksRun = [...run].sort();
  const statement =
    `Filtered scan (${filterFlags(f)}): ${checksRun.length} of ${checksRun.length + leftOut.size} checks of the selected frameworks run; ` +
    `${controlsLeftOut.length} control(s) left out (not evaluated, not scored), ${partly.length} evaluated with only some of their checks. ` +
    'Scores cover only what was evaluated: this is not a full assessment.';
  const report: FilterReport = {
    ...(f.checks ? { checks: [...f.checks].sort() } : {}),
    ...(f.excludeChecks ? { excludeChecks: [...f.excludeChecks].sort() } : {}),
    ...(f.services ? { services: [...f.services].sort() } : {}),
    ...(f.severity ? { severity: f.severity } : {}),
    checksRun,
    checksLeftOut: [...leftOut].sort(),
    controlsLeftOut: controlsLeftOut.sort(),
    controlsPartlyEvaluated: partly.sort(),
    statement,
  };
  return { ruleSets: narrowed, report };
}
