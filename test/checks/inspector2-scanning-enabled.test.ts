import check from '../../src/checks/inspector2-scanning-enabled.js';
import { ACCOUNT, REGION, deniedCall, inspectorStatus, runTable } from '../helpers/check-harness.js';

const ARN = `arn:aws:inspector2:${REGION}:${ACCOUNT}:account-status`;

runTable(check, [
  {
    name: 'EC2, ECR and Lambda scanning on',
    input: { inspectorStatus: [inspectorStatus({ ec2: 'ENABLED', ecr: 'ENABLED', lambda: 'ENABLED', lambdaCode: 'DISABLED' })] },
    expected: [{ status: 'pass', arn: ARN, evidence: { accountStatus: 'ENABLED', scanTypes: { ec2: 'ENABLED', ecr: 'ENABLED', lambda: 'ENABLED' } } }],
  },
  {
    name: 'Lambda scanning off',
    input: { inspectorStatus: [inspectorStatus({ ec2: 'ENABLED', ecr: 'ENABLED', lambda: 'DISABLED' })] },
    expected: [
      {
        status: 'fail',
        arn: ARN,
        evidence: { accountStatus: 'ENABLED', scanTypes: { ec2: 'ENABLED', ecr: 'ENABLED', lambda: 'DISABLED' }, notEnabled: ['lambda'] },
        message: `Amazon Inspector does not scan lambda (DISABLED) in ${REGION}.`,
      },
    ],
  },
  {
    name: 'Inspector never enabled',
    input: { inspectorStatus: [inspectorStatus({ ec2: 'DISABLED', ecr: 'DISABLED' }, 'DISABLED')] },
    expected: [{ status: 'fail', arn: ARN, evidence: { accountStatus: 'DISABLED', scanTypes: { ec2: 'DISABLED', ecr: 'DISABLED', lambda: null }, notEnabled: ['ec2', 'ecr', 'lambda'] } }],
  },
  { name: 'still enabling is not enabled', input: { inspectorStatus: [inspectorStatus({ ec2: 'ENABLING', ecr: 'ENABLED', lambda: 'ENABLED' })] }, expected: [{ status: 'fail', arn: ARN, evidence: { accountStatus: 'ENABLED', scanTypes: { ec2: 'ENABLING', ecr: 'ENABLED', lambda: 'ENABLED' }, notEnabled: ['ec2'] } }] },
  { name: 'only EC2 required', input: { inspectorStatus: [inspectorStatus({ ec2: 'ENABLED', ecr: 'DISABLED' })] }, params: { resourceTypes: ['ec2'] }, expected: [{ status: 'pass', arn: ARN }] },
  {
    name: 'BatchGetAccountStatus denied',
    input: { failed: ['inspector2:BatchGetAccountStatus'] },
    expected: [{ status: 'error', arn: `arn:aws:inspector2:${REGION}:${ACCOUNT}:*`, evidence: { failedCalls: [deniedCall('inspector2:BatchGetAccountStatus')] } }],
  },
  { name: 'no region scanned', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:inspector2::${ACCOUNT}:*` }] },
]);
