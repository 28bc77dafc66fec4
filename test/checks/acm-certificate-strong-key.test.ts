import check from '../../src/checks/acm-certificate-strong-key.js';
import { ACCOUNT, REGION, certificate, runTable } from '../helpers/check-harness.js';

const arn = (id: string) => `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/${id}`;

runTable(check, [
  { name: 'RSA 2048', input: { certificates: [certificate('c-2048')] }, expected: [{ status: 'pass', arn: arn('c-2048'), evidence: { keyAlgorithm: 'RSA_2048', inUse: true, type: 'AMAZON_ISSUED' } }] },
  { name: 'ECDSA P-256', input: { certificates: [certificate('c-ec', { keyAlgorithm: 'EC_prime256v1' })] }, expected: [{ status: 'pass', arn: arn('c-ec') }] },
  {
    name: 'RSA 1024 in use',
    input: { certificates: [certificate('c-1024', { keyAlgorithm: 'RSA_1024', certificateType: 'IMPORTED' })] },
    expected: [
      {
        status: 'fail',
        arn: arn('c-1024'),
        evidence: { keyAlgorithm: 'RSA_1024', inUse: true, type: 'IMPORTED', minimumBits: 2048 },
        message: 'ACM certificate www.example.com (c-1024) is in use with a 1024-bit RSA key (at least 2048 required).',
      },
    ],
  },
  { name: 'RSA 2048 fails a 3072 floor', input: { certificates: [certificate('c-2048')] }, params: { minRsaBits: 3072 }, expected: [{ status: 'fail', arn: arn('c-2048'), evidence: { keyAlgorithm: 'RSA_2048', inUse: true, type: 'AMAZON_ISSUED', minimumBits: 3072 } }] },
  { name: 'an algorithm archscan does not know is not a pass', input: { certificates: [certificate('c-new', { keyAlgorithm: 'ML_DSA_65' })] }, expected: [{ status: 'fail', arn: arn('c-new'), evidence: { keyAlgorithm: 'ML_DSA_65', inUse: true, type: 'AMAZON_ISSUED' } }] },
  { name: 'weak but unused', input: { certificates: [certificate('c-old', { keyAlgorithm: 'RSA_1024', inUse: false })] }, expected: [{ status: 'not_applicable', arn: arn('c-old') }] },
  { name: 'ListCertificates denied', input: { failed: ['acm:ListCertificates'] }, expected: [{ status: 'error', arn: `arn:aws:certificatemanager:${REGION}:${ACCOUNT}:*` }] },
]);
