import type { JSONSchemaType } from 'ajv';
import { listingFailures } from '../inventory/failures.js';
import type { ConfigRecorder, ConfigRegion } from '../inventory/types.js';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

type RecorderLack = 'allSupported' | 'recording' | 'lastStatus';

function lacks(r: ConfigRecorder): RecorderLack[] {
  const out: RecorderLack[] = [];
  if (!r.allSupported) out.push('allSupported');
  if (!r.recording) out.push('recording');
  // A recorder whose last delivery attempt failed is not recording anything usable.
  if (r.lastStatus === 'FAILURE') out.push('lastStatus');
  return out;
}

const byName = (a: ConfigRecorder, b: ConfigRecorder) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The scanned regions whose qualifying recorder also records the global (IAM) resource types. */
function globalRecordingRegions(config: readonly ConfigRegion[]): string[] {
  return config
    .filter((c) => c.recorders.some((r) => lacks(r).length === 0 && r.includeGlobalResourceTypes))
    .map((c) => c.region)
    .sort();
}

export default defineCheck<Params>({
  id: 'config-recorder-all-resources',
  title: 'AWS Config records all supported resources and delivers them in every scanned region, with global resources recorded in one',
  severity: 'medium',
  resourceType: 'AWS::Config::RegionSettings',
  requires: [
    'config:DescribeConfigurationRecorders',
    'config:DescribeConfigurationRecorderStatus',
    'config:DescribeDeliveryChannels',
  ],
  rationale:
    'A recorder that covers every supported resource type, is running without delivery failures and has a delivery channel gives the configuration history that change investigations and many compliance controls depend on. ' +
    'IAM users, groups, roles and policies are global resource types: unless some region records them (includeGlobalResourceTypes), they are recorded nowhere (CIS AWS Foundations 4.3).',
  remediation:
    'Create a configuration recorder with recordingGroup allSupported=true, a delivery channel to an S3 bucket, and start it (aws configservice start-configuration-recorder); ' +
    'in one region (usually the home region) also set includeGlobalResourceTypes=true. When lastStatus is FAILURE, fix the cause it reports (lastErrorCode: usually the delivery bucket policy or the recorder role).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const globalIn = globalRecordingRegions(inv.config);
    // Regions whose recorders could not be read might be the one recording global types.
    const unknownRegions = [
      ...listingFailures(inv, 'config:DescribeConfigurationRecorders'),
      ...listingFailures(inv, 'config:DescribeConfigurationRecorderStatus'),
    ];
    return inv.config.map((c) => {
      const recorders = [...c.recorders].sort(byName).map((r) => ({
        name: r.name,
        allSupported: r.allSupported,
        includeGlobalResourceTypes: r.includeGlobalResourceTypes,
        recording: r.recording,
        lastStatus: r.lastStatus ?? null,
        lacks: lacks(r),
      }));
      const deliveryChannels = [...c.deliveryChannels].sort();
      const qualifying = recorders.filter((r) => r.lacks.length === 0).map((r) => r.name);
      const missing: ('recorder' | 'deliveryChannel' | 'globalResourceTypes')[] = [];
      if (qualifying.length === 0) missing.push('recorder');
      if (deliveryChannels.length === 0) missing.push('deliveryChannel');
      if (globalIn.length === 0) {
        if (missing.length === 0 && unknownRegions[0] !== undefined) return error(c, unknownRegions[0]);
        missing.push('globalResourceTypes');
      }
      if (missing.length === 0) {
        return pass(
          c,
          `AWS Config in ${c.region} records all supported resources (recorder ${qualifying.join(', ')}) and has a delivery channel; global resource types are recorded in ${globalIn.join(', ')}.`,
          { qualifyingRecorders: qualifying, deliveryChannels, globalResourceTypesRecordedIn: globalIn },
        );
      }
      const what = [
        ...(recorders.length === 0
          ? ['no configuration recorder']
          : qualifying.length === 0
            ? ['no recorder that records all supported resources, is recording and has not failed']
            : []),
        ...(deliveryChannels.length === 0 ? ['no delivery channel'] : []),
      ];
      const globalNote = globalIn.length === 0 ? 'no scanned region records the global (IAM) resource types' : '';
      const message = what.length > 0 ? `AWS Config in ${c.region} has ${what.join(' and ')}${globalNote ? `, and ${globalNote}` : ''}.` : `AWS Config in ${c.region}: ${globalNote}.`;
      return fail(c, message, { missing, recorders, deliveryChannels, globalResourceTypesRecordedIn: globalIn });
    });
  },
});
