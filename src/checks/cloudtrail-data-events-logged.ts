import type { JSONSchemaType } from 'ajv';
import { listingFailures } from '../inventory/failures.js';
import type { CallError, DataEventSelection, Inventory, Trail } from '../inventory/types.js';
import { describeFailure, defineCheck, error, fail, notApplicable, pass } from './define.js';
import type { Outcome, ResourceRef } from './types.js';

type ReadWrite = 'All' | 'ReadOnly' | 'WriteOnly';

interface Params {
  resourceType: string;
  readWrite: ReadWrite;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['resourceType', 'readWrite'],
  properties: {
    resourceType: { type: 'string', pattern: '^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$' },
    readWrite: { type: 'string', enum: ['All', 'ReadOnly', 'WriteOnly'] },
  },
};

type Lack = 'multiRegion' | 'logging' | 'readEvents' | 'writeEvents';

interface TrailRow {
  arn: string;
  isMultiRegion: boolean;
  isLogging: boolean | null;
  /** The trail's selections for the resource type (null: selectors unreadable). */
  selections: DataEventSelection[] | null;
  lacks: Lack[];
}

function judge(t: Trail, resourceType: string, needRead: boolean, needWrite: boolean): { row: TrailRow; qualifies: boolean | undefined; causes: CallError[] } {
  const lacks: Lack[] = [];
  const causes: CallError[] = [];
  if (!t.isMultiRegion) lacks.push('multiRegion');
  if (!t.status.ok) causes.push(t.status.error);
  else if (!t.status.value.isLogging) lacks.push('logging');
  const events = t.dataEvents ?? {
    ok: false as const,
    error: { service: 'cloudtrail', operation: 'GetEventSelectors', region: t.homeRegion, resource: t.arn, code: 'NotCollected', message: 'the inventory holds no data-event selectors' },
  };
  let selections: DataEventSelection[] | null = null;
  if (!events.ok) causes.push(events.error);
  else {
    selections = events.value.filter((s) => s.resourceType === resourceType);
    const all = selections.filter((s) => s.scope === 'all');
    if (needRead && !all.some((s) => s.read)) lacks.push('readEvents');
    if (needWrite && !all.some((s) => s.write)) lacks.push('writeEvents');
  }
  return {
    row: { arn: t.arn, isMultiRegion: t.isMultiRegion, isLogging: t.status.ok ? t.status.value.isLogging : null, selections, lacks },
    qualifies: lacks.length > 0 ? false : causes.length > 0 ? undefined : true,
    causes,
  };
}

function accountRef(inv: Inventory, resourceType: string): ResourceRef {
  return {
    type: 'AWS::CloudTrail::Account',
    arn: `arn:${inv.partition}:cloudtrail::${inv.accountId}:data-events/${resourceType}`,
    id: `data-events/${resourceType}`,
    account: inv.accountId,
    region: 'global',
  };
}

/** For resource types archscan lists, whether the account has none (then there is nothing to log). */
function nothingToLog(inv: Inventory, resourceType: string): boolean {
  if (resourceType === 'AWS::S3::Object') return inv.s3Buckets.length === 0 && !inv.failures.get('s3:ListBuckets')?.size && !inv.unreadable.get('s3:ListBuckets')?.size;
  if (resourceType === 'AWS::DynamoDB::Table') return inv.dynamodbTables.length === 0 && listingFailures(inv, 'dynamodb:ListTables').length === 0;
  return false;
}

const WHAT: Record<ReadWrite, string> = { All: 'read and write', ReadOnly: 'read', WriteOnly: 'write' };

export default defineCheck<Params>({
  id: 'cloudtrail-data-events-logged',
  title: 'A logging multi-region trail records data events for every resource of a type',
  severity: 'medium',
  resourceType: 'AWS::CloudTrail::Account',
  requires: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors'],
  rationale:
    'Management events show who changed a bucket or function, not who read or wrote its data: object-level S3 events (GetObject, PutObject, DeleteObject) and Lambda Invoke events are data events, recorded only when a selector asks for them. ' +
    'Without them, access to cardholder data in S3 leaves no per-user trail (PCI DSS 10.2.1.1; CIS AWS Foundations 4.8 write events, 4.9 read events).',
  remediation:
    'Add a data-event selector to a multi-region trail for all resources of the type: aws cloudtrail put-event-selectors --trail-name <trail> --advanced-event-selectors ' +
    '\'[{"Name":"S3 data events","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]}]}]\' (keep the management-event selector); narrow with readOnly for write-only logging.',
  schema,
  defaults: { resourceType: 'AWS::S3::Object', readWrite: 'All' },
  paramDocs: {
    resourceType: 'The data-event resource type: AWS::S3::Object (default), AWS::Lambda::Function, AWS::DynamoDB::Table, ...',
    readWrite: 'Which data events must be recorded: All (default), ReadOnly (CIS 4.9) or WriteOnly (CIS 4.8)',
  },
  evaluate(inv, { resourceType, readWrite }): Outcome[] {
    if (inv.regions.length === 0) return [];
    const account = accountRef(inv, resourceType);
    if (nothingToLog(inv, resourceType)) return [notApplicable(account, `Account ${inv.accountId} has no resource of type ${resourceType}.`, { resourceType })];
    const needRead = readWrite !== 'WriteOnly';
    const needWrite = readWrite !== 'ReadOnly';
    const judged = [...inv.trails].sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0)).map((t) => judge(t, resourceType, needRead, needWrite));
    const qualifying = judged.filter((j) => j.qualifies === true).map((j) => j.row.arn);
    if (qualifying.length > 0) {
      return [pass(account, `Account ${inv.accountId} records ${WHAT[readWrite]} data events for every ${resourceType} (${qualifying.join(', ')}).`, { resourceType, readWrite, qualifyingTrails: qualifying })];
    }
    const trails = judged.map((j) => j.row);
    const causes = [...listingFailures(inv, 'cloudtrail:DescribeTrails'), ...judged.flatMap((j) => (j.qualifies === undefined ? j.causes : []))];
    if (causes[0] !== undefined) return [{ ...error(account, causes[0]), evidence: { failedCalls: causes.map(describeFailure), resourceType, readWrite, trails } }];
    return [fail(account, `Account ${inv.accountId} has no logging multi-region trail recording ${WHAT[readWrite]} data events for every ${resourceType}.`, { resourceType, readWrite, trails })];
  },
});
