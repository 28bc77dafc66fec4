import check from '../../src/checks/securityhub-enabled-with-standards.js';
import { ACCOUNT, REGION, deniedCall, runTable, securityHub } from '../helpers/check-harness.js';

const HUB = `arn:aws:securityhub:${REGION}:${ACCOUNT}:hub/default`;
const FSBP = `arn:aws:securityhub:${REGION}::standards/aws-foundational-security-best-practices/v/1.0.0`;
const PCI = `arn:aws:securityhub:${REGION}::standards/pci-dss/v/4.0.1`;
const standard = (standardsArn: string, status = 'READY') => ({ standardsArn, subscriptionArn: `${standardsArn}/subscription`, status });

runTable(check, [
  {
    name: 'enabled with a ready standard',
    input: { securityHubs: [securityHub(HUB, [standard(FSBP)])] },
    expected: [{ status: 'pass', arn: HUB, evidence: { enabled: true, hubArn: HUB, standards: [{ standardsArn: FSBP, status: 'READY' }] } }],
  },
  { name: 'not enabled in the region', input: { securityHubs: [securityHub(null)] }, expected: [{ status: 'fail', arn: HUB, evidence: { enabled: false, standards: [] }, message: `Security Hub is not enabled in ${REGION}.` }] },
  { name: 'enabled with no standard', input: { securityHubs: [securityHub(HUB, [])] }, expected: [{ status: 'fail', arn: HUB, evidence: { enabled: true, hubArn: HUB, standards: [] } }] },
  {
    name: 'enabled, but the only standard failed to enable',
    input: { securityHubs: [securityHub(HUB, [standard(FSBP, 'FAILED')])] },
    expected: [{ status: 'fail', arn: HUB, evidence: { enabled: true, hubArn: HUB, standards: [{ standardsArn: FSBP, status: 'FAILED' }] } }],
  },
  {
    name: 'a required standard is missing',
    input: { securityHubs: [securityHub(HUB, [standard(FSBP)])] },
    params: { requiredStandards: ['pci-dss'] },
    expected: [{ status: 'fail', arn: HUB, evidence: { enabled: true, hubArn: HUB, standards: [{ standardsArn: FSBP, status: 'READY' }], missingStandards: ['pci-dss'] } }],
  },
  { name: 'every required standard ready', input: { securityHubs: [securityHub(HUB, [standard(FSBP), standard(PCI)])] }, params: { requiredStandards: ['pci-dss', 'aws-foundational'] }, expected: [{ status: 'pass', arn: HUB }] },
  {
    name: 'GetEnabledStandards denied: undecided, not a pass',
    input: { securityHubs: [securityHub(HUB, [])], failed: ['securityhub:GetEnabledStandards'] },
    expected: [{ status: 'error', arn: HUB, evidence: { failedCalls: [deniedCall('securityhub:GetEnabledStandards')], unverifiedOutcome: 'fail' } }],
  },
  { name: 'no region scanned', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:securityhub::${ACCOUNT}:*` }] },
]);
