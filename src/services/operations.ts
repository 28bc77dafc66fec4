/**
 * The operations table, derived from the service modules: snapshot keys,
 * scopes, IAM actions and "not set up" codes, for whoever needs them without
 * knowing the modules (the generated IAM policy, reports naming permissions).
 */
import type { AnyServiceModule, OperationSpec } from './define.js';
import { SERVICES } from './registry.js';

export interface RegisteredOperation extends OperationSpec {
  /** The module that declares it. */
  service: string;
}

export function operationsOf(modules: readonly AnyServiceModule[] = SERVICES): RegisteredOperation[] {
  const seen = new Map<string, string>();
  const out: RegisteredOperation[] = [];
  for (const m of modules) {
    for (const op of m.operations) {
      const other = seen.get(op.key);
      if (other !== undefined) throw new Error(`${op.key} is declared by both ${other} and ${m.name}`);
      seen.set(op.key, m.name);
      out.push({ ...op, service: m.name });
    }
  }
  return out;
}

/** Every operation the registered modules declare. */
export const OPERATIONS: readonly RegisteredOperation[] = operationsOf();

export const OPERATION_BY_KEY: ReadonlyMap<string, RegisteredOperation> = new Map(OPERATIONS.map((op) => [op.key, op]));

/** The IAM action a snapshot key needs. */
export function iamActionFor(key: string, table: ReadonlyMap<string, OperationSpec> = OPERATION_BY_KEY): string {
  return table.get(key)?.iamAction ?? key;
}

/** Error codes of `key` that mean "not set up" (data, not a failure). */
export function isAbsentCode(key: string, code: string): boolean {
  return OPERATION_BY_KEY.get(key)?.absentCodes?.includes(code) === true;
}

/** Error codes of `key` that mean "does not apply to this resource" (not an error of the scan). */
export function isInapplicableCode(key: string, code: string): boolean {
  return OPERATION_BY_KEY.get(key)?.inapplicableCodes?.includes(code) === true;
}

/**
/**
 * Read-only operations: the only kind a module may declare (and so the collector send). `BatchGet*` reads several
 * items in one call (Inspector's BatchGetAccountStatus, access level Read in the IAM service authorization reference).
 * SearchTransitGatewayRoutes is the only call that lists a transit gateway route table's routes (read-only, in SecurityAudit).
 */
export const READ_ONLY = /^[a-z0-9-]+:(Describe|List|Get|BatchGet)[A-Za-z0-9]*$|^iam:GenerateCredentialReport$|^ec2:SearchTransitGatewayRoutes$/;
