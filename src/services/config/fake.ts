import type { ServiceFake } from '../define.js';

/** A recorder of all supported types in each region; global types recorded in ap-south-1 only. */
const fake: ServiceFake = (scope, account) =>
  scope === 'global'
    ? {}
    : {
        'config:DescribeConfigurationRecorders': {
          ConfigurationRecorders: [
            { name: 'default', roleARN: `arn:aws:iam::${account}:role/config`, recordingGroup: { allSupported: true, includeGlobalResourceTypes: scope === 'ap-south-1' } },
          ],
        },
        'config:DescribeConfigurationRecorderStatus': { ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'SUCCESS' }] },
        'config:DescribeDeliveryChannels': { DeliveryChannels: [{ name: 'default', s3BucketName: `config-${account}` }] },
      };

export default fake;
