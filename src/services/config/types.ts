/** AWS Config in the typed inventory. */
import type { Resource } from '../../inventory/base.js';

export interface ConfigRecorder {
  name: string;
  allSupported: boolean;
  includeGlobalResourceTypes: boolean;
  recording: boolean;
  lastStatus?: string;
}

/** AWS Config as seen in one region. */
export interface ConfigRegion extends Resource {
  type: 'AWS::Config::RegionSettings';
  recorders: ConfigRecorder[];
  deliveryChannels: string[];
}
