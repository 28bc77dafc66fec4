/** Amazon CloudWatch: metric alarms (security-event alerting). */
import type { OperationSpec } from '../spec.js';

export const SDK = { cloudwatch: '@aws-sdk/client-cloudwatch' } as const;

export const OPERATIONS = [
  {
    key: 'cloudwatch:DescribeAlarms',
    scope: 'regional',
    request: 'AlarmTypes=[MetricAlarm]',
    // An alarm on a metric-math expression has no single MetricName or Namespace.
    unset: { MetricAlarm: ['MetricName', 'Namespace'] },
    needs: { DescribeAlarmsOutput: ['MetricAlarms'], MetricAlarm: ['AlarmName', 'AlarmArn', 'ActionsEnabled', 'AlarmActions'] },
  },
] as const satisfies readonly OperationSpec[];
