import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import type { ClientConfig } from './clients.js';
import type { Recorder } from './recorder.js';

/** AWS Config recorders, their status and delivery channels in one region. */
export async function collectConfig(rec: Recorder, region: string, config: ClientConfig): Promise<void> {
  const client = new ConfigServiceClient(config);
  const calls = [
    ['config:DescribeConfigurationRecorders', () => client.send(new DescribeConfigurationRecordersCommand({}))],
    ['config:DescribeConfigurationRecorderStatus', () => client.send(new DescribeConfigurationRecorderStatusCommand({}))],
    ['config:DescribeDeliveryChannels', () => client.send(new DescribeDeliveryChannelsCommand({}))],
  ] as const;
  await Promise.all(
    calls.map(async ([key, send]) => {
      const response = await rec.call(region, key, send as () => Promise<object>);
      if (response) rec.put(region, key, response);
    }),
  );
  client.destroy();
}
