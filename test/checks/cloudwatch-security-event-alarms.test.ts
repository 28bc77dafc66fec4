import { describe, expect, it } from 'vitest';
import check from '../../src/checks/cloudwatch-security-event-alarms.js';
import type { Status } from '../../src/checks/types.js';
import type { CloudWatchRegion, MetricAlarm, MetricFilter, Trail } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, cloudWatchRegion, failedCall, runCheck, trail, type Failure } from '../helpers/check-harness.js';

const OTHER = 'eu-west-1';
const GROUP_NAME = 'CloudTrail/main';
const groupArn = (region = REGION, name = GROUP_NAME) => `arn:aws:logs:${region}:${ACCOUNT}:log-group:${name}:*`;
const eventArn = (event: string) => `arn:aws:cloudwatch::${ACCOUNT}:security-event-alarm/${event}`;
const trailArn = (name: string) => `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/${name}`;
const SNS = `arn:aws:sns:${REGION}:${ACCOUNT}:security-alerts`;
const NS = 'CISBenchmark';

/** The filter patterns as CIS AWS Foundations Benchmark v3.0.0 section 4 prints them. */
const CIS = {
  'unauthorized-api-calls':
    '{ ($.errorCode ="*UnauthorizedOperation") || ($.errorCode ="AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }',
  'console-signin-without-mfa': '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
  'root-usage': '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  'iam-policy-changes':
    '{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}',
  'cloudtrail-changes':
    '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
  'security-group-changes':
    '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
  'nacl-changes':
    '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }',
} as const;
type Event = keyof typeof CIS;
const ALL_EVENTS = Object.keys(CIS) as Event[];

function filter(name: string, pattern: string, metric = name, logGroupName = GROUP_NAME): MetricFilter {
  return { name, logGroupName, pattern, metrics: [{ name: metric, namespace: NS }] };
}

function alarm(name: string, metric: string, o: Partial<MetricAlarm> = {}): MetricAlarm {
  return {
    name,
    arn: `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${name}`,
    metricName: metric,
    namespace: NS,
    actionsEnabled: true,
    alarmActions: [SNS],
    ...o,
  };
}

const cw = (filters: MetricFilter[] | 'failed', alarms: MetricAlarm[] | 'failed', region = REGION): CloudWatchRegion =>
  cloudWatchRegion(
    {
      metricFilters: filters === 'failed' ? failedCall('logs:DescribeMetricFilters', undefined, region) : { ok: true, value: filters },
      alarms: alarms === 'failed' ? failedCall('cloudwatch:DescribeAlarms', undefined, region) : { ok: true, value: alarms },
    },
    region,
  );

const MAIN = trail('main', { cloudWatch: groupArn() });

const deniedCall = (op: string, region: string) => ({
  call: op,
  region,
  code: 'AccessDenied',
  message: `User is not authorized to perform: ${op}`,
  requiredPermission: op,
});

const missingFilter = (logGroups = [{ arn: groupArn(), trails: [trailArn('main')] }]) => ({
  missing: 'matchingMetricFilter',
  logGroups,
  matchingFilters: [],
  alarmsWithoutActions: [],
});

type Case = {
  name: string;
  trails: Trail[];
  cloudWatch: CloudWatchRegion[];
  events?: Event[];
  regions?: string[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'root usage: the CIS 4.3 filter feeds an alarm with actions',
    trails: [MAIN],
    cloudWatch: [cw([filter('root', CIS['root-usage'])], [alarm('root-alarm', 'root')])],
    events: ['root-usage'],
    expected: [
      {
        status: 'pass',
        arn: eventArn('root-usage'),
        evidence: { monitoredBy: [{ logGroup: groupArn(), filter: 'root', metric: { namespace: NS, name: 'root' }, alarms: ['root-alarm'] }] },
      },
    ],
  },
  {
    name: 'every CIS pattern as printed matches its event',
    trails: [MAIN],
    cloudWatch: [cw(ALL_EVENTS.map((e) => filter(e, CIS[e])), ALL_EVENTS.map((e) => alarm(`${e}-alarm`, e)))],
    expected: ALL_EVENTS.map((e) => ({ status: 'pass' as const, arn: eventArn(e) })).sort((a, b) => (a.arn < b.arn ? -1 : 1)),
  },
  {
    name: 'quoting and spacing do not matter; extra conditions are allowed (CIS 4.2 SSO variant)',
    trails: [MAIN],
    cloudWatch: [
      cw(
        [
          filter(
            'no-mfa',
            '{($.eventName=ConsoleLogin)&&($.additionalEventData.MFAUsed!=Yes)&&($.userIdentity.type="IAMUser")&&($.responseElements.ConsoleLogin="Success")}',
          ),
          filter('trail', '{ ($.eventName = "CreateTrail") || ($.eventName = "UpdateTrail") || ($.eventName = "DeleteTrail") || ($.eventName = "StartLogging") || ($.eventName = "StopLogging") }'),
        ],
        [alarm('no-mfa-alarm', 'no-mfa'), alarm('trail-alarm', 'trail')],
      ),
    ],
    events: ['console-signin-without-mfa', 'cloudtrail-changes'],
    expected: [
      { status: 'pass', arn: eventArn('cloudtrail-changes') },
      { status: 'pass', arn: eventArn('console-signin-without-mfa') },
    ],
  },
  {
    name: 'log group in another scanned region: that region holds the filters and alarms',
    trails: [trail('main', { cloudWatch: groupArn(OTHER) })],
    cloudWatch: [cw([], []), cw([filter('root', CIS['root-usage'])], [alarm('root-alarm', 'root')], OTHER)],
    regions: [OTHER, REGION].sort(),
    events: ['root-usage'],
    expected: [{ status: 'pass', arn: eventArn('root-usage') }],
  },
  {
    name: 'no multi-region trail delivers to CloudWatch Logs',
    trails: [trail('regional', { multiRegion: false, cloudWatch: groupArn() }), trail('s3-only')],
    cloudWatch: [cw([filter('root', CIS['root-usage'])], [alarm('root-alarm', 'root')])],
    events: ['root-usage'],
    expected: [
      {
        status: 'fail',
        arn: eventArn('root-usage'),
        evidence: { missing: 'multiRegionTrailWithLogGroup', logGroups: [], matchingFilters: [], alarmsWithoutActions: [] },
      },
    ],
  },
  {
    name: 'no trail at all',
    trails: [],
    cloudWatch: [cw([], [])],
    events: ['root-usage'],
    expected: [
      {
        status: 'fail',
        arn: eventArn('root-usage'),
        evidence: { missing: 'multiRegionTrailWithLogGroup', logGroups: [], matchingFilters: [], alarmsWithoutActions: [] },
      },
    ],
  },
  {
    name: 'the matching filter is on another log group',
    trails: [MAIN],
    cloudWatch: [cw([filter('root', CIS['root-usage'], 'root', 'app-logs')], [alarm('root-alarm', 'root')])],
    events: ['root-usage'],
    expected: [{ status: 'fail', arn: eventArn('root-usage'), evidence: missingFilter() }],
  },
  {
    name: 'root filter without the invokedBy NOT EXISTS term',
    trails: [MAIN],
    cloudWatch: [cw([filter('root', '{ $.userIdentity.type = "Root" && $.eventType != "AwsServiceEvent" }')], [alarm('root-alarm', 'root')])],
    events: ['root-usage'],
    expected: [{ status: 'fail', arn: eventArn('root-usage'), evidence: missingFilter() }],
  },
  {
    name: 'CreatePolicyVersion does not stand in for CreatePolicy',
    trails: [MAIN],
    cloudWatch: [cw([filter('iam', CIS['iam-policy-changes'].replace('($.eventName=CreatePolicy)||', ''))], [alarm('iam-alarm', 'iam')])],
    events: ['iam-policy-changes'],
    expected: [{ status: 'fail', arn: eventArn('iam-policy-changes'), evidence: missingFilter() }],
  },
  {
    name: 'a negated term is not the term',
    trails: [MAIN],
    cloudWatch: [cw([filter('trail', CIS['cloudtrail-changes'].replace('$.eventName = StopLogging', '$.eventName != StopLogging'))], [alarm('trail-alarm', 'trail')])],
    events: ['cloudtrail-changes'],
    expected: [{ status: 'fail', arn: eventArn('cloudtrail-changes'), evidence: missingFilter() }],
  },
  {
    name: 'alarms on the metric without actions, or with actions disabled; an alarm on another namespace',
    trails: [MAIN],
    cloudWatch: [
      cw(
        [filter('nacl', CIS['nacl-changes'])],
        [
          alarm('nacl-disabled', 'nacl', { actionsEnabled: false }),
          alarm('nacl-no-actions', 'nacl', { alarmActions: [] }),
          alarm('nacl-elsewhere', 'nacl', { namespace: 'Other' }),
        ],
      ),
    ],
    events: ['nacl-changes'],
    expected: [
      {
        status: 'fail',
        arn: eventArn('nacl-changes'),
        evidence: {
          missing: 'alarmWithActions',
          logGroups: [{ arn: groupArn(), trails: [trailArn('main')] }],
          matchingFilters: [{ logGroup: groupArn(), filter: 'nacl', metrics: [{ namespace: NS, name: 'nacl' }] }],
          alarmsWithoutActions: [
            { alarm: 'nacl-disabled', namespace: NS, metricName: 'nacl', actionsEnabled: false, alarmActions: [SNS] },
            { alarm: 'nacl-no-actions', namespace: NS, metricName: 'nacl', actionsEnabled: true, alarmActions: [] },
          ],
        },
      },
    ],
  },
  {
    name: 'alarms unreadable, but no filter matches: still a fail',
    trails: [MAIN],
    cloudWatch: [cw([], 'failed')],
    events: ['security-group-changes'],
    expected: [{ status: 'fail', arn: eventArn('security-group-changes'), evidence: missingFilter() }],
  },
  {
    name: 'metric filters of the log group region unreadable',
    trails: [MAIN],
    cloudWatch: [cw('failed', [])],
    events: ['root-usage'],
    expected: [{ status: 'error', arn: eventArn('root-usage'), evidence: { failedCalls: [deniedCall('logs:DescribeMetricFilters', REGION)] } }],
  },
  {
    name: 'a filter matches but alarms are unreadable',
    trails: [MAIN],
    cloudWatch: [cw([filter('sg', CIS['security-group-changes'])], 'failed')],
    events: ['security-group-changes'],
    expected: [
      { status: 'error', arn: eventArn('security-group-changes'), evidence: { failedCalls: [deniedCall('cloudwatch:DescribeAlarms', REGION)] } },
    ],
  },
  {
    name: 'DescribeMetricFilters denied: each event errors, and the runner marks the region',
    trails: [MAIN],
    cloudWatch: [cw('failed', [])],
    events: ['root-usage', 'nacl-changes'],
    failed: ['logs:DescribeMetricFilters'],
    expected: [
      { status: 'error', arn: eventArn('nacl-changes') },
      { status: 'error', arn: eventArn('root-usage') },
      { status: 'error', arn: `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:*` },
    ],
  },
  {
    name: 'log group in a region that was not scanned',
    trails: [trail('main', { cloudWatch: groupArn(OTHER) })],
    cloudWatch: [cw([], [])],
    events: ['root-usage'],
    expected: [
      {
        status: 'error',
        arn: eventArn('root-usage'),
        evidence: {
          failedCalls: [
            {
              call: 'logs:DescribeMetricFilters',
              region: OTHER,
              code: 'NotCollected',
              message: 'the region holding the trail log group was not scanned',
              requiredPermission: 'logs:DescribeMetricFilters',
            },
          ],
        },
      },
    ],
  },
  {
    name: 'DescribeTrails failed in every scanned region: no trail seen is not proof of none',
    trails: [],
    cloudWatch: [cw([], [])],
    events: ['root-usage'],
    failed: ['cloudtrail:DescribeTrails'],
    expected: [
      { status: 'error', arn: eventArn('root-usage'), evidence: { failedCalls: [deniedCall('cloudtrail:DescribeTrails', REGION)] } },
      { status: 'error', arn: `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:*` },
    ],
  },
  {
    name: 'DescribeTrails failed in one of two regions: multi-region trails are still listed by the other',
    trails: [],
    cloudWatch: [cw([], []), cw([], [], OTHER)],
    regions: [OTHER, REGION].sort(),
    events: ['root-usage'],
    failed: [{ op: 'cloudtrail:DescribeTrails', region: OTHER }],
    expected: [
      { status: 'fail', arn: eventArn('root-usage') },
      { status: 'error', arn: `arn:aws:cloudwatch:${OTHER}:${ACCOUNT}:*` },
    ],
  },
  {
    name: 'no region scanned (a global-only snapshot): nothing in scope',
    trails: [],
    cloudWatch: [],
    regions: [],
    expected: [{ status: 'not_applicable', arn: `arn:aws:cloudwatch::${ACCOUNT}:*` }],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ trails, cloudWatch, events, regions, failed, expected }) => {
    const results = runCheck(
      check,
      { trails, cloudWatch, ...(regions ? { regions } : {}), ...(failed ? { failed } : {}) },
      events ? { events } : undefined,
    );
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });

  it('gives one global result per event, with the event as id', () => {
    const results = runCheck(check, { trails: [MAIN], cloudWatch: [cw([], [])] });
    expect(results.map((r) => [r.resource.id, r.resource.type, r.resource.region])).toEqual(
      [...ALL_EVENTS].sort().map((e) => [e, 'AWS::CloudWatch::SecurityEventAlarm', 'global']),
    );
  });

  it('names the event and what is missing in one sentence', () => {
    const [r] = runCheck(check, { trails: [], cloudWatch: [cw([], [])] }, { events: ['root-usage'] });
    expect(r?.message).toBe('Security event root-usage is not monitored: no multi-region trail delivers to CloudWatch Logs.');
  });

  it('rejects unknown events in params', async () => {
    const { ajv } = await import('../../src/schemas.js');
    expect(ajv.validate(check.schema, { events: ['root-usage'] })).toBe(true);
    expect(ajv.validate(check.schema, { events: ['s3-bucket-policy-changes'] })).toBe(false);
    expect(ajv.validate(check.schema, { events: [] })).toBe(false);
  });
});
