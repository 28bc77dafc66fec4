import check from '../../src/checks/ecr-repository-not-public.js';
import { ACCOUNT, REGION, deniedCall, ecrRepository, failedCall, policyDoc, runTable } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${name}`;
const ok = <T>(value: T) => ({ ok: true as const, value });

runTable(check, [
  { name: 'no repository policy', input: { ecrRepositories: [ecrRepository('api')] }, expected: [{ status: 'pass', arn: arn('api'), evidence: { policy: null } }] },
  {
    name: 'pull granted to the organisation',
    input: { ecrRepositories: [ecrRepository('shared', { policy: ok(policyDoc({ principals: ['*'], actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], conditions: { StringEquals: { 'aws:PrincipalOrgID': ['o-ctx'] } } })) })] },
    expected: [{ status: 'pass', arn: arn('shared'), evidence: { openStatements: [] } }],
  },
  {
    name: 'pull granted to everyone',
    input: { ecrRepositories: [ecrRepository('open', { policy: ok(policyDoc({ principals: ['AWS:*'], actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] })) })] },
    expected: [
      {
        status: 'fail',
        arn: arn('open'),
        evidence: { openStatements: [{ principals: ['AWS:*'], actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], conditions: {} }] },
        message: "ECR repository open's policy lets everyone ecr:BatchGetImage, ecr:GetDownloadUrlForLayer.",
      },
    ],
  },
  {
    name: 'policy could not be read',
    input: { ecrRepositories: [ecrRepository('unknown', { policy: failedCall('ecr:GetRepositoryPolicy', 'unknown') })] },
    expected: [{ status: 'error', arn: arn('unknown'), evidence: { failedCalls: [deniedCall('ecr:GetRepositoryPolicy', 'unknown')] } }],
  },
  { name: 'no repositories', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:ecr::${ACCOUNT}:*` }] },
]);
