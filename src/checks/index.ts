/**
 * Every check, registered explicitly (no import side effects). The key is the
 * check id and equals the file name; the catalogue test keeps them in step.
 */
import type { AnyCheck } from './types.js';
import ec2SgNoPublicAdminPorts from './ec2-sg-no-public-admin-ports.js';

export const CHECKS = {
  'ec2-sg-no-public-admin-ports': ec2SgNoPublicAdminPorts,
} satisfies Record<string, AnyCheck>;

export type CheckId = keyof typeof CHECKS;

export function findCheck(id: string): AnyCheck | undefined {
  return Object.hasOwn(CHECKS, id) ? (CHECKS as Record<string, AnyCheck>)[id] : undefined;
}
