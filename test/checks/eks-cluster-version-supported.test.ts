import check from '../../src/checks/eks-cluster-version-supported.js';
import { ACCOUNT, REGION, deniedCall, eksCluster, runTable } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${name}`;
const SOURCE = 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html (Amazon EKS Kubernetes release calendar)';

// The snapshot is taken 2026-11-20: 1.33's standard support ended 2026-07-29, 1.34's ends 2026-12-02.
runTable(check, [
  {
    name: 'a version still in standard support',
    input: { eksClusters: [eksCluster('current', { version: '1.34', platformVersion: 'eks.9' })] },
    expected: [{ status: 'pass', arn: arn('current'), evidence: { version: '1.34', platformVersion: 'eks.9', endOfStandardSupport: '2026-12-02', oldestSupportedVersion: '1.34', source: SOURCE } }],
  },
  {
    name: 'a version past its end of standard support',
    input: { eksClusters: [eksCluster('old', { version: '1.29' })] },
    expected: [
      {
        status: 'fail',
        arn: arn('old'),
        evidence: { version: '1.29', platformVersion: null, endOfStandardSupport: '2025-03-23', oldestSupportedVersion: '1.34', source: SOURCE },
        message: 'EKS cluster old runs Kubernetes 1.29, older than 1.34, out of standard support since 2025-03-23.',
      },
    ],
  },
  { name: 'older than the whole calendar', input: { eksClusters: [eksCluster('ancient', { version: '1.9' })] }, expected: [{ status: 'fail', arn: arn('ancient'), evidence: { version: '1.9', platformVersion: null, endOfStandardSupport: null, oldestSupportedVersion: '1.34', source: SOURCE } }] },
  { name: 'newer than the calendar knows', input: { eksClusters: [eksCluster('next', { version: '1.36' })] }, expected: [{ status: 'pass', arn: arn('next') }] },
  { name: 'the oldest supported version set by hand', input: { eksClusters: [eksCluster('set', { version: '1.32' })] }, params: { oldestSupportedVersion: '1.31' }, expected: [{ status: 'pass', arn: arn('set') }] },
  { name: 'versions compare by number, not text (1.10 > 1.9)', input: { eksClusters: [eksCluster('ten', { version: '1.10' })] }, params: { oldestSupportedVersion: '1.9' }, expected: [{ status: 'pass', arn: arn('ten') }] },
  { name: 'cluster could not be described', input: { eksClusters: [eksCluster('unknown', 'failed')] }, expected: [{ status: 'error', arn: arn('unknown'), evidence: { failedCalls: [deniedCall('eks:DescribeCluster', 'unknown')] } }] },
  { name: 'no clusters', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:eks::${ACCOUNT}:*` }] },
]);
