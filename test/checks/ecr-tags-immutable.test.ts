import check from '../../src/checks/ecr-tags-immutable.js';
import { ACCOUNT, REGION, ecrRepository, runTable } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${name}`;

runTable(check, [
  { name: 'immutable', input: { ecrRepositories: [ecrRepository('api')] }, expected: [{ status: 'pass', arn: arn('api'), evidence: { imageTagMutability: 'IMMUTABLE' } }] },
  { name: 'immutable with an exclusion (latest)', input: { ecrRepositories: [ecrRepository('web', { tagMutability: 'IMMUTABLE_WITH_EXCLUSION' })] }, expected: [{ status: 'pass', arn: arn('web') }] },
  { name: 'mutable', input: { ecrRepositories: [ecrRepository('orders', { tagMutability: 'MUTABLE' })] }, expected: [{ status: 'fail', arn: arn('orders'), evidence: { imageTagMutability: 'MUTABLE' }, message: 'ECR repository orders lets a pushed image replace an existing tag (MUTABLE).' }] },
  { name: 'mutable with exclusions is still mutable', input: { ecrRepositories: [ecrRepository('jobs', { tagMutability: 'MUTABLE_WITH_EXCLUSION' })] }, expected: [{ status: 'fail', arn: arn('jobs'), evidence: { imageTagMutability: 'MUTABLE_WITH_EXCLUSION' } }] },
  { name: 'DescribeRepositories denied', input: { failed: ['ecr:DescribeRepositories'] }, expected: [{ status: 'error', arn: `arn:aws:ecr:${REGION}:${ACCOUNT}:*` }] },
  { name: 'no repositories', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:ecr::${ACCOUNT}:*` }] },
]);
