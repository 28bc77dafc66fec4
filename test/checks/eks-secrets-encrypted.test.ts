import check from '../../src/checks/eks-secrets-encrypted.js';
import { ACCOUNT, REGION, deniedCall, eksCluster, runTable } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${name}`;

runTable(check, [
  { name: 'secrets encrypted with a KMS key', input: { eksClusters: [eksCluster('enc')] }, expected: [{ status: 'pass', arn: arn('enc'), evidence: { secretsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/eks` } }] },
  { name: 'no envelope encryption', input: { eksClusters: [eksCluster('plain', { encryption: [] })] }, expected: [{ status: 'fail', arn: arn('plain'), evidence: { secretsKeyArn: null }, message: 'EKS cluster plain does not envelope-encrypt Kubernetes secrets with a KMS key.' }] },
  { name: 'encryption of another resource type only', input: { eksClusters: [eksCluster('other', { encryption: [{ resources: ['configmaps'], keyArn: 'k' }] })] }, expected: [{ status: 'fail', arn: arn('other'), evidence: { secretsKeyArn: null } }] },
  { name: 'cluster could not be described', input: { eksClusters: [eksCluster('unknown', 'failed')] }, expected: [{ status: 'error', arn: arn('unknown'), evidence: { failedCalls: [deniedCall('eks:DescribeCluster', 'unknown')] } }] },
  { name: 'no clusters', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:eks::${ACCOUNT}:*` }] },
]);
