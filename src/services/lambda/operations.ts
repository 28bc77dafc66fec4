/** AWS Lambda: the functions of each region, and per function its resource-based policy. */
import type { OperationSpec } from '../spec.js';

export const SDK = { lambda: '@aws-sdk/client-lambda' } as const;

export const OPERATIONS = [
  {
    key: 'lambda:ListFunctions',
    scope: 'regional',
    records: [{ path: 'Functions/*', type: 'AWS::Lambda::Function', arn: 'FunctionArn' }],
    // A container-image function has no Runtime; a function outside a VPC has no VpcConfig, or one with an empty VpcId.
    unset: { FunctionConfiguration: ['Runtime', 'PackageType', 'VpcConfig', 'LastModified'], VpcConfigResponse: ['VpcId', 'SubnetIds', 'SecurityGroupIds', 'Ipv6AllowedForDualStack'] },
    needs: { ListFunctionsResponse: ['Functions'], FunctionConfiguration: ['FunctionName', 'FunctionArn'] },
  },
  {
    key: 'lambda:GetPolicy',
    scope: 'regional',
    perResource: { from: 'lambda:ListFunctions', id: 'function ARN' },
    // A function nobody else may invoke has no resource-based policy.
    absentCodes: ['ResourceNotFoundException'],
    needs: { GetPolicyResponse: ['Policy'] },
  },
] as const satisfies readonly OperationSpec[];
