import type { Resource } from '../inventory/types.js';
import { iamActionFor } from '../services/operations.js';
import type { CallError } from '../snapshot/types.js';
import type { Check, Evidence, Outcome, ResourceRef, Status } from './types.js';

/** Identity helper that types a check's params from its schema and defaults. */
export function defineCheck<P>(check: Check<P>): Check<P> {
  return check;
}

/**
 * Refs made once per resource: several checks (and several evaluations of
 * one check) report on each resource, and a 100k-resource account would
 * otherwise hold a copy per result. The ref is kept on the resource under a
 * non-enumerable symbol (invisible to JSON, spread and equality; a WeakMap
 * lookup per result cost more than the copy). Inventory resources are never
 * changed after the build and nothing changes a result's ref; a frozen
 * resource (the test harness freezes inventories) gets a fresh ref each time.
 */
const REF = Symbol('archscan.ref');

export function refOf(resource: Resource | ResourceRef): ResourceRef {
  const cached = (resource as { [REF]?: ResourceRef })[REF];
  if (cached !== undefined) return cached;
  const ref = makeRef(resource);
  if (Object.isExtensible(resource)) Object.defineProperty(resource, REF, { value: ref });
  return ref;
}

function makeRef(resource: Resource | ResourceRef): ResourceRef {
  const ref: ResourceRef = {
    type: resource.type,
    arn: resource.arn,
    id: resource.id,
    account: resource.account,
    region: resource.region,
  };
  if (resource.name !== undefined) ref.name = resource.name;
  return ref;
}

/**
 * The evidence of an outcome that quotes none: one frozen object for all of
 * them (a third of a large account's results), not an empty object each.
 * Frozen, so a check that tried to add to it would fail loudly, not change
 * every other result.
 */
const NO_EVIDENCE: Evidence = Object.freeze({});

function outcome(status: Status, resource: Resource | ResourceRef, message: string, evidence: Evidence): Outcome {
  return { status, resource: refOf(resource), message, evidence };
}

export const pass = (r: Resource | ResourceRef, message: string, evidence: Evidence = NO_EVIDENCE): Outcome =>
  outcome('pass', r, message, evidence);

export const fail = (r: Resource | ResourceRef, message: string, evidence: Evidence = NO_EVIDENCE): Outcome =>
  outcome('fail', r, message, evidence);

export const notApplicable = (r: Resource | ResourceRef, reason: string, evidence: Evidence = NO_EVIDENCE): Outcome =>
  outcome('not_applicable', r, reason, evidence);

/** The data the result needed could not be collected: never a pass. */
export function error(r: Resource | ResourceRef, cause: CallError): Outcome {
  return outcome('error', r, `could not read ${callName(cause)}: ${cause.code}`, {
    failedCalls: [describeFailure(cause)],
  });
}

export function callName(e: CallError): string {
  return `${e.service}:${e.operation}`;
}

/** The evidence form of a failed call: what failed, where, and the permission it needs. */
export function describeFailure(e: CallError): Evidence {
  const d: Evidence = {
    call: callName(e),
    region: e.region,
    code: e.code,
    message: e.message,
    requiredPermission: iamActionFor(callName(e)),
  };
  if (e.resource !== undefined) d['resource'] = e.resource;
  if (e.path !== undefined) d['path'] = e.path;
  if (e.expected !== undefined) d['expected'] = e.expected;
  return d;
}

/** Whole days from `from` to `to` (both ISO 8601), rounded down. */
export function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
