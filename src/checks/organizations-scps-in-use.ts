import type { JSONSchemaType } from 'ajv';
import type { Inventory, OrganizationDetails, OrganizationInfo } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';
import type { Outcome } from './types.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/** The organization and its details, or the result that says why it cannot be judged here. */
export function organizationInScope(inv: Inventory): { org: OrganizationInfo; details: OrganizationDetails } | Outcome {
  const m = inv.organization;
  if (!m.organization.ok) return error(m, m.organization.error);
  const org = m.organization.value;
  if (org === null) return notApplicable(m, `Account ${inv.accountId} is not in an AWS Organization.`, { organization: null });
  if (m.details === undefined) {
    return notApplicable(
      m,
      `Account ${inv.accountId} is a member of ${org.id}, not its management account (${org.managementAccountId}), and was not given the organization's policies to read: judge it in the management account.`,
      { organization: org.id, managementAccountId: org.managementAccountId },
    );
  }
  return { org, details: m.details };
}

export default defineCheck<Params>({
  id: 'organizations-scps-in-use',
  title: 'Service control policies are enabled and a customer SCP is attached in the organization',
  severity: 'medium',
  resourceType: 'AWS::Organizations::Organization',
  requires: ['organizations:DescribeOrganization', 'organizations:ListRoots', 'organizations:ListPolicies', 'organizations:ListTargetsForPolicy'],
  rationale:
    'SCPs are the guardrails member accounts cannot remove: deny leaving the organization, disabling CloudTrail, GuardDuty or Config, creating resources outside the allowed regions (data residency), using root. ' +
    'With only FullAWSAccess attached, every member account is one compromised administrator away from switching its own controls off.',
  remediation:
    'Enable the SERVICE_CONTROL_POLICY type on the root (aws organizations enable-policy-type), write SCPs for the guardrails (region deny with aws:RequestedRegion, protect security services and the log archive, deny root), test them on a sandbox OU and attach them to the OUs.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const s = organizationInScope(inv);
    if ('status' in s) return [s];
    const m = inv.organization;
    const { org, details } = s;
    if (!details.roots.ok) return [error(m, details.roots.error)];
    if (!details.scps.ok) return [error(m, details.scps.error)];
    const enabledOn = details.roots.value.filter((r) => r.scpEnabled).map((r) => r.id).sort();
    const customer = details.scps.value.filter((p) => !p.awsManaged).sort((a, b) => (a.id < b.id ? -1 : 1));
    const unreadable = customer.find((p) => p.targets !== null && !p.targets.ok);
    const attached = customer.filter((p) => p.targets?.ok && p.targets.value.length > 0).map((p) => ({ id: p.id, name: p.name, targets: p.targets!.ok ? p.targets!.value : [] }));
    const evidence = { organization: org.id, scpEnabledOnRoots: enabledOn, customerScps: customer.map((p) => p.name), attachedScps: attached };
    if (enabledOn.length === 0) return [fail(m, `Organization ${org.id} does not have service control policies enabled on its root.`, evidence)];
    if (attached.length > 0) return [pass(m, `Organization ${org.id} attaches ${attached.length} customer SCP(s): ${attached.map((a) => a.name).join(', ')}.`, evidence)];
    if (unreadable && unreadable.targets && !unreadable.targets.ok) return [error(m, unreadable.targets.error)];
    return [fail(m, `Organization ${org.id} has SCPs enabled but no customer SCP attached: only FullAWSAccess applies.`, evidence)];
  },
});
