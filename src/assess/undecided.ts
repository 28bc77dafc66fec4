/**
 * What could not be decided, and why: the failed calls named by `error`
 * results, grouped by call and error code, with the IAM actions to grant.
 * One view for the text report and for the CLI's stderr summary, so both
 * say the same thing.
 */
import { iamActionFor } from '../services/operations.js';
import { isPermissionError } from './call-errors.js';
import type { Assessment } from './types.js';

/** One failed call (or unreadable answer) behind undecided results. */
export interface UndecidedCause {
  /** `service:Operation`. */
  call: string;
  /** The AWS error code, or `MalformedResponse` for an answer that could not be read. */
  code: string;
  /** The IAM action to grant, when the code says a permission is missing. */
  grant?: string;
  /** For an unreadable answer: the first JSON path (sorted) and what was expected there. */
  path?: string;
  expected?: string;
  /** Distinct paths that could not be read. */
  paths: number;
  /** Regions (or `global`) where it failed, sorted. */
  regions: string[];
  /** Distinct resources of a per-resource call (0 for an account-wide call). */
  resources: number;
  /** Undecided results that name it. */
  results: number;
}

export interface Undecided {
  /** Every `error` result (evaluation × resource). */
  results: number;
  /** Most results first, then by call and code. */
  causes: UndecidedCause[];
  /** Error results that name no failed call (a check that could not evaluate, data missing for another reason). */
  other: number;
  /** IAM actions to grant, sorted, distinct. */
  grant: string[];
}

interface Building {
  call: string;
  code: string;
  grant?: string;
  paths: Map<string, string>;
  regions: Set<string>;
  resources: Set<string>;
  results: number;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** O(results): one pass over the evaluations, looking only at `error` results. */
export function undecided(a: Pick<Assessment, 'evaluations'>): Undecided {
  const causes = new Map<string, Building>();
  let results = 0;
  let other = 0;
  for (const ev of a.evaluations) {
    if (ev.counts.error === 0) continue;
    for (const r of ev.results) {
      if (r.status !== 'error') continue;
      results++;
      const failed = r.evidence['failedCalls'];
      const named = new Set<string>();
      if (Array.isArray(failed)) {
        for (const f of failed as unknown[]) {
          if (f === null || typeof f !== 'object') continue;
          const d = f as Record<string, unknown>;
          const call = str(d['call']);
          const code = str(d['code']);
          if (call === undefined || code === undefined) continue;
          const key = `${call}\n${code}`;
          let b = causes.get(key);
          if (!b) {
            b = { call, code, paths: new Map(), regions: new Set(), resources: new Set(), results: 0 };
            if (isPermissionError(code)) b.grant = str(d['requiredPermission']) ?? iamActionFor(call);
            causes.set(key, b);
          }
          const region = str(d['region']);
          if (region !== undefined) b.regions.add(region);
          const resource = str(d['resource']);
          if (resource !== undefined) b.resources.add(`${region ?? ''}\n${resource}`);
          const path = str(d['path']);
          if (path !== undefined && !b.paths.has(path)) b.paths.set(path, str(d['expected']) ?? 'a readable value');
          // A result that names the same call twice (two regions' failures) counts once for it.
          if (!named.has(key)) {
            named.add(key);
            b.results++;
          }
        }
      }
      if (named.size === 0) other++;
    }
  }
  const list: UndecidedCause[] = [...causes.values()].map((b) => {
    const out: UndecidedCause = { call: b.call, code: b.code, paths: b.paths.size, regions: [...b.regions].sort(), resources: b.resources.size, results: b.results };
    if (b.grant !== undefined) out.grant = b.grant;
    if (b.paths.size > 0) {
      const first = [...b.paths.keys()].sort()[0]!;
      out.path = first;
      out.expected = b.paths.get(first)!;
    }
    return out;
  });
  list.sort((x, y) => y.results - x.results || (x.call < y.call ? -1 : x.call > y.call ? 1 : x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  const grant = [...new Set(list.flatMap((c) => (c.grant === undefined ? [] : [c.grant])))].sort();
  return { results, causes: list, other, grant };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line for a cause: the call, where, why, and how many results it left undecided. */
export function describeCause(c: UndecidedCause): string {
  const where = c.regions.length === 0 ? '' : c.regions.length <= 3 ? ` in ${c.regions.join(', ')}` : ` in ${c.regions.length} regions`;
  const on = c.resources > 0 ? ` for ${plural(c.resources, 'resource')}` : '';
  const count = ` (${plural(c.results, 'result')})`;
  if (c.code === 'MalformedResponse') {
    const more = c.paths > 1 ? ` and ${c.paths - 1} more path(s)` : '';
    return `${c.call}${where}: the answer could not be read at ${c.path ?? '?'}${more} (expected ${c.expected ?? 'a readable value'})${count}`;
  }
  return `${c.call} failed${where}${on}: ${c.code}${c.grant !== undefined ? `, grant ${c.grant}` : ''}${count}`;
}
