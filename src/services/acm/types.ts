/** AWS Certificate Manager certificates in the typed inventory. */
import type { Resource } from '../../inventory/base.js';

export interface Certificate extends Resource {
  type: 'AWS::CertificateManager::Certificate';
  domainName?: string;
  /** `ISSUED`, `EXPIRED`, `PENDING_VALIDATION`, `REVOKED`, ... */
  status: string;
  /** `AMAZON_ISSUED`, `IMPORTED` or `PRIVATE`. */
  certificateType: string;
  /** `RSA_1024`, `RSA_2048`, `EC_prime256v1`, ... */
  keyAlgorithm: string;
  inUse: boolean;
  notAfter?: string;
  /** `ELIGIBLE` or `INELIGIBLE` (Amazon-issued certificates). */
  renewalEligibility?: string;
}
