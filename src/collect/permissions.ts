import type { AnyServiceModule } from '../services/define.js';
import { iamActionFor, operationsOf } from '../services/operations.js';
import { SERVICES } from '../services/registry.js';

/** Every IAM action a collection needs, sorted: each module's operations, support calls included. */
export function requiredActions(modules: readonly AnyServiceModule[] = SERVICES): string[] {
  const ops = operationsOf(modules);
  const table = new Map(ops.map((o) => [o.key, o]));
  return [...new Set(ops.map((o) => iamActionFor(o.key, table)))].sort();
}

/** The minimal IAM policy for `archscan collect` / a live `archscan scan`. */
export function minimalPolicy(modules: readonly AnyServiceModule[] = SERVICES): object {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'ArchscanReadOnlyAudit', Effect: 'Allow', Action: requiredActions(modules), Resource: '*' }],
  };
}
