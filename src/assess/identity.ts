import { createHash } from 'node:crypto';

/**
 * Stable identity of a finding: check id and resource ARN, never message text
 * or params, so it survives rewording and threshold changes. SARIF uses it as
 * the partial fingerprint and `archscan diff` matches findings by it.
 */
export function findingFingerprint(checkId: string, arn: string): string {
  return createHash('sha256').update(`${checkId}\n${arn}`).digest('hex');
}
