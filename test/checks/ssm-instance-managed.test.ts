import check from '../../src/checks/ssm-instance-managed.js';
import { ACCOUNT, REGION, deniedCall, ec2Instance, managedInstance, patchState, runTable } from '../helpers/check-harness.js';

const arn = (id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/${id}`;
const node = (id: string, pingStatus = 'Online') => managedInstance(id, patchState(), { pingStatus, lastPing: '2026-11-20T05:50:00Z', agentVersion: '3.3.1142.0', platformName: 'Microsoft Windows Server 2012 R2 Datacenter' });

runTable(check, [
  {
    name: 'running instance whose agent is online',
    input: { instances: [ec2Instance('i-0aaa')], ssmManagedInstances: [node('i-0aaa')] },
    expected: [{ status: 'pass', arn: arn('i-0aaa'), evidence: { managed: true, pingStatus: 'Online', lastPing: '2026-11-20T05:50:00Z', agentVersion: '3.3.1142.0', platform: 'Microsoft Windows Server 2012 R2 Datacenter' } }],
  },
  {
    name: 'running instance SSM does not know',
    input: { instances: [ec2Instance('i-0bbb')], ssmManagedInstances: [node('i-0aaa')] },
    expected: [{ status: 'fail', arn: arn('i-0bbb'), evidence: { managed: false }, message: 'EC2 instance i-0bbb is not registered with Systems Manager: it has no patch compliance record.' }],
  },
  {
    name: 'registered instance whose agent lost its connection',
    input: { instances: [ec2Instance('i-0ccc', { name: 'qc-prod-app-1' })], ssmManagedInstances: [node('i-0ccc', 'ConnectionLost')] },
    expected: [{ status: 'fail', arn: arn('i-0ccc'), evidence: { managed: true, pingStatus: 'ConnectionLost', lastPing: '2026-11-20T05:50:00Z', agentVersion: '3.3.1142.0', platform: 'Microsoft Windows Server 2012 R2 Datacenter' } }],
  },
  {
    name: 'a node of the same id in another region does not count',
    input: { instances: [ec2Instance('i-0ddd')], ssmManagedInstances: [{ ...node('i-0ddd'), region: 'ap-south-2' }] },
    expected: [{ status: 'fail', arn: arn('i-0ddd'), evidence: { managed: false } }],
  },
  {
    name: 'stopped instance',
    input: { instances: [ec2Instance('i-0eee', { state: 'stopped' })] },
    expected: [{ status: 'not_applicable', arn: arn('i-0eee'), evidence: { state: 'stopped' } }],
  },
  {
    name: 'DescribeInstanceInformation denied: every instance of the region is undecided',
    input: { instances: [ec2Instance('i-0fff')], failed: ['ssm:DescribeInstanceInformation'] },
    expected: [{ status: 'error', arn: arn('i-0fff'), evidence: { failedCalls: [deniedCall('ssm:DescribeInstanceInformation')], unverifiedOutcome: 'fail' } }],
  },
  { name: 'no instances', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:ec2::${ACCOUNT}:*` }] },
]);
