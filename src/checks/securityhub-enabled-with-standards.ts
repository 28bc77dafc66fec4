import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, pass } from './define.js';

interface Params {
  requiredStandards: string[];
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['requiredStandards'],
  properties: { requiredStandards: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } } },
};

export default defineCheck<Params>({
  id: 'securityhub-enabled-with-standards',
  title: 'Security Hub is enabled in every scanned region and runs security standards',
  severity: 'medium',
  resourceType: 'AWS::SecurityHub::Hub',
  requires: ['securityhub:DescribeHub', 'securityhub:GetEnabledStandards'],
  rationale:
    'Security Hub gathers GuardDuty, Inspector and Config findings in one place and runs security standards (AWS Foundational ' +
    'Security Best Practices, CIS, PCI DSS) continuously against the account; a region without it, or with no standard ' +
    'ready, has no automated review of its configuration.',
  remediation:
    'Enable Security Hub in the region with at least one standard (Security Hub console > Go to Security Hub > Enable, with ' +
    'AWS Foundational Security Best Practices; or `aws securityhub enable-security-hub --enable-default-standards`), ' +
    'preferably for the whole organisation from a delegated administrator with central configuration.',
  schema,
  defaults: { requiredStandards: [] },
  paramDocs: {
    requiredStandards:
      'fragments of standards ARNs that must each be READY (`aws-foundational-security-best-practices`, `cis-aws-foundations-benchmark`, `pci-dss`); empty: any one READY standard suffices',
  },
  evaluate(inv, { requiredStandards }) {
    return inv.securityHubs.map((hub) => {
      if (hub.hubArn === null) return fail(hub, `Security Hub is not enabled in ${hub.region}.`, { enabled: false, standards: [] });
      const standards = hub.standards.map((s) => ({ standardsArn: s.standardsArn, status: s.status }));
      const ready = hub.standards.filter((s) => s.status === 'READY').map((s) => s.standardsArn);
      const evidence = { enabled: true, hubArn: hub.hubArn, standards };
      if (requiredStandards.length === 0) {
        if (ready.length > 0) return pass(hub, `Security Hub is enabled in ${hub.region} with ${ready.length} standard(s) ready: ${ready.join(', ')}.`, evidence);
        return fail(hub, `Security Hub is enabled in ${hub.region} but no security standard is READY.`, evidence);
      }
      const missing = requiredStandards.filter((want) => !ready.some((arn) => arn.includes(want)));
      if (missing.length === 0) return pass(hub, `Security Hub is enabled in ${hub.region} and runs every required standard.`, evidence);
      return fail(hub, `Security Hub in ${hub.region} does not run the required standard(s) ${missing.join(', ')} (READY: ${ready.join(', ') || 'none'}).`, { ...evidence, missingStandards: missing });
    });
  },
});
