import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, pass } from './define.js';
import { organizationInScope } from './organizations-scps-in-use.js';

interface Params {
  services: string[];
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['services'],
  properties: { services: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^[a-z0-9.-]+\\.amazonaws\\.com$' } } },
};

export default defineCheck<Params>({
  id: 'organizations-delegated-admins',
  title: 'Security services are administered from a delegated member account, not the management account',
  severity: 'low',
  resourceType: 'AWS::Organizations::Organization',
  requires: ['organizations:DescribeOrganization', 'organizations:ListDelegatedAdministrators', 'organizations:ListDelegatedServicesForAccount'],
  rationale:
    'A delegated administrator (the landing zone\'s security or audit account) runs GuardDuty, Security Hub and Config for every account, so findings are aggregated organization-wide and nobody needs to work in the management account, ' +
    'whose credentials can change every account\'s SCPs and billing.',
  remediation:
    'From the management account, register the security account as delegated administrator of each service (aws guardduty enable-organization-admin-account, aws securityhub enable-organization-admin-account, aws organizations register-delegated-administrator --service-principal config.amazonaws.com) and enable auto-enrolment of new accounts.',
  schema,
  defaults: { services: ['guardduty.amazonaws.com', 'securityhub.amazonaws.com', 'config.amazonaws.com'] },
  paramDocs: { services: 'Service principals that must have a delegated administrator (default: GuardDuty, Security Hub, Config)' },
  evaluate(inv, { services }) {
    const s = organizationInScope(inv);
    if ('status' in s) return [s];
    const m = inv.organization;
    const { org, details } = s;
    if (!details.delegatedAdministrators.ok) return [error(m, details.delegatedAdministrators.error)];
    const byService = new Map<string, string[]>();
    for (const a of details.delegatedAdministrators.value) {
      if (!a.services.ok) return [error(m, a.services.error)];
      for (const svc of a.services.value) byService.set(svc, [...(byService.get(svc) ?? []), a.accountId].sort());
    }
    const wanted = [...services].sort();
    const delegated = Object.fromEntries(wanted.map((svc) => [svc, byService.get(svc) ?? []]));
    const missing = wanted.filter((svc) => (byService.get(svc) ?? []).length === 0);
    const evidence = { organization: org.id, delegatedAdministrators: delegated, missing };
    if (missing.length === 0) return [pass(m, `Organization ${org.id} delegates ${wanted.join(', ')} to member accounts.`, evidence)];
    return [fail(m, `Organization ${org.id} has no delegated administrator for ${missing.join(', ')}.`, evidence)];
  },
});
