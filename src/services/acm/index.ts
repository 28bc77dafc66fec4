import type { ListCertificatesCommandOutput } from '@aws-sdk/client-acm';
import type { Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { Certificate } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

function buildCertificates(src: ServiceSource, region: string): Certificate[] {
  return src.records<Item<Raw<ListCertificatesCommandOutput>['CertificateSummaryList']>, Certificate>(region, 'acm:ListCertificates', 'CertificateSummaryList/*', (c, at) => {
    const arn = c.CertificateArn!;
    at.expect(/^arn:[^:]+:acm:[^:]+:\d{12}:certificate\/.+$/.test(arn), '/CertificateArn', 'an ACM certificate ARN');
    const cert: Certificate = {
      type: 'AWS::CertificateManager::Certificate',
      arn,
      id: arn.slice(arn.lastIndexOf('/') + 1),
      account: src.accountId,
      region,
      tags: {},
      status: String(c.Status),
      certificateType: String(c.Type),
      keyAlgorithm: String(c.KeyAlgorithm),
      inUse: c.InUse!,
    };
    if (c.DomainName) {
      cert.domainName = c.DomainName;
      cert.name = c.DomainName;
    }
    if (c.NotAfter) cert.notAfter = c.NotAfter;
    if (c.RenewalEligibility) cert.renewalEligibility = String(c.RenewalEligibility);
    return cert;
  });
}

export default defineService<{ certificates: Certificate[] }>({
  name: 'acm',
  title: 'AWS Certificate Manager',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ certificates: src.regions.flatMap((r) => buildCertificates(src, r)) }),
  empty: () => ({ certificates: [] }),
  collector: async () => (await import('./collect.js')).default,
});
