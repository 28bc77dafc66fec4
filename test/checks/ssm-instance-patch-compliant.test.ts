import check from '../../src/checks/ssm-instance-patch-compliant.js';
import { ACCOUNT, REGION, deniedCall, managedInstance, patchState, runTable } from '../helpers/check-harness.js';

const arn = (id: string) => `arn:aws:ssm:${REGION}:${ACCOUNT}:managed-instance/${id}`;
const evidence = (o: Record<string, unknown> = {}) => ({
  baselineId: 'pb-0123456789abcdef0',
  patchGroup: null,
  lastOperation: 'Scan',
  lastOperationEnd: '2026-11-19T02:00:00Z',
  lastOperationAgeDays: 0,
  missing: 0,
  failed: 0,
  criticalNonCompliant: null,
  securityNonCompliant: null,
  installedPendingReboot: null,
  ...o,
});

runTable(check, [
  { name: 'scanned yesterday, nothing missing', input: { ssmManagedInstances: [managedInstance('i-0aaa', patchState())] }, expected: [{ status: 'pass', arn: arn('i-0aaa'), evidence: evidence() }] },
  {
    name: 'critical and security patches missing',
    input: { ssmManagedInstances: [managedInstance('i-0bbb', patchState({ missingCount: 14, criticalNonCompliantCount: 3, securityNonCompliantCount: 9 }))] },
    expected: [
      {
        status: 'fail',
        arn: arn('i-0bbb'),
        evidence: evidence({ missing: 14, criticalNonCompliant: 3, securityNonCompliant: 9 }),
        message: 'Managed node i-0bbb is not patch compliant: 14 approved patches missing (3 critical, 9 security).',
      },
    ],
  },
  { name: 'an installation failed', input: { ssmManagedInstances: [managedInstance('i-0ccc', patchState({ operation: 'Install', failedCount: 2 }))] }, expected: [{ status: 'fail', arn: arn('i-0ccc'), evidence: evidence({ lastOperation: 'Install', failed: 2 }) }] },
  {
    name: 'installed but waiting for a reboot',
    input: { ssmManagedInstances: [managedInstance('i-0ddd', patchState({ installedPendingRebootCount: 5 }))] },
    expected: [{ status: 'fail', arn: arn('i-0ddd'), evidence: evidence({ installedPendingReboot: 5 }) }],
  },
  {
    name: 'pending reboot accepted when allowed',
    input: { ssmManagedInstances: [managedInstance('i-0ddd', patchState({ installedPendingRebootCount: 5 }))] },
    params: { allowPendingReboot: true },
    expected: [{ status: 'pass', arn: arn('i-0ddd') }],
  },
  {
    name: 'last scan older than maxScanAgeDays',
    input: { ssmManagedInstances: [managedInstance('i-0eee', patchState({ operationEndTime: '2026-10-01T00:00:00Z' }))] },
    expected: [{ status: 'fail', arn: arn('i-0eee'), evidence: evidence({ lastOperationEnd: '2026-10-01T00:00:00Z', lastOperationAgeDays: 50 }) }],
  },
  {
    name: 'the same scan age passes a looser threshold',
    input: { ssmManagedInstances: [managedInstance('i-0eee', patchState({ operationEndTime: '2026-10-01T00:00:00Z' }))] },
    params: { maxScanAgeDays: 60 },
    expected: [{ status: 'pass', arn: arn('i-0eee') }],
  },
  { name: 'never scanned by Patch Manager', input: { ssmManagedInstances: [managedInstance('i-0fff', null)] }, expected: [{ status: 'fail', arn: arn('i-0fff'), evidence: { patchState: null } }] },
  {
    name: 'patch state could not be read',
    input: { ssmManagedInstances: [managedInstance('i-0aba', 'failed')] },
    expected: [{ status: 'error', arn: arn('i-0aba'), evidence: { failedCalls: [deniedCall('ssm:DescribeInstancePatchStates', 'i-0aba')] } }],
  },
  {
    name: 'inactive node (stopped or deregistered)',
    input: { ssmManagedInstances: [managedInstance('mi-0123456789abcdef0', 'failed', { pingStatus: 'Inactive', resourceType: 'ManagedInstance' })] },
    expected: [{ status: 'not_applicable', arn: arn('mi-0123456789abcdef0'), evidence: { pingStatus: 'Inactive' } }],
  },
  {
    name: 'DescribeInstanceInformation denied',
    input: { failed: ['ssm:DescribeInstanceInformation'] },
    expected: [{ status: 'error', arn: `arn:aws:ssm:${REGION}:${ACCOUNT}:*`, evidence: { failedCalls: [deniedCall('ssm:DescribeInstanceInformation')] } }],
  },
  { name: 'no managed nodes', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:ssm::${ACCOUNT}:*` }] },
]);
