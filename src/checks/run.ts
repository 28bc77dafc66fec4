import type { Inventory } from '../inventory/types.js';
import { GLOBAL_REGION, type CallError } from '../snapshot/types.js';
import { describeFailure, notApplicable } from './define.js';
import type { AnyCheck, Check, CheckMeta, CheckResult, Outcome, ResourceRef } from './types.js';

/** The parts of a check the runner needs beyond evaluate. */
type CheckScope = Pick<CheckMeta<unknown>, 'id' | 'resourceType' | 'requires'>;

/**
 * Run one check with validated params. Guarantees, whatever the check does:
 * - a result in a region where a required call failed is `error`, never pass;
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

  const failedByRegion = requiredFailures(check, inv);
  const globalFailures = failedByRegion.get(GLOBAL_REGION) ?? [];
  const regionsWithResults = new Set<string>();
  const results: CheckResult[] = outcomes.map((o) => {
    regionsWithResults.add(o.resource.region);
    const failures = [...globalFailures, ...(o.resource.region === GLOBAL_REGION ? [] : failedByRegion.get(o.resource.region) ?? [])];
    if (failures.length === 0 || o.status === 'error') return { checkId: check.id, ...o };
    return {
      checkId: check.id,
      status: 'error',
      resource: o.resource,
      message: failureMessage(failures),
      evidence: { failedCalls: failures.map(describeFailure), unverifiedOutcome: o.status },
    };
  });

  for (const [region, failures] of failedByRegion) {
    if (regionsWithResults.has(region)) continue;
    if (region === GLOBAL_REGION && results.length > 0) continue;
    results.push({
      checkId: check.id,
      status: 'error',
      resource: scopeRef(check, inv, region),
      message: failureMessage(failures),
      evidence: { failedCalls: failures.map(describeFailure) },
    });
  }

  if (results.length === 0) {
    results.push({ checkId: check.id, ...notApplicable(scopeRef(check, inv, GLOBAL_REGION), 'no resources in scope') });
  }
  return results.sort(compareResults);
}

/** Required calls that failed, grouped by region (`global` for global services). */
function requiredFailures(check: CheckScope, inv: Inventory): Map<string, CallError[]> {
  const byRegion = new Map<string, CallError[]>();
  for (const op of check.requires) {
    const failed = inv.failures.get(op);
    if (!failed) continue;
    for (const [region, err] of failed) {
      if (region !== GLOBAL_REGION && !inv.regions.includes(region)) continue;
      const list = byRegion.get(region) ?? [];
      list.push(err);
      byRegion.set(region, list);
    }
  }
  return byRegion;
}

function failureMessage(failures: CallError[]): string {
  const calls = failures.map((f) => `${f.service}:${f.operation} (${f.code})`).join(', ');
  return `could not be decided: ${calls}`;
}

/** A reference to "every resource of the check's type in a region" (or the account). */
export function scopeRef(check: CheckScope, inv: Inventory, region: string): ResourceRef {
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
