import check from '../../src/checks/lambda-function-in-vpc.js';
import { ACCOUNT, REGION, lambdaFunction, runTable } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;

runTable(check, [
  {
    name: 'attached to a VPC',
    input: { lambdaFunctions: [lambdaFunction('fn-vpc', { vpcId: 'vpc-0abc', subnetIds: ['subnet-1', 'subnet-2'] })] },
    expected: [{ status: 'pass', arn: arn('fn-vpc'), evidence: { vpcId: 'vpc-0abc', subnetIds: ['subnet-1', 'subnet-2'] } }],
  },
  { name: 'not attached to a VPC', input: { lambdaFunctions: [lambdaFunction('fn-out')] }, expected: [{ status: 'fail', arn: arn('fn-out'), evidence: { vpcId: null } }] },
  { name: 'ListFunctions denied', input: { failed: ['lambda:ListFunctions'] }, expected: [{ status: 'error', arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:*` }] },
  { name: 'no functions', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:lambda::${ACCOUNT}:*` }] },
]);
