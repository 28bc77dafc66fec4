import check from '../../src/checks/eks-control-plane-logging.js';
import { ACCOUNT, REGION, eksCluster, runTable } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${name}`;
const ALL = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

runTable(check, [
  { name: 'every log type on', input: { eksClusters: [eksCluster('all')] }, expected: [{ status: 'pass', arn: arn('all'), evidence: { enabledLogTypes: ALL } }] },
  {
    name: 'only the API log',
    input: { eksClusters: [eksCluster('api', { enabledLogTypes: ['api'] })] },
    expected: [{ status: 'fail', arn: arn('api'), evidence: { enabledLogTypes: ['api'], missing: ['audit', 'authenticator', 'controllerManager', 'scheduler'] }, message: 'EKS cluster api does not send its audit, authenticator, controllerManager, scheduler logs.' }],
  },
  { name: 'logging off', input: { eksClusters: [eksCluster('off', { enabledLogTypes: [] })] }, expected: [{ status: 'fail', arn: arn('off'), evidence: { enabledLogTypes: [], missing: ALL } }] },
  { name: 'audit and authenticator suffice when only they are asked for', input: { eksClusters: [eksCluster('aa', { enabledLogTypes: ['audit', 'authenticator'] })] }, params: { logTypes: ['audit', 'authenticator'] }, expected: [{ status: 'pass', arn: arn('aa') }] },
  { name: 'DescribeCluster denied region-wide', input: { eksClusters: [eksCluster('x')], failed: ['eks:DescribeCluster'] }, expected: [{ status: 'error', arn: arn('x') }] },
  { name: 'no clusters', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:eks::${ACCOUNT}:*` }] },
]);
