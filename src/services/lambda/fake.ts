import type { ServiceFake } from '../define.js';

/** One Python function per region, in a VPC, invoked only by an S3 bucket of the account. */
const fake: ServiceFake = (scope, account) => {
  if (scope === 'global') return {};
  const arn = `arn:aws:lambda:${scope}:${account}:function:thumbnailer`;
  return {
    'lambda:ListFunctions': {
      Functions: [
        {
          FunctionName: 'thumbnailer',
          FunctionArn: arn,
          Runtime: 'python3.12',
          PackageType: 'Zip',
          LastModified: '2026-10-01T00:00:00.000+0000',
          VpcConfig: { SubnetIds: ['subnet-0a000000000000001'], SecurityGroupIds: ['sg-0a000000000000001'], VpcId: 'vpc-0a000000000000001' },
        },
      ],
    },
    'lambda:GetPolicy': {
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Id: 'default',
        Statement: [
          {
            Sid: 's3-invoke',
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: 'lambda:InvokeFunction',
            Resource: arn,
            Condition: { StringEquals: { 'AWS:SourceAccount': account } },
          },
        ],
      }),
      RevisionId: '00000000-0000-0000-0000-000000000001',
    },
  };
};

export default fake;
