/**
 * AWS Certificate Manager: the certificates of each region. ListCertificates
 * returns only RSA_2048 certificates unless asked for other key types, so the
 * collector asks for every key type (a 1024-bit key would otherwise be
 * invisible).
 */
import type { OperationSpec } from '../spec.js';

export const SDK = { acm: '@aws-sdk/client-acm' } as const;

export const OPERATIONS = [
  {
    key: 'acm:ListCertificates',
    scope: 'regional',
    request: 'Includes.keyTypes=every key type',
    records: [{ path: 'CertificateSummaryList/*', type: 'AWS::CertificateManager::Certificate', arn: 'CertificateArn' }],
    // A certificate still pending validation has no validity dates; only Amazon-issued ones have a renewal eligibility.
    unset: { CertificateSummary: ['NotAfter', 'NotBefore', 'RenewalEligibility', 'DomainName'] },
    needs: { ListCertificatesResponse: ['CertificateSummaryList'], CertificateSummary: ['CertificateArn', 'Status', 'Type', 'KeyAlgorithm', 'InUse'] },
  },
] as const satisfies readonly OperationSpec[];
