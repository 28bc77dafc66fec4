import { iamActionFor, OPERATIONS } from '../snapshot/operations.js';
import { SUPPORT_CALLS } from './calls.js';

/** Every IAM action a collection needs, sorted: the snapshot's operations and the support calls. */
export function requiredActions(): string[] {
  return [...new Set([...OPERATIONS.map((o) => iamActionFor(o.key)), ...SUPPORT_CALLS.map((c) => c.key)])].sort();
}

/** The minimal IAM policy for `archscan collect` / a live `archscan scan`. */
export function minimalPolicy(): object {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'ArchscanReadOnlyAudit', Effect: 'Allow', Action: requiredActions(), Resource: '*' }],
  };
}
