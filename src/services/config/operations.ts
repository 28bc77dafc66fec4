/** AWS Config: recorders, their status, and delivery channels. */
import type { OperationSpec } from '../spec.js';

export const SDK = { config: '@aws-sdk/client-config-service' } as const;

export const OPERATIONS = [
  {
    key: 'config:DescribeConfigurationRecorders',
    scope: 'regional',
    needs: { DescribeConfigurationRecordersResponse: ['ConfigurationRecorders'], ConfigurationRecorder: ['name', 'recordingGroup'], RecordingGroup: ['allSupported', 'includeGlobalResourceTypes'] },
  },
  {
    key: 'config:DescribeConfigurationRecorderStatus',
    scope: 'regional',
    // lastStatus is absent until the recorder first tries to deliver.
    unset: { ConfigurationRecorderStatus: ['lastStatus'] },
    needs: { DescribeConfigurationRecorderStatusResponse: ['ConfigurationRecordersStatus'], ConfigurationRecorderStatus: ['name', 'recording'] },
  },
  {
    key: 'config:DescribeDeliveryChannels',
    scope: 'regional',
    needs: { DescribeDeliveryChannelsResponse: ['DeliveryChannels'], DeliveryChannel: ['name'] },
  },
] as const satisfies readonly OperationSpec[];
