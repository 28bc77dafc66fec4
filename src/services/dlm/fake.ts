import type { ServiceFake } from '../define.js';

/** A daily snapshot policy for volumes tagged Backup=daily, in ap-south-1 only. */
const fake: ServiceFake = (scope, account) => {
  if (scope !== 'ap-south-1') return scope === 'global' ? {} : { 'dlm:GetLifecyclePolicies': { Policies: [] } };
  return {
    'dlm:GetLifecyclePolicies': { Policies: [{ PolicyId: 'policy-0a1b2c3d4e5f60718', Description: 'daily EBS snapshots', State: 'ENABLED', PolicyType: 'EBS_SNAPSHOT_MANAGEMENT', DefaultPolicy: false }] },
    'dlm:GetLifecyclePolicy': {
      Policy: {
        PolicyId: 'policy-0a1b2c3d4e5f60718',
        Description: 'daily EBS snapshots',
        State: 'ENABLED',
        ExecutionRoleArn: `arn:aws:iam::${account}:role/AWSDataLifecycleManagerDefaultRole`,
        DefaultPolicy: false,
        PolicyDetails: {
          PolicyType: 'EBS_SNAPSHOT_MANAGEMENT',
          ResourceTypes: ['VOLUME'],
          TargetTags: [{ Key: 'Backup', Value: 'daily' }],
          Schedules: [{ Name: 'daily', CreateRule: { Interval: 24, IntervalUnit: 'HOURS', Times: ['20:00'] }, RetainRule: { Count: 7 } }],
        },
      },
    },
  };
};

export default fake;
