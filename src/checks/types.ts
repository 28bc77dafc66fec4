import type { JSONSchemaType } from 'ajv';
import type { Inventory, Resource, ResourceType } from '../inventory/types.js';
import type { OperationKey } from '../services/registry.js';

export type Status = 'pass' | 'fail' | 'error' | 'not_applicable';
export const STATUSES = ['pass', 'fail', 'error', 'not_applicable'] as const satisfies readonly Status[];

/**
 * `info` is information, not a security failure: a failing info result (a
 * declared flow that is blocked) weighs nothing in any score, never decides a
 * control's status and fails the gate only with `--fail-on info`.
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
/** Most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const satisfies readonly Severity[];

/** Evidence is data: the observed values that decided a result, quotable by an auditor. */
export type Evidence = Record<string, unknown>;

/** The resource a result is about. `id: '*'` stands for "every resource of the type in that region". */
export type ResourceRef = Pick<Resource, 'type' | 'arn' | 'id' | 'account' | 'region'> & { name?: string };

export interface CheckResult {
  checkId: string;
  status: Status;
  resource: ResourceRef;
  /** One plain sentence, built from the evidence. */
  message: string;
  evidence: Evidence;
  /**
   * The result's own severity, when it differs from the check's: an exposure
   * check raises it when the host is reachable from the internet, a drift
   * check sets it from the destination tier and the ports. The gate and the
   * reports use it; scores weigh by the check's severity.
   */
  severity?: Severity;
}

/** What a check's evaluate returns, before the runner adds the check id. */
export type Outcome = Omit<CheckResult, 'checkId'>;

export interface CheckMeta<P> {
  /** `service-resource-assertion`, kebab case; equals the file name. */
  id: string;
  /** The good state, not "Ensure ...". */
  title: string;
  severity: Severity;
  resourceType: ResourceType;
  /**
   * The calls the check needs. When one failed (or was never collected) in a
   * region, the runner turns that region's results into `error`.
   */
  requires: readonly OperationKey[];
  /**
   * True when a result reads other resources of its own type (an SG rule
   * naming another SG): then one unreadable record of that type makes the
   * whole region's results `error`, not just that record's.
   */
  crossResource?: boolean;
  /**
   * Judges the account against an architecture profile (`scan --arch FILE`):
   * without one the check is not run at all, so a scan without a profile
   * neither needs its network calls nor reports it.
   */
  needsArchitecture?: boolean;
  rationale: string;
  remediation: string;
  schema: JSONSchemaType<P>;
  defaults: P;
  /** Params documented for users: name -> meaning. */
  paramDocs: { [K in keyof P]: string };
}

export interface Check<P = any> extends CheckMeta<P> {
  /** Pure: no I/O, no clock (`inv.collectedAt` is "now"), no mutation. */
  evaluate(inv: Inventory, params: P): Outcome[];
}

/** A check of any params type, as held in the registry. */
export type AnyCheck = Omit<Check<any>, 'schema'> & { schema: object };
