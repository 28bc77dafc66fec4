import type {
  DescribeConfigurationRecordersCommandOutput,
  DescribeConfigurationRecorderStatusCommandOutput,
  DescribeDeliveryChannelsCommandOutput,
} from '@aws-sdk/client-config-service';
import type { Raw } from '../../inventory/base.js';
import type { ServiceSource } from '../source.js';
import type { ConfigRecorder, ConfigRegion } from './types.js';

export function buildConfig(src: ServiceSource, region: string): ConfigRegion {
  const recorders = src.call<Raw<DescribeConfigurationRecordersCommandOutput>>(region, 'config:DescribeConfigurationRecorders');
  const statuses = src.call<Raw<DescribeConfigurationRecorderStatusCommandOutput>>(region, 'config:DescribeConfigurationRecorderStatus');
  const channels = src.call<Raw<DescribeDeliveryChannelsCommandOutput>>(region, 'config:DescribeDeliveryChannels');
  const statusByName = new Map((statuses.ok ? (statuses.value?.ConfigurationRecordersStatus ?? []) : []).map((s) => [s.name, s]));
  return {
    type: 'AWS::Config::RegionSettings',
    arn: `arn:${src.partition}:config:${region}:${src.accountId}:configuration-recorder`,
    id: `config/${region}`,
    account: src.accountId,
    region,
    tags: {},
    recorders: (recorders.ok ? (recorders.value?.ConfigurationRecorders ?? []) : []).map((r): ConfigRecorder => {
      const status = statusByName.get(r.name);
      const recorder: ConfigRecorder = {
        name: r.name!,
        allSupported: r.recordingGroup?.allSupported === true,
        includeGlobalResourceTypes: r.recordingGroup?.includeGlobalResourceTypes === true,
        recording: status?.recording === true,
      };
      if (status?.lastStatus !== undefined) recorder.lastStatus = status.lastStatus;
      return recorder;
    }),
    deliveryChannels: (channels.ok ? (channels.value?.DeliveryChannels ?? []) : []).map((c) => c.name!).sort(),
  };
}
