import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'lambda-function-in-vpc',
  title: 'Lambda functions run attached to a VPC',
  severity: 'low',
  resourceType: 'AWS::Lambda::Function',
  requires: ['lambda:ListFunctions'],
  rationale:
    'A function outside a VPC runs in Lambda\'s own network with unrestricted internet egress, out of reach of the ' +
    'security groups, NACLs, flow logs and egress controls of the segmented network; inside a VPC its traffic goes through ' +
    'them. It matters where a control asks for all CDE or payment components to sit behind network controls.',
  remediation:
    'Attach the function to private subnets and a security group of its tier (`aws lambda update-function-configuration ' +
    '--function-name <fn> --vpc-config SubnetIds=<ids>,SecurityGroupIds=<ids>`), with VPC endpoints or a NAT for the AWS ' +
    'services it calls.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.lambdaFunctions.map((fn) => {
      if (fn.vpcId !== undefined) return pass(fn, `Lambda function ${fn.id} runs in VPC ${fn.vpcId}.`, { vpcId: fn.vpcId, subnetIds: fn.subnetIds });
      return fail(fn, `Lambda function ${fn.id} is not attached to a VPC: its traffic bypasses the network's security groups and flow logs.`, { vpcId: null });
    });
  },
});
