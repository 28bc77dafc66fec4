import type { Inventory } from '../inventory/types.js';
import { GLOBAL_REGION, type CallError } from '../snapshot/types.js';
import { describeFailure, notApplicable } from './define.js';
import type { AnyCheck, Check, CheckMeta, CheckResult, Outcome, ResourceRef } from './types.js';

/** The parts of a check the runner needs beyond evaluate. */
type CheckScope = Pick<CheckMeta<unknown>, 'id' | 'resourceType' | 'requires' | 'crossResource'>;

/** At most this many failures are quoted in one result's evidence (the report lists them all). */
const QUOTED = 10;

/**
 * Run one check with validated params. Guarantees, whatever the check does:
 * - a result in a region where a required call failed, or answered something
 *   that could not be read, is `error`, never pass;
 * - a record of the check's own resource type that could not be read gets its
 *   own `error` result (and only it, unless the check reads across resources);
 *   an unreadable record of another type makes the region's results `error`;
 * - a region whose required call failed but that yielded no result still gets
 *   one `error` result, so missing data is never silent;
 * - a check that throws yields `error`, not a crash of the whole scan;
 * - a check with nothing in scope yields one `not_applicable` result;
 * - results are sorted by ARN, so output is deterministic.
 */
export function runCheck<P>(check: Check<P> | AnyCheck, inv: Inventory, params: P): CheckResult[] {
  let outcomes: Outcome[];
  try {
    outcomes = check.evaluate(inv, params);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    outcomes = [
      {
        status: 'error',
        resource: scopeRef(check, inv, GLOBAL_REGION),
        message: `check failed to evaluate: ${message}`,
        evidence: { internalError: message },
      },
    ];
  }

  const { byRegion: failedByRegion, byResource } = requiredFailures(check, inv);
  const globalFailures = failedByRegion.get(GLOBAL_REGION) ?? [];
  const regionsWithResults = new Set<string>();
  const decided = new Set<string>();
  // Most outcomes have no failed call in their way: those take the fast path, with no list built per outcome.
  // (regionsWithResults and decided are only read when something failed.)
  const anyFailure = failedByRegion.size > 0 || byResource.size > 0;
  const results: CheckResult[] = [];
  for (const o of outcomes) {
    if (!anyFailure) {
      results.push(resultOf(check.id, o));
      continue;
    }
    const { region, arn } = o.resource;
    regionsWithResults.add(region);
    decided.add(arn);
    const failures = [
      ...globalFailures,
      ...(region === GLOBAL_REGION ? [] : (failedByRegion.get(region) ?? [])),
      ...(byResource.get(arn)?.errors ?? []),
    ];
    results.push(withFailures(check.id, o, failures));
  }

  // An unreadable record the adapter left out still gets its result: it never vanishes.
  for (const [arn, { resource, errors }] of byResource) {
    if (decided.has(arn)) continue;
    regionsWithResults.add(resource.region);
    results.push({
      checkId: check.id,
      status: 'error',
      resource,
      message: failureMessage(errors),
      evidence: { failedCalls: errors.slice(0, QUOTED).map(describeFailure) },
    });
  }

  for (const [region, failures] of failedByRegion) {
    if (regionsWithResults.has(region)) continue;
    if (region === GLOBAL_REGION && results.length > 0) continue;
    results.push({
      checkId: check.id,
      status: 'error',
      resource: scopeRef(check, inv, region),
      message: failureMessage(failures),
      evidence: { failedCalls: failures.slice(0, QUOTED).map(describeFailure) },
    });
  }

  if (results.length === 0) {
    results.push({ checkId: check.id, ...notApplicable(scopeRef(check, inv, GLOBAL_REGION), 'no resources in scope') });
  }
  return results.sort(compareResults);
}

/**
 * `{ checkId, ...o }`, built as a literal: the spread after a property is a
 * generic runtime copy, and this runs once per result (385k at 100k
 * resources). Outcomes hold these keys in this order (define.ts builds them),
 * so the result's keys, and the report's bytes, are the same.
 */
function resultOf(checkId: string, o: Outcome): CheckResult {
  const r: CheckResult = { checkId, status: o.status, resource: o.resource, message: o.message, evidence: o.evidence };
  if (o.severity !== undefined) r.severity = o.severity;
  return r;
}

/** An outcome in a region (or of a resource) whose required data could not all be read. */
function withFailures(checkId: string, o: Outcome, failures: CallError[]): CheckResult {
  if (failures.length === 0) return resultOf(checkId, o);
  if (o.status === 'error') {
    // The check saw something missing itself; the calls that failed (or could not be read) are named too.
    const own = Array.isArray(o.evidence['failedCalls']) ? (o.evidence['failedCalls'] as unknown[]) : [];
    const seen = new Set(own.map((f) => JSON.stringify(f)));
    const more = failures.slice(0, QUOTED).map(describeFailure).filter((f) => !seen.has(JSON.stringify(f)));
    return { checkId, ...o, evidence: more.length ? { ...o.evidence, failedCalls: [...own, ...more] } : o.evidence };
  }
  return {
    checkId,
    status: 'error',
    resource: o.resource,
    message: failureMessage(failures),
    evidence: { failedCalls: failures.slice(0, QUOTED).map(describeFailure), unverifiedOutcome: o.status },
  };
}

interface Required {
  /** Region (or `global`) -> failures that make every result there undecidable. */
  byRegion: Map<string, CallError[]>;
  /** Resource ARN -> the unreadable records of it (of the check's own type). */
  byResource: Map<string, { resource: ResourceRef; errors: CallError[] }>;
}

/** Required calls that failed or could not be read, by region, and unreadable records of the check's own type, by ARN. */
function requiredFailures(check: CheckScope, inv: Inventory): Required {
  const byRegion = new Map<string, CallError[]>();
  const byResource = new Map<string, { resource: ResourceRef; errors: CallError[] }>();
  const inScope = (region: string) => region === GLOBAL_REGION || inv.regions.includes(region);
  const add = (region: string, err: CallError) => {
    const list = byRegion.get(region) ?? [];
    list.push(err);
    byRegion.set(region, list);
  };
  for (const op of check.requires) {
    for (const [region, err] of inv.failures.get(op) ?? []) if (inScope(region)) add(region, err);
    for (const [region, records] of inv.unreadable.get(op) ?? []) {
      if (!inScope(region)) continue;
      for (const record of records) {
        if (record.resource && record.recordType === check.resourceType && !check.crossResource) {
          const entry = byResource.get(record.resource.arn) ?? { resource: record.resource, errors: [] };
          entry.errors.push(record.error);
          byResource.set(record.resource.arn, entry);
        } else add(region, record.error);
      }
    }
  }
  return { byRegion, byResource };
}

function failureMessage(failures: CallError[]): string {
  const calls = [...new Set(failures.map((f) => `${f.service}:${f.operation} (${f.code})`))].join(', ');
  return `could not be decided: ${calls}`;
}

/** A reference to "every resource of the check's type in a region" (or the account). */
export function scopeRef(check: Pick<CheckScope, 'resourceType'>, inv: Pick<Inventory, 'partition' | 'accountId'>, region: string): ResourceRef {
  const service = check.resourceType.split('::')[1]?.toLowerCase() ?? 'aws';
  const arnRegion = region === GLOBAL_REGION ? '' : region;
  return {
    type: check.resourceType,
    arn: `arn:${inv.partition}:${service}:${arnRegion}:${inv.accountId}:*`,
    id: '*',
    account: inv.accountId,
    region,
  };
}

export function compareResults(a: CheckResult, b: CheckResult): number {
  return a.resource.arn < b.resource.arn ? -1 : a.resource.arn > b.resource.arn ? 1 : 0;
}
