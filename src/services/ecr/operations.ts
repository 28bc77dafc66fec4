/**
 * Amazon ECR (private registry): the repositories of each region, per
 * repository its policy, and the registry's scanning configuration (basic or
 * enhanced, the latter run by Amazon Inspector).
 */
import type { OperationSpec } from '../spec.js';

export const SDK = { ecr: '@aws-sdk/client-ecr' } as const;

export const OPERATIONS = [
  {
    key: 'ecr:DescribeRepositories',
    scope: 'regional',
    records: [{ path: 'repositories/*', type: 'AWS::ECR::Repository', arn: 'repositoryArn' }],
    needs: {
      DescribeRepositoriesResponse: ['repositories'],
      Repository: ['repositoryArn', 'repositoryName', 'imageTagMutability', 'imageScanningConfiguration'],
      ImageScanningConfiguration: ['scanOnPush'],
    },
  },
  {
    key: 'ecr:GetRepositoryPolicy',
    scope: 'regional',
    perResource: { from: 'ecr:DescribeRepositories', id: 'repository name' },
    absentCodes: ['RepositoryPolicyNotFoundException'],
    needs: { GetRepositoryPolicyResponse: ['policyText'] },
  },
  {
    key: 'ecr:GetRegistryScanningConfiguration',
    scope: 'regional',
    // Basic scanning with no rules: no repository is scanned on push by the registry.
    unset: { RegistryScanningConfiguration: ['rules'] },
    needs: {
      GetRegistryScanningConfigurationResponse: ['scanningConfiguration'],
      RegistryScanningConfiguration: ['scanType'],
      RegistryScanningRule: ['scanFrequency', 'repositoryFilters'],
      ScanningRepositoryFilter: ['filter', 'filterType'],
    },
  },
] as const satisfies readonly OperationSpec[];
