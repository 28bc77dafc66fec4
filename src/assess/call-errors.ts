import { iamActionFor, isAbsentCode, isInapplicableCode } from '../services/operations.js';
import type { CallError } from '../snapshot/types.js';

/** AWS error codes that mean "the caller lacks a permission", across query and JSON protocols. */
const PERMISSION_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthorizationError',
  'AuthorizationErrorException',
]);

export function isPermissionError(code: string): boolean {
  return PERMISSION_CODES.has(code);
}

/** One line for a failed call; names the missing permission when that is the cause, or the value that could not be read. */
export function describeCallError(e: CallError): string {
  const call = `${e.service}:${e.operation}`;
  if (e.code === 'MalformedResponse') return `${call} in ${e.region}: the answer could not be read at ${e.path} (expected ${e.expected ?? 'a readable value'})`;
  const where = `${e.region}${e.resource ? ` ${e.resource}` : ''}`;
  const hint = isPermissionError(e.code) ? ` (missing permission ${iamActionFor(call)})` : '';
  return `${call} failed in ${where}: ${e.code}${hint}`;
}

/**
 * A failed call that is an answer, not a failure of the scan: the operation
 * does not apply to the resource (GetKeyRotationStatus on an asymmetric KMS
 * key: UnsupportedOperationException) or the thing is not set up (no bucket
 * policy). The service modules declare these codes (inapplicableCodes,
 * absentCodes); the checks already read them as data.
 */
export function isExpectedCallError(e: CallError): boolean {
  const call = `${e.service}:${e.operation}`;
  return isInapplicableCode(call, e.code) || isAbsentCode(call, e.code);
}
