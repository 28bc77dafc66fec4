import type { JSONSchemaType } from 'ajv';
import type { ConfigRecorder } from '../inventory/types.js';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

type RecorderLack = 'allSupported' | 'recording';

function lacks(r: ConfigRecorder): RecorderLack[] {
  const out: RecorderLack[] = [];
  if (!r.allSupported) out.push('allSupported');
  if (!r.recording) out.push('recording');
  return out;
}

export default defineCheck<Params>({
  id: 'config-recorder-all-resources',
  title: 'AWS Config records all supported resources and delivers them in every scanned region',
  severity: 'medium',
  resourceType: 'AWS::Config::RegionSettings',
  requires: [
    'config:DescribeConfigurationRecorders',
    'config:DescribeConfigurationRecorderStatus',
    'config:DescribeDeliveryChannels',
  ],
  rationale:
    'A recorder that covers every supported resource type, is running and has a delivery channel gives the configuration history that change investigations and many compliance controls depend on.',
  remediation:
    'Create a configuration recorder with recordingGroup allSupported=true, a delivery channel to an S3 bucket, and start it (aws configservice start-configuration-recorder).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.config.map((c) => {
      const recorders = [...c.recorders]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((r) => ({ name: r.name, allSupported: r.allSupported, recording: r.recording, lacks: lacks(r) }));
      const deliveryChannels = [...c.deliveryChannels].sort();
      const qualifying = recorders.filter((r) => r.lacks.length === 0).map((r) => r.name);
      const missing: ('recorder' | 'deliveryChannel')[] = [];
      if (qualifying.length === 0) missing.push('recorder');
      if (deliveryChannels.length === 0) missing.push('deliveryChannel');
      if (missing.length === 0) {
        return pass(
          c,
          `AWS Config in ${c.region} records all supported resources (recorder ${qualifying.join(', ')}) and has a delivery channel.`,
          { qualifyingRecorders: qualifying, deliveryChannels },
        );
      }
      const what = [
        ...(recorders.length === 0
          ? ['no configuration recorder']
          : qualifying.length === 0
            ? ['no recorder that records all supported resources and is recording']
            : []),
        ...(deliveryChannels.length === 0 ? ['no delivery channel'] : []),
      ];
      return fail(c, `AWS Config in ${c.region} has ${what.join(' and ')}.`, { missing, recorders, deliveryChannels });
    });
  },
});
