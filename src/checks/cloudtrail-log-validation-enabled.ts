import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'cloudtrail-log-validation-enabled',
  title: 'CloudTrail trails validate the integrity of their log files',
  severity: 'medium',
  resourceType: 'AWS::CloudTrail::Trail',
  requires: ['cloudtrail:DescribeTrails'],
  rationale:
    'Log file validation writes signed digest files, so tampering with or deleting delivered logs can be detected; without it the audit trail cannot be trusted as evidence.',
  remediation: 'Turn on log file validation: aws cloudtrail update-trail --name <trail> --enable-log-file-validation.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.trails.map((t) => {
      const evidence = { logFileValidation: t.logFileValidation };
      return t.logFileValidation
        ? pass(t, `Trail ${t.id} validates its log files.`, evidence)
        : fail(t, `Trail ${t.id} does not validate its log files.`, evidence);
    });
  },
});
