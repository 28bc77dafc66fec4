import type { ServiceFake } from '../define.js';

/** One managed Linux instance per region, scanned the day before collection: nothing missing. */
const fake: ServiceFake = (scope) => {
  if (scope === 'global') return {};
  const id = `i-0${scope === 'ap-south-1' ? 'a' : 'b'}000000000000001`;
  return {
    'ssm:DescribeInstanceInformation': {
      InstanceInformationList: [
        { InstanceId: id, PingStatus: 'Online', LastPingDateTime: new Date('2026-11-20T05:55:00Z'), AgentVersion: '3.3.1142.0', PlatformType: 'Linux', PlatformName: 'Amazon Linux', ResourceType: 'EC2Instance' },
      ],
    },
    'ssm:DescribeInstancePatchStates': {
      InstancePatchStates: [
        {
          InstanceId: id,
          BaselineId: 'pb-0c10e65780EXAMPLE',
          Operation: 'Scan',
          OperationStartTime: new Date('2026-11-19T02:00:00Z'),
          OperationEndTime: new Date('2026-11-19T02:03:10Z'),
          InstalledCount: 412,
          MissingCount: 0,
          FailedCount: 0,
          CriticalNonCompliantCount: 0,
          SecurityNonCompliantCount: 0,
          OtherNonCompliantCount: 0,
        },
      ],
    },
  };
};

export default fake;
