import check from '../../src/checks/ecr-image-scanning-enabled.js';
import { ACCOUNT, REGION, ecrRegistry, ecrRepository, runTable } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${name}`;
const basic = ecrRegistry('BASIC');

runTable(check, [
  { name: 'scan on push at repository level', input: { ecrRepositories: [ecrRepository('api')], ecrRegistryScanning: [basic] }, expected: [{ status: 'pass', arn: arn('api'), evidence: { repositoryScanOnPush: true, registryScanType: 'BASIC', registryRule: null } }] },
  {
    name: 'enhanced continuous scanning for every repository',
    input: { ecrRepositories: [ecrRepository('ctx/ba-orders', { scanOnPush: false })], ecrRegistryScanning: [ecrRegistry('ENHANCED', [{ frequency: 'CONTINUOUS_SCAN', filters: [{ filter: '*', type: 'WILDCARD' }] }])] },
    expected: [{ status: 'pass', arn: arn('ctx/ba-orders'), evidence: { repositoryScanOnPush: false, registryScanType: 'ENHANCED', registryRule: { frequency: 'CONTINUOUS_SCAN', filter: '*' } } }],
  },
  {
    name: 'a registry rule for other repositories only',
    input: { ecrRepositories: [ecrRepository('tools/jenkins-agent', { scanOnPush: false })], ecrRegistryScanning: [ecrRegistry('ENHANCED', [{ frequency: 'SCAN_ON_PUSH', filters: [{ filter: 'ctx/*', type: 'WILDCARD' }] }])] },
    expected: [
      {
        status: 'fail',
        arn: arn('tools/jenkins-agent'),
        evidence: { repositoryScanOnPush: false, registryScanType: 'ENHANCED', registryRule: null },
        message: 'ECR repository tools/jenkins-agent does not scan pushed images: no scan on push and no registry scanning rule matches it.',
      },
    ],
  },
  {
    name: 'enhanced scanning supersedes the repository flag: a repository its rules miss is not scanned',
    input: { ecrRepositories: [ecrRepository('tools/x')], ecrRegistryScanning: [ecrRegistry('ENHANCED', [{ frequency: 'SCAN_ON_PUSH', filters: [{ filter: 'ctx/*', type: 'WILDCARD' }] }])] },
    expected: [{ status: 'fail', arn: arn('tools/x'), evidence: { repositoryScanOnPush: true, registryScanType: 'ENHANCED', registryRule: null } }],
  },
  { name: 'manual scans only', input: { ecrRepositories: [ecrRepository('manual', { scanOnPush: false })], ecrRegistryScanning: [ecrRegistry('BASIC', [{ frequency: 'MANUAL', filters: [{ filter: '*', type: 'WILDCARD' }] }])] }, expected: [{ status: 'fail', arn: arn('manual'), evidence: { repositoryScanOnPush: false, registryScanType: 'BASIC', registryRule: null } }] },
  { name: 'registry scanning configuration denied', input: { ecrRepositories: [ecrRepository('api')], failed: ['ecr:GetRegistryScanningConfiguration'] }, expected: [{ status: 'error', arn: arn('api') }] },
  { name: 'no repositories', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:ecr::${ACCOUNT}:*` }] },
]);
