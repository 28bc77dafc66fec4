import type { ServiceFake } from '../define.js';

/** One immutable repository per region that the organisation may pull from; enhanced scanning on push for every repository. */
const fake: ServiceFake = (scope, account) => {
  if (scope === 'global') return {};
  return {
    'ecr:DescribeRepositories': {
      repositories: [
        {
          repositoryArn: `arn:aws:ecr:${scope}:${account}:repository/apps/api`,
          registryId: account,
          repositoryName: 'apps/api',
          repositoryUri: `${account}.dkr.ecr.${scope}.amazonaws.com/apps/api`,
          createdAt: new Date('2025-05-01T00:00:00Z'),
          imageTagMutability: 'IMMUTABLE',
          imageScanningConfiguration: { scanOnPush: false },
          encryptionConfiguration: { encryptionType: 'AES256' },
        },
      ],
    },
    'ecr:GetRepositoryPolicy': {
      registryId: account,
      repositoryName: 'apps/api',
      policyText: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 'org-pull', Effect: 'Allow', Principal: '*', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-example' } } }],
      }),
    },
    'ecr:GetRegistryScanningConfiguration': {
      registryId: account,
      scanningConfiguration: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }] },
    },
  };
};

export default fake;
