/** Amazon CloudWatch: metric alarms (security-event alerting). */
import type { OperationSpec } from '../define.js';

export const SDK = { cloudwatch: '@aws-sdk/client-cloudwatch' } as const;

export const OPERATIONS = [
  {
    key: 'cloudwatch:DescribeAlarms',
    scope: 'regional',
    request: 'AlarmTypes=[MetricAlarm]',
    needs: { DescribeAlarmsOutput: ['MetricAlarms'], MetricAlarm: ['AlarmName', 'AlarmArn', 'ActionsEnabled'] },
  },
] as const satisfies readonly OperationSpec[];
