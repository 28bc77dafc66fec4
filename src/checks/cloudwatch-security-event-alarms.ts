import type { JSONSchemaType } from 'ajv';
import type { CallError, CloudWatchRegion, Inventory, MetricAlarm, MetricFilter } from '../inventory/types.js';
import { listingFailuresByRegion } from '../inventory/failures.js';
import { defineCheck, describeFailure, error, fail, pass } from './define.js';
import type { Outcome, ResourceRef } from './types.js';

const EVENTS = [
  'root-usage',
  'unauthorized-api-calls',
  'console-signin-without-mfa',
  'iam-policy-changes',
  'security-group-changes',
  'nacl-changes',
  'cloudtrail-changes',
] as const;

type SecurityEvent = (typeof EVENTS)[number];

interface Params {
  events: SecurityEvent[];
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['events'],
  properties: {
    events: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: [...EVENTS] } },
  },
};

const eventNames = (...names: string[]): string[] => names.map((n) => `$.eventName = ${n}`);

/**
 * The essential tokens of each event's filter pattern, from the CIS Amazon Web
 * Services Foundations Benchmark v3.0.0, section 4 (Monitoring). A filter
 * matches an event when its pattern contains every token (compared without
 * whitespace and double quotes; extra conditions, such as 4.1's HeadBucket
 * exclusion or 4.2's SSO variant, are allowed).
 */
const TOKENS = {
  // 4.3 Ensure usage of 'root' account is monitored
  'root-usage': ['$.userIdentity.type = "Root"', '$.userIdentity.invokedBy NOT EXISTS', '$.eventType != "AwsServiceEvent"'],
  // 4.1 Ensure unauthorized API calls are monitored
  'unauthorized-api-calls': ['$.errorCode = "*UnauthorizedOperation"', '$.errorCode = "AccessDenied*"'],
  // 4.2 Ensure management console sign-in without MFA is monitored
  'console-signin-without-mfa': ['$.eventName = "ConsoleLogin"', '$.additionalEventData.MFAUsed != "Yes"'],
  // 4.4 Ensure IAM policy changes are monitored
  'iam-policy-changes': eventNames(
    'DeleteGroupPolicy',
    'DeleteRolePolicy',
    'DeleteUserPolicy',
    'PutGroupPolicy',
    'PutRolePolicy',
    'PutUserPolicy',
    'CreatePolicy',
    'DeletePolicy',
    'CreatePolicyVersion',
    'DeletePolicyVersion',
    'AttachRolePolicy',
    'DetachRolePolicy',
    'AttachUserPolicy',
    'DetachUserPolicy',
    'AttachGroupPolicy',
    'DetachGroupPolicy',
  ),
  // 4.10 Ensure security group changes are monitored
  'security-group-changes': eventNames(
    'AuthorizeSecurityGroupIngress',
    'AuthorizeSecurityGroupEgress',
    'RevokeSecurityGroupIngress',
    'RevokeSecurityGroupEgress',
    'CreateSecurityGroup',
    'DeleteSecurityGroup',
  ),
  // 4.11 Ensure Network Access Control Lists (NACL) changes are monitored
  'nacl-changes': eventNames(
    'CreateNetworkAcl',
    'CreateNetworkAclEntry',
    'DeleteNetworkAcl',
    'DeleteNetworkAclEntry',
    'ReplaceNetworkAclEntry',
    'ReplaceNetworkAclAssociation',
  ),
  // 4.5 Ensure CloudTrail configuration changes are monitored
  'cloudtrail-changes': eventNames('CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'),
} as const satisfies Record<SecurityEvent, readonly string[]>;

/** `$.eventName = "X"` and `$.eventName=X` are the same test: drop whitespace and double quotes. */
const normalise = (s: string): string => s.replace(/[\s"]/g, '');

const NORMALISED_TOKENS: ReadonlyMap<SecurityEvent, readonly string[]> = new Map(
  EVENTS.map((e) => [e, TOKENS[e].map(normalise)]),
);

/**
 * Whether a normalised pattern holds the token as a whole term: `CreatePolicy`
 * must not be found inside `CreatePolicyVersion`.
 */
function containsTerm(pattern: string, token: string): boolean {
  for (let at = pattern.indexOf(token); at !== -1; at = pattern.indexOf(token, at + 1)) {
    const next = pattern[at + token.length];
    if (next === undefined || !/[A-Za-z0-9_]/.test(next)) return true;
  }
  return false;
}

/** `arn:aws:logs:REGION:ACCOUNT:log-group:NAME[:*]` -> region and name. */
function parseLogGroupArn(arn: string): { region: string; name: string } | undefined {
  const m = /^arn:[^:]+:logs:([^:]+):[^:]*:log-group:([^:]+)(?::\*)?$/.exec(arn);
  return m ? { region: m[1]!, name: m[2]! } : undefined;
}

interface LogGroup {
  arn: string;
  region: string;
  name: string;
  trails: string[];
}

interface Metric {
  namespace: string;
  name: string;
}

/** A filter that matches the event, with the metrics it feeds. */
interface MatchingFilter {
  logGroup: string;
  filter: string;
  metrics: Metric[];
}

interface AlarmWithoutActions {
  alarm: string;
  namespace: string;
  metricName: string;
  actionsEnabled: boolean;
  alarmActions: string[];
}

interface Monitor {
  logGroup: string;
  filter: string;
  metric: Metric;
  alarms: string[];
}

/** One region's filters by log group and alarms by metric, indexed once. */
interface RegionIndex {
  filters: { ok: true; byLogGroup: Map<string, { filter: MetricFilter; pattern: string }[]> } | { ok: false; error: CallError };
  alarms: { ok: true; byMetric: Map<string, MetricAlarm[]> } | { ok: false; error: CallError };
}

const metricKey = (namespace: string, name: string): string => `${namespace}\u0000${name}`;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function indexRegion(cw: CloudWatchRegion): RegionIndex {
  let filters: RegionIndex['filters'];
  if (cw.metricFilters.ok) {
    const byLogGroup = new Map<string, { filter: MetricFilter; pattern: string }[]>();
    for (const f of cw.metricFilters.value) {
      const list = byLogGroup.get(f.logGroupName) ?? [];
      list.push({ filter: f, pattern: normalise(f.pattern) });
      byLogGroup.set(f.logGroupName, list);
    }
    filters = { ok: true, byLogGroup };
  } else filters = { ok: false, error: cw.metricFilters.error };
  let alarms: RegionIndex['alarms'];
  if (cw.alarms.ok) {
    const byMetric = new Map<string, MetricAlarm[]>();
    for (const a of cw.alarms.value) {
      if (a.metricName === undefined || a.namespace === undefined) continue;
      const key = metricKey(a.namespace, a.metricName);
      const list = byMetric.get(key);
      if (list) list.push(a);
      else byMetric.set(key, [a]);
    }
    alarms = { ok: true, byMetric };
  } else alarms = { ok: false, error: cw.alarms.error };
  return { filters, alarms };
}

/** The log groups of multi-region trails, deduplicated, sorted by ARN. */
function trailLogGroups(inv: Inventory): LogGroup[] {
  const byArn = new Map<string, LogGroup>();
  for (const t of inv.trails) {
    if (!t.isMultiRegion || !t.cloudWatchLogGroupArn) continue;
    const parsed = parseLogGroupArn(t.cloudWatchLogGroupArn);
    if (!parsed) continue;
    const group = byArn.get(t.cloudWatchLogGroupArn) ?? { arn: t.cloudWatchLogGroupArn, ...parsed, trails: [] };
    group.trails.push(t.arn);
    byArn.set(t.cloudWatchLogGroupArn, group);
  }
  return [...byArn.values()].sort((a, b) => byText(a.arn, b.arn)).map((g) => ({ ...g, trails: g.trails.sort(byText) }));
}

/** A region whose CloudWatch data the snapshot does not hold (not scanned). */
function notScanned(region: string): CallError {
  return {
    service: 'logs',
    operation: 'DescribeMetricFilters',
    region,
    code: 'NotCollected',
    message: 'the region holding the trail log group was not scanned',
  };
}

/** DescribeTrails failures when the call failed in every scanned region (multi-region trails, listed in every region, would then be invisible); else none. */
function trailListingFailures(inv: Inventory): CallError[] {
  const byRegion = listingFailuresByRegion(inv, 'cloudtrail:DescribeTrails');
  const failed = inv.regions.filter((r) => byRegion.has(r));
  return failed.length === inv.regions.length ? failed.map((r) => byRegion.get(r)!) : [];
}

function eventRef(inv: Inventory, event: SecurityEvent): ResourceRef {
  return {
    type: 'AWS::CloudWatch::SecurityEventAlarm',
    arn: `arn:${inv.partition}:cloudwatch::${inv.accountId}:security-event-alarm/${event}`,
    id: event,
    account: inv.accountId,
    region: 'global',
  };
}

const MISSING_MESSAGE = {
  multiRegionTrailWithLogGroup: 'no multi-region trail delivers to CloudWatch Logs',
  matchingMetricFilter: 'no metric filter on a multi-region trail log group matches its pattern',
  alarmWithActions: 'no alarm with actions watches a matching metric filter',
} as const;

export default defineCheck<Params>({
  id: 'cloudwatch-security-event-alarms',
  title: 'CloudWatch alarms with actions watch the CIS security events in the multi-region trail logs',
  severity: 'medium',
  resourceType: 'AWS::CloudWatch::SecurityEventAlarm',
  requires: ['cloudtrail:DescribeTrails', 'logs:DescribeMetricFilters', 'cloudwatch:DescribeAlarms'],
  rationale:
    'Root use, denied calls, console sign-in without MFA and changes to IAM policies, security groups, NACLs or CloudTrail itself are early signs of compromise; an alarm that notifies someone turns a log line into a response within minutes.',
  remediation:
    'For each missing event, on the log group of a multi-region trail: aws logs put-metric-filter --log-group-name <group> --filter-name <name> --filter-pattern \'<CIS v3.0 section 4 pattern>\' --metric-transformations metricName=<metric>,metricNamespace=CISBenchmark,metricValue=1; then aws cloudwatch put-metric-alarm --alarm-name <name> --metric-name <metric> --namespace CISBenchmark --statistic Sum --period 300 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 --alarm-actions <sns-topic-arn> (in the log group\'s region, with a subscribed SNS topic).',
  schema,
  defaults: { events: [...EVENTS] },
  paramDocs: { events: `Security events that must have a metric filter and an alarm with actions (any of ${EVENTS.join(', ')})` },
  evaluate(inv, { events }): Outcome[] {
    // A snapshot of no region (global services only) shows no trail and no alarm either way.
    if (inv.regions.length === 0) return [];
    const groups = trailLogGroups(inv);
    const cloudWatch = new Map(inv.cloudWatch.map((cw) => [cw.region, cw]));
    const indexes = new Map<string, RegionIndex>();
    const indexOf = (region: string): RegionIndex => {
      let idx = indexes.get(region);
      if (!idx) {
        const cw = cloudWatch.get(region);
        idx = cw ? indexRegion(cw) : { filters: { ok: false, error: notScanned(region) }, alarms: { ok: false, error: notScanned(region) } };
        indexes.set(region, idx);
      }
      return idx;
    };

    return events.map((event) => {
      const ref = eventRef(inv, event);
      const tokens = NORMALISED_TOKENS.get(event) ?? [];
      const monitors: Monitor[] = [];
      const matching: MatchingFilter[] = [];
      const silent: AlarmWithoutActions[] = [];
      const causes = new Map<string, CallError>();
      const cause = (e: CallError): void => {
        const key = `${e.service}:${e.operation}\u0000${e.region}`;
        if (!causes.has(key)) causes.set(key, e);
      };

      for (const group of groups) {
        const idx = indexOf(group.region);
        if (!idx.filters.ok) {
          cause(idx.filters.error);
          continue;
        }
        const candidates = idx.filters.byLogGroup.get(group.name) ?? [];
        for (const { filter, pattern } of candidates) {
          if (!tokens.every((t) => containsTerm(pattern, t))) continue;
          const metrics = filter.metrics.map((m) => ({ namespace: m.namespace, name: m.name }));
          matching.push({ logGroup: group.arn, filter: filter.name, metrics });
          if (!idx.alarms.ok) {
            cause(idx.alarms.error);
            continue;
          }
          for (const metric of metrics) {
            const alarms = idx.alarms.byMetric.get(metricKey(metric.namespace, metric.name)) ?? [];
            const feeding = alarms.filter((a) => a.actionsEnabled && a.alarmActions.length > 0);
            if (feeding.length > 0) {
              monitors.push({ logGroup: group.arn, filter: filter.name, metric, alarms: feeding.map((a) => a.name).sort(byText) });
            }
            for (const a of alarms) {
              if (feeding.includes(a)) continue;
              silent.push({
                alarm: a.name,
                namespace: metric.namespace,
                metricName: metric.name,
                actionsEnabled: a.actionsEnabled,
                alarmActions: [...a.alarmActions].sort(byText),
              });
            }
          }
        }
      }

      if (monitors.length > 0) {
        monitors.sort((a, b) => byText(a.logGroup, b.logGroup) || byText(a.filter, b.filter) || byText(a.metric.namespace, b.metric.namespace) || byText(a.metric.name, b.metric.name));
        return pass(ref, `Security event ${event} is watched by metric filter ${monitors[0]!.filter} and alarm ${monitors[0]!.alarms.join(', ')}.`, {
          monitoredBy: monitors,
        });
      }

      const failures = [...causes.values(), ...(groups.length === 0 ? trailListingFailures(inv) : [])];
      const [first] = failures;
      if (first !== undefined) {
        // No monitor found, and data that could hold one is missing: absence is not proven.
        return { ...error(ref, first), evidence: { failedCalls: failures.map(describeFailure) } };
      }

      const missing: keyof typeof MISSING_MESSAGE =
        groups.length === 0 ? 'multiRegionTrailWithLogGroup' : matching.length === 0 ? 'matchingMetricFilter' : 'alarmWithActions';
      matching.sort((a, b) => byText(a.logGroup, b.logGroup) || byText(a.filter, b.filter));
      silent.sort((a, b) => byText(a.alarm, b.alarm));
      return fail(ref, `Security event ${event} is not monitored: ${MISSING_MESSAGE[missing]}.`, {
        missing,
        logGroups: groups.map((g) => ({ arn: g.arn, trails: g.trails })),
        matchingFilters: matching,
        alarmsWithoutActions: silent,
      });
    });
  },
});
