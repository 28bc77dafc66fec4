import check from '../../src/checks/lambda-function-not-public.js';
import { ACCOUNT, REGION, deniedCall, failedCall, lambdaFunction, policyDoc, runTable } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
const ok = <T>(value: T) => ({ ok: true as const, value });

runTable(check, [
  { name: 'no resource-based policy', input: { lambdaFunctions: [lambdaFunction('fn-private')] }, expected: [{ status: 'pass', arn: arn('fn-private'), evidence: { policy: null } }] },
  {
    name: 'invoked by S3 of this account only',
    input: {
      lambdaFunctions: [
        lambdaFunction('fn-s3', { policy: ok(policyDoc({ principals: ['Service:s3.amazonaws.com'], actions: ['lambda:InvokeFunction'], conditions: { StringEquals: { 'AWS:SourceAccount': [ACCOUNT] } } })) }),
      ],
    },
    expected: [{ status: 'pass', arn: arn('fn-s3'), evidence: { openStatements: [] } }],
  },
  {
    name: 'anyone may invoke it',
    input: { lambdaFunctions: [lambdaFunction('fn-open', { policy: ok(policyDoc({ principals: ['*'], actions: ['lambda:InvokeFunction'] })) })] },
    expected: [
      {
        status: 'fail',
        arn: arn('fn-open'),
        evidence: { openStatements: [{ principals: ['*'], actions: ['lambda:InvokeFunction'], conditions: {} }] },
        message: "Lambda function fn-open's policy lets everyone lambda:InvokeFunction.",
      },
    ],
  },
  {
    name: 'a public function URL (AuthType NONE) is open although it has a condition',
    input: {
      lambdaFunctions: [
        lambdaFunction('fn-url', { policy: ok(policyDoc({ principals: ['*'], actions: ['lambda:InvokeFunctionUrl'], conditions: { StringEquals: { 'lambda:FunctionUrlAuthType': ['NONE'] } } })) }),
      ],
    },
    expected: [{ status: 'fail', arn: arn('fn-url'), evidence: { openStatements: [{ principals: ['*'], actions: ['lambda:InvokeFunctionUrl'], conditions: { StringEquals: { 'lambda:FunctionUrlAuthType': ['NONE'] } } }] } }],
  },
  {
    name: 'principal * narrowed to the organisation',
    input: {
      lambdaFunctions: [lambdaFunction('fn-org', { policy: ok(policyDoc({ principals: ['*'], actions: ['lambda:InvokeFunction'], conditions: { StringEquals: { 'aws:PrincipalOrgID': ['o-abc123'] } } })) })],
    },
    expected: [{ status: 'pass', arn: arn('fn-org') }],
  },
  {
    name: 'policy could not be read',
    input: { lambdaFunctions: [lambdaFunction('fn-unknown', { policy: failedCall('lambda:GetPolicy', arn('fn-unknown')) })] },
    expected: [{ status: 'error', arn: arn('fn-unknown'), evidence: { failedCalls: [deniedCall('lambda:GetPolicy', arn('fn-unknown'))] } }],
  },
  { name: 'ListFunctions denied', input: { failed: ['lambda:ListFunctions'] }, expected: [{ status: 'error', arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:*` }] },
  { name: 'no functions', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:lambda::${ACCOUNT}:*` }] },
]);
