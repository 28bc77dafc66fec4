import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'cloudtrail-cloudwatch-logs',
  title: 'CloudTrail trails deliver their events to CloudWatch Logs',
  severity: 'medium',
  resourceType: 'AWS::CloudTrail::Trail',
  requires: ['cloudtrail:DescribeTrails'],
  rationale:
    'Events in S3 alone are read after the fact; delivered to CloudWatch Logs they can drive metric filters and alarms on root use, policy changes and unauthorised calls within minutes.',
  remediation:
    'CloudTrail console > Trails > <trail> > CloudWatch Logs > Edit > Enabled, choosing a log group and an IAM role CloudTrail may assume, or aws cloudtrail update-trail --name <trail> --cloud-watch-logs-log-group-arn <log-group-arn> --cloud-watch-logs-role-arn <role-arn>.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.trails.map((t) =>
      t.cloudWatchLogGroupArn !== undefined && t.cloudWatchLogGroupArn !== ''
        ? pass(t, `Trail ${t.id} delivers its events to CloudWatch Logs group ${t.cloudWatchLogGroupArn}.`, {
            cloudWatchLogGroupArn: t.cloudWatchLogGroupArn,
          })
        : fail(t, `Trail ${t.id} does not deliver its events to CloudWatch Logs.`, { cloudWatchLogGroupArn: null }),
    );
  },
});
