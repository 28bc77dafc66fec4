import type { JSONSchemaType } from 'ajv';
import { listingFailures } from '../inventory/failures.js';
import type { CallError } from '../inventory/types.js';
import { describeFailure, defineCheck, error, fail, notApplicable, pass } from './define.js';
import type { Outcome } from './types.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'cloudtrail-organization-trail',
  title: 'The management account runs a logging multi-region organization trail',
  severity: 'medium',
  resourceType: 'AWS::Organizations::Organization',
  requires: ['organizations:DescribeOrganization', 'cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus'],
  rationale:
    'An organization trail records every member account, including accounts created later, into one place the members cannot switch off or edit: the landing-zone pattern for centralised, tamper-resistant audit logs across accounts.',
  remediation:
    'From the management account (or a delegated CloudTrail administrator), create a multi-region trail with --is-organization-trail, delivering to the log-archive account\'s bucket, and start logging; enable trusted access for CloudTrail in Organizations first.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv): Outcome[] {
    const m = inv.organization;
    if (!m.organization.ok) return [error(m, m.organization.error)];
    const org = m.organization.value;
    if (org === null) return [notApplicable(m, `Account ${inv.accountId} is not in an AWS Organization.`, { organization: null })];
    if (org.managementAccountId !== inv.accountId) {
      return [
        notApplicable(m, `Account ${inv.accountId} is a member of ${org.id}; organization trails are judged in the management account ${org.managementAccountId}.`, {
          organization: org.id,
          managementAccountId: org.managementAccountId,
        }),
      ];
    }
    const trails = inv.trails.filter((t) => t.isOrganizationTrail).sort((a, b) => (a.arn < b.arn ? -1 : 1));
    const rows = trails.map((t) => ({ arn: t.arn, isMultiRegion: t.isMultiRegion, isLogging: t.status.ok ? t.status.value.isLogging : null }));
    const qualifying = rows.filter((r) => r.isMultiRegion && r.isLogging === true).map((r) => r.arn);
    if (qualifying.length > 0) return [pass(m, `Organization ${org.id} has a logging multi-region organization trail (${qualifying.join(', ')}).`, { organization: org.id, qualifyingTrails: qualifying })];
    const causes: CallError[] = [...listingFailures(inv, 'cloudtrail:DescribeTrails'), ...trails.flatMap((t) => (t.isMultiRegion && !t.status.ok ? [t.status.error] : []))];
    if (causes[0] !== undefined) return [{ ...error(m, causes[0]), evidence: { failedCalls: causes.map(describeFailure), organization: org.id, organizationTrails: rows } }];
    const why = rows.length === 0 ? 'has no organization trail' : 'has no organization trail that is multi-region and logging';
    return [fail(m, `Organization ${org.id} ${why}.`, { organization: org.id, organizationTrails: rows })];
  },
});
