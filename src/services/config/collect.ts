/** How AWS Config's operations are sent (loaded only for a live collection). */
import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'config:DescribeConfigurationRecorders': { client: ConfigServiceClient, command: DescribeConfigurationRecordersCommand },
    'config:DescribeConfigurationRecorderStatus': { client: ConfigServiceClient, command: DescribeConfigurationRecorderStatusCommand },
    'config:DescribeDeliveryChannels': { client: ConfigServiceClient, command: DescribeDeliveryChannelsCommand },
  },
};

export default collector;
