import type { ServiceFake } from '../define.js';

/** One Amazon-issued RSA 2048 certificate per region, in use, valid for months. */
const fake: ServiceFake = (scope, account) =>
  scope === 'global'
    ? {}
    : {
        'acm:ListCertificates': {
          CertificateSummaryList: [
            {
              CertificateArn: `arn:aws:acm:${scope}:${account}:certificate/00000000-0000-0000-0000-000000000001`,
              DomainName: 'www.example.com',
              Status: 'ISSUED',
              Type: 'AMAZON_ISSUED',
              KeyAlgorithm: 'RSA_2048',
              InUse: true,
              RenewalEligibility: 'ELIGIBLE',
              NotBefore: new Date('2026-06-01T00:00:00Z'),
              NotAfter: new Date('2027-07-01T23:59:59Z'),
            },
          ],
        },
      };

export default fake;
