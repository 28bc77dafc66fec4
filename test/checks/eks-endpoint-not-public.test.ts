import check from '../../src/checks/eks-endpoint-not-public.js';
import { ACCOUNT, REGION, deniedCall, eksCluster, runTable } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${name}`;

runTable(check, [
  { name: 'private endpoint only', input: { eksClusters: [eksCluster('private')] }, expected: [{ status: 'pass', arn: arn('private'), evidence: { endpointPublicAccess: false, endpointPrivateAccess: true, publicAccessCidrs: [] } }] },
  {
    name: 'public endpoint limited to the office',
    input: { eksClusters: [eksCluster('office', { endpointPublicAccess: true, publicAccessCidrs: ['203.0.113.0/24'] })] },
    expected: [{ status: 'pass', arn: arn('office'), evidence: { endpointPublicAccess: true, endpointPrivateAccess: true, publicAccessCidrs: ['203.0.113.0/24'] } }],
  },
  {
    name: 'public endpoint open to the internet (the EKS default)',
    input: { eksClusters: [eksCluster('open', { endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ['0.0.0.0/0'] })] },
    expected: [{ status: 'fail', arn: arn('open'), evidence: { endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ['0.0.0.0/0'] }, message: "EKS cluster open's API endpoint is public to 0.0.0.0/0." }],
  },
  {
    name: 'public with no CIDR list reported',
    input: { eksClusters: [eksCluster('nolist', { endpointPublicAccess: true, publicAccessCidrs: [] })] },
    expected: [{ status: 'fail', arn: arn('nolist'), evidence: { endpointPublicAccess: true, endpointPrivateAccess: true, publicAccessCidrs: [] } }],
  },
  { name: 'cluster could not be described', input: { eksClusters: [eksCluster('unknown', 'failed')] }, expected: [{ status: 'error', arn: arn('unknown'), evidence: { failedCalls: [deniedCall('eks:DescribeCluster', 'unknown')] } }] },
  { name: 'no clusters', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:eks::${ACCOUNT}:*` }] },
]);
