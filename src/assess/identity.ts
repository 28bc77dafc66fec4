import * as crypto from 'node:crypto';

/**
 * SHA-256 in hex of a short text: Node's one-shot `crypto.hash` (from
 * 20.12; about 4× quicker than a Hash object for a text this short, and
 * SARIF, ASFF and OCSF hash once per finding, 360k at 100k resources), or a
 * Hash object on an older Node 20.
 */
const sha256Hex: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * Stable identity of a finding: check id and resource ARN, never message text
 * or params, so it survives rewording and threshold changes. SARIF uses it as
 * the partial fingerprint and `archscan diff` matches findings by it.
 */
export function findingFingerprint(checkId: string, arn: string): string {
  return sha256Hex(`${checkId}\n${arn}`);
}
