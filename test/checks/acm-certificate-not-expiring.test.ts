import check from '../../src/checks/acm-certificate-not-expiring.js';
import { ACCOUNT, REGION, certificate, runTable } from '../helpers/check-harness.js';

const arn = (id: string) => `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/${id}`;
const scope = { status: 'ISSUED', type: 'AMAZON_ISSUED', inUse: true };

runTable(check, [
  {
    name: 'valid for months',
    input: { certificates: [certificate('c-ok')] },
    expected: [{ status: 'pass', arn: arn('c-ok'), evidence: { ...scope, notAfter: '2027-06-01T00:00:00Z', daysLeft: 193, renewalEligibility: 'ELIGIBLE' } }],
  },
  {
    name: 'imported, expiring within 30 days',
    input: { certificates: [certificate('c-soon', { certificateType: 'IMPORTED', notAfter: '2026-12-05T00:00:00Z', renewalEligibility: undefined })] },
    expected: [
      {
        status: 'fail',
        arn: arn('c-soon'),
        evidence: { status: 'ISSUED', type: 'IMPORTED', inUse: true, notAfter: '2026-12-05T00:00:00Z', daysLeft: 15, renewalEligibility: null },
        message: 'ACM certificate www.example.com (c-soon) expires in 15 days, on 2026-12-05T00:00:00Z (imported: ACM does not renew it).',
      },
    ],
  },
  { name: 'the same certificate passes a shorter window', input: { certificates: [certificate('c-soon', { notAfter: '2026-12-05T00:00:00Z' })] }, params: { days: 7 }, expected: [{ status: 'pass', arn: arn('c-soon') }] },
  {
    name: 'expired and still in use',
    input: { certificates: [certificate('c-gone', { status: 'EXPIRED', notAfter: '2026-09-30T00:00:00Z', renewalEligibility: 'INELIGIBLE' })] },
    expected: [{ status: 'fail', arn: arn('c-gone'), evidence: { status: 'EXPIRED', type: 'AMAZON_ISSUED', inUse: true, notAfter: '2026-09-30T00:00:00Z', daysLeft: -51, renewalEligibility: 'INELIGIBLE' } }],
  },
  { name: 'not in use', input: { certificates: [certificate('c-spare', { inUse: false, notAfter: '2026-11-25T00:00:00Z' })] }, expected: [{ status: 'not_applicable', arn: arn('c-spare'), evidence: { ...scope, inUse: false } }] },
  { name: 'unused ones judged when asked', input: { certificates: [certificate('c-spare', { inUse: false, notAfter: '2026-11-25T00:00:00Z' })] }, params: { includeUnused: true }, expected: [{ status: 'fail', arn: arn('c-spare'), evidence: { ...scope, inUse: false, notAfter: '2026-11-25T00:00:00Z', daysLeft: 5, renewalEligibility: 'ELIGIBLE' } }] },
  { name: 'pending validation: no validity yet', input: { certificates: [certificate('c-pending', { status: 'PENDING_VALIDATION', notAfter: undefined })] }, expected: [{ status: 'not_applicable', arn: arn('c-pending') }] },
  { name: 'ListCertificates denied', input: { failed: ['acm:ListCertificates'] }, expected: [{ status: 'error', arn: `arn:aws:certificatemanager:${REGION}:${ACCOUNT}:*` }] },
]);
