import type { JSONSchemaType } from 'ajv';
import type { CallError, Inventory, Trail } from '../inventory/types.js';
import { listingFailures } from '../inventory/failures.js';
import { describeFailure, defineCheck, error, fail, pass } from './define.js';
import type { Outcome, ResourceRef } from './types.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/** What a trail must have, in the order they are reported. */
type Lack = 'multiRegion' | 'logging' | 'managementReadEvents' | 'managementWriteEvents';

interface TrailEvidence {
  arn: string;
  isMultiRegion: boolean;
  /** null: GetTrailStatus could not be read. */
  isLogging: boolean | null;
  /** null: GetEventSelectors could not be read. */
  managementEvents: { read: boolean; write: boolean } | null;
  /** What it is known to lack. */
  lacks: Lack[];
  /** Calls whose failure leaves the trail undecided. */
  unreadable: string[];
}

interface Assessment {
  evidence: TrailEvidence;
  /** true: qualifies; false: known not to; undefined: cannot tell. */
  qualifies: boolean | undefined;
  causes: CallError[];
}

function assess(t: Trail): Assessment {
  const lacks: Lack[] = [];
  const causes: CallError[] = [];
  if (!t.isMultiRegion) lacks.push('multiRegion');
  if (!t.status.ok) causes.push(t.status.error);
  else if (!t.status.value.isLogging) lacks.push('logging');
  if (!t.managementEvents.ok) causes.push(t.managementEvents.error);
  else {
    if (!t.managementEvents.value.read) lacks.push('managementReadEvents');
    if (!t.managementEvents.value.write) lacks.push('managementWriteEvents');
  }
  return {
    evidence: {
      arn: t.arn,
      isMultiRegion: t.isMultiRegion,
      isLogging: t.status.ok ? t.status.value.isLogging : null,
      managementEvents: t.managementEvents.ok ? { ...t.managementEvents.value } : null,
      lacks,
      unreadable: causes.map((c) => `${c.service}:${c.operation}`),
    },
    qualifies: lacks.length > 0 ? false : causes.length > 0 ? undefined : true,
    causes,
  };
}

/** The account as a resource: the one thing this check is about. */
function accountRef(inv: Inventory): ResourceRef {
  return {
    type: 'AWS::CloudTrail::Account',
    arn: `arn:${inv.partition}:cloudtrail::${inv.accountId}:trails`,
    id: 'trails',
    account: inv.accountId,
    region: 'global',
  };
}

/** DescribeTrails failures in scanned regions: a trail could be hiding there. */
function trailListingFailures(inv: Inventory): CallError[] {
  return listingFailures(inv, 'cloudtrail:DescribeTrails');
}

export default defineCheck<Params>({
  id: 'cloudtrail-multi-region-logging',
  title: 'A multi-region CloudTrail trail is logging read and write management events',
  severity: 'high',
  resourceType: 'AWS::CloudTrail::Account',
  requires: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors'],
  rationale:
    'Without a logging multi-region trail that records read and write management events, API activity in some regions or of some kinds leaves no audit record for investigation.',
  remediation:
    'Create (or fix) a trail with --is-multi-region-trail, management event selectors for ReadWriteType All, and start logging (aws cloudtrail start-logging --name <trail>).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv): Outcome[] {
    // A snapshot of no region (global services only) shows no trail either way.
    if (inv.regions.length === 0) return [];
    const account = accountRef(inv);
    const assessed = [...inv.trails]
      .sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0))
      .map(assess);
    const qualifying = assessed.filter((a) => a.qualifies === true).map((a) => a.evidence.arn);
    if (qualifying.length > 0) {
      return [
        pass(
          account,
          `Account ${inv.accountId} has a multi-region trail logging read and write management events (${qualifying.join(', ')}).`,
          { qualifyingTrails: qualifying },
        ),
      ];
    }
    const trails = assessed.map((a) => a.evidence);
    const causes = [...trailListingFailures(inv), ...assessed.flatMap((a) => (a.qualifies === undefined ? a.causes : []))];
    const [first] = causes;
    if (first !== undefined) {
      // No trail proves the control, and some data that might is missing: absence is not proven.
      return [{ ...error(account, first), evidence: { failedCalls: causes.map(describeFailure), trails } }];
    }
    const message =
      trails.length === 0
        ? `Account ${inv.accountId} has no CloudTrail trail.`
        : `Account ${inv.accountId} has no trail that is multi-region, logging and recording read and write management events.`;
    return [fail(account, message, { trails })];
  },
});
