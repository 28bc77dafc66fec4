import type { JSONSchemaType } from 'ajv';
import type { CallError } from '../inventory/types.js';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'guardduty-enabled',
  title: 'GuardDuty has an enabled detector in every scanned region',
  severity: 'high',
  resourceType: 'AWS::GuardDuty::RegionSettings',
  requires: ['guardduty:ListDetectors', 'guardduty:GetDetector'],
  rationale:
    'GuardDuty is the managed threat detection for CloudTrail, VPC flow and DNS activity; a region without an enabled detector is a blind spot attackers can use.',
  remediation:
    'Enable GuardDuty in the region (aws guardduty create-detector --enable, or update-detector --enable on a disabled one), preferably organisation-wide from a delegated administrator.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.guardDuty.map((gd) => {
      const detectors = [...gd.detectors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const enabled = detectors.filter((d) => d.status.ok && d.status.value === 'ENABLED').map((d) => d.id);
      if (enabled.length > 0) {
        return pass(gd, `GuardDuty is enabled in ${gd.region} (detector ${enabled.join(', ')}).`, { enabledDetectors: enabled });
      }
      const unreadable: CallError[] = detectors.flatMap((d) => (d.status.ok ? [] : [d.status.error]));
      const [first] = unreadable;
      if (first !== undefined) return error(gd, first);
      const evidence = { detectors: detectors.map((d) => ({ id: d.id, status: d.status.ok ? d.status.value : null })) };
      return detectors.length === 0
        ? fail(gd, `GuardDuty has no detector in ${gd.region}.`, evidence)
        : fail(gd, `GuardDuty is disabled in ${gd.region}: every detector is DISABLED.`, evidence);
    });
  },
});
