import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, pass } from './define.js';

interface Params {
  minDays: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['minDays'],
  properties: { minDays: { type: 'integer', minimum: 1, maximum: 3653 } },
};

export default defineCheck<Params>({
  id: 'logs-log-group-retention',
  title: 'CloudWatch Logs log groups keep events at least the required number of days',
  severity: 'medium',
  resourceType: 'AWS::Logs::LogGroup',
  requires: ['logs:DescribeLogGroups'],
  rationale:
    'A log group deletes events older than its retention: trail, flow-log and application logs kept a week cannot answer an investigation or an auditor months later. ' +
    'PCI DSS 10.5.1 asks for 12 months of audit-log history (3 immediately available); the CERT-In directions for 180 days in India.',
  remediation:
    'Set the retention to at least the required period (aws logs put-retention-policy --log-group-name <group> --retention-in-days 365), or export the group to S3 with a lifecycle and Object Lock that keep it as long; "never expire" also meets it.',
  schema,
  defaults: { minDays: 365 },
  paramDocs: { minDays: 'Fewest days a log group must keep its events (365: PCI DSS 10.5.1; 180: CERT-In); never-expiring groups pass' },
  evaluate(inv, { minDays }) {
    return inv.logGroups.map((g) => {
      const evidence = { retentionDays: g.retentionDays ?? null, minDays, logGroupClass: g.logGroupClass, ...(g.retentionPolicy ? { retentionPolicy: g.retentionPolicy } : {}) };
      if (g.retentionDays === undefined) return pass(g, `Log group ${g.id} never expires its events.`, evidence);
      if (g.retentionDays >= minDays) return pass(g, `Log group ${g.id} keeps events ${g.retentionDays} days (at least ${minDays}).`, evidence);
      return fail(g, `Log group ${g.id} keeps events only ${g.retentionDays} days (fewer than ${minDays}).`, evidence);
    });
  },
});
