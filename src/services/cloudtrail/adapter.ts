import type {
  DescribeTrailsCommandOutput,
  GetEventSelectorsCommandOutput,
  GetTrailStatusCommandOutput,
  Trail as RawTrail,
} from '@aws-sdk/client-cloudtrail';
import type { Json, Raw } from '../../inventory/base.js';
import type { ServiceSource } from '../source.js';
import type { DataEventSelection, Trail } from './types.js';

/**
 * DescribeTrails in each region also lists multi-region trails homed
 * elsewhere (shadow trails): keep each trail once, by ARN, in its home region,
 * and read its status and selectors from wherever they were collected (home
 * region first).
 */
export function buildTrails(src: ServiceSource): Trail[] {
  const regions = [...src.regions];
  const byArn = new Map<string, Json<RawTrail>>();
  for (const region of regions) {
    src.records<Json<RawTrail>, void>(region, 'cloudtrail:DescribeTrails', 'trailList/*', (t, at) => {
      at.expect(/^arn:[^:]+:cloudtrail:[^:]+:\d{12}:trail\/.+$/.test(t.TrailARN!), '/TrailARN', 'a CloudTrail trail ARN');
      at.expect(/^[a-z]{2}(-[a-z]+)+-\d+$/.test(t.HomeRegion!), '/HomeRegion', 'a region name');
      const seen = byArn.get(t.TrailARN!);
      if (!seen || t.HomeRegion === region) byArn.set(t.TrailARN!, t);
    });
  }
  return [...byArn.values()].map((t) => {
    const arn = t.TrailARN!;
    const home = t.HomeRegion!;
    const lookupRegion = [home, ...regions].find((r) => src.hasPerResource(r, 'cloudtrail:GetTrailStatus', arn)) ?? home;
    const status = src.perResource<Raw<GetTrailStatusCommandOutput>>(lookupRegion, 'cloudtrail:GetTrailStatus', arn);
    const selectorRegion = [home, ...regions].find((r) => src.hasPerResource(r, 'cloudtrail:GetEventSelectors', arn)) ?? home;
    const rawSelectors = src.perResource<Raw<GetEventSelectorsCommandOutput>>(selectorRegion, 'cloudtrail:GetEventSelectors', arn);
    const problem = rawSelectors.ok ? selectorProblem(rawSelectors.value) : undefined;
    const selectors: typeof rawSelectors = problem ? { ok: false, error: src.unusableResource('cloudtrail:GetEventSelectors', selectorRegion, arn, problem.path, problem.expected) } : rawSelectors;
    const trail: Trail = {
      type: 'AWS::CloudTrail::Trail',
      arn,
      id: t.Name!,
      name: t.Name!,
      account: src.accountId,
      region: home,
      tags: {},
      homeRegion: home,
      isMultiRegion: t.IsMultiRegionTrail!,
      isOrganizationTrail: t.IsOrganizationTrail!,
      logFileValidation: t.LogFileValidationEnabled!,
      includeGlobalServiceEvents: t.IncludeGlobalServiceEvents!,
      status: status.ok ? { ok: true, value: { isLogging: status.value.IsLogging! } } : status,
      managementEvents: selectors.ok ? { ok: true, value: managementEvents(selectors.value) } : selectors,
      dataEvents: selectors.ok ? { ok: true, value: dataEvents(selectors.value) } : selectors,
    };
    if (t.KmsKeyId !== undefined) trail.kmsKeyId = t.KmsKeyId;
    if (t.CloudWatchLogsLogGroupArn !== undefined) trail.cloudWatchLogGroupArn = t.CloudWatchLogsLogGroupArn;
    if (t.S3BucketName !== undefined) trail.s3BucketName = t.S3BucketName;
    return trail;
  });
}

const OPERATORS = ['Equals', 'StartsWith', 'EndsWith', 'NotEquals', 'NotStartsWith', 'NotEndsWith'] as const;

/** An event-selector answer CloudTrail could not send: neither kind of selector, an empty data-resource value, or a field selector comparing with nothing. */
function selectorProblem(raw: Raw<GetEventSelectorsCommandOutput>): { path: string; expected: string } | undefined {
  if (raw.EventSelectors === undefined && raw.AdvancedEventSelectors === undefined) return { path: '', expected: 'EventSelectors or AdvancedEventSelectors' };
  for (const [i, s] of (raw.EventSelectors ?? []).entries()) {
    for (const [k, d] of (s.DataResources ?? []).entries()) {
      // A data resource is selected by ARN (or ARN prefix); an empty one selects nothing anyone could name.
      const blank = (d.Values ?? []).findIndex((v) => v === '');
      if (blank >= 0) return { path: `/EventSelectors/${i}/DataResources/${k}/Values/${blank}`, expected: 'an ARN or ARN prefix' };
    }
  }
  for (const [i, s] of (raw.AdvancedEventSelectors ?? []).entries()) {
    for (const [k, f] of (s.FieldSelectors ?? []).entries()) {
      const path = `/AdvancedEventSelectors/${i}/FieldSelectors/${k}`;
      const lists = OPERATORS.filter((o) => f[o] !== undefined);
      if (lists.length === 0) return { path, expected: `a field selector with ${OPERATORS.join(', ')} or another operator` };
      for (const o of lists) {
        const blank = f[o]!.findIndex((v) => v === '');
        if (blank >= 0) return { path: `${path}/${o}/${blank}`, expected: 'a value to compare the field with' };
      }
    }
  }
  return undefined;
}

/** Which management events a trail records, from basic or advanced event selectors. */
export function managementEvents(raw: Raw<GetEventSelectorsCommandOutput>): { read: boolean; write: boolean } {
  let read = false;
  let write = false;
  for (const s of raw.EventSelectors ?? []) {
    if (s.IncludeManagementEvents === false) continue;
    const rw = s.ReadWriteType ?? 'All';
    if (rw === 'All' || rw === 'ReadOnly') read = true;
    if (rw === 'All' || rw === 'WriteOnly') write = true;
  }
  for (const s of raw.AdvancedEventSelectors ?? []) {
    const fields = s.FieldSelectors ?? [];
    const category = fields.find((f) => f.Field === 'eventCategory');
    if (!category?.Equals?.includes('Management')) continue;
    const readOnly = fields.find((f) => f.Field === 'readOnly');
    const only = readOnly?.Equals?.[0];
    if (only === undefined || only === 'true') read = true;
    if (only === undefined || only === 'false') write = true;
  }
  return { read, write };
}

/** A basic data-resource value naming every resource of its type: `arn:aws:s3`, `arn:aws:s3:::`, `arn:aws:lambda`. */
const ALL_OF_TYPE = /^arn:[^:]+:[a-z0-9-]+(:::?)?$/;
/** Advanced-selector fields that only say what kind of event it is (the rest narrow it). */
const KIND_FIELDS = new Set(['eventCategory', 'resources.type', 'readOnly']);

/** The data events a trail records, from basic (DataResources) or advanced (eventCategory Data) selectors. */
export function dataEvents(raw: Raw<GetEventSelectorsCommandOutput>): DataEventSelection[] {
  const out: DataEventSelection[] = [];
  for (const s of raw.EventSelectors ?? []) {
    const rw = s.ReadWriteType ?? 'All';
    const read = rw === 'All' || rw === 'ReadOnly';
    const write = rw === 'All' || rw === 'WriteOnly';
    for (const d of s.DataResources ?? []) {
      const values = d.Values ?? [];
      const all = values.some((v) => ALL_OF_TYPE.test(v));
      out.push({ resourceType: d.Type!, scope: all ? 'all' : 'some', read, write, narrowedBy: all ? [] : [...values].sort() });
    }
  }
  for (const s of raw.AdvancedEventSelectors ?? []) {
    const fields = s.FieldSelectors ?? [];
    const category = fields.find((f) => f.Field === 'eventCategory');
    if (!category?.Equals?.includes('Data')) continue;
    const types = fields.find((f) => f.Field === 'resources.type')?.Equals ?? [];
    const readOnly = fields.find((f) => f.Field === 'readOnly');
    let read = true;
    let write = true;
    const only = readOnly?.Equals?.[0] ?? (readOnly?.NotEquals?.[0] === 'true' ? 'false' : readOnly?.NotEquals?.[0] === 'false' ? 'true' : undefined);
    if (only === 'true') write = false;
    if (only === 'false') read = false;
    const narrowedBy = [...new Set(fields.filter((f) => !KIND_FIELDS.has(f.Field!)).map((f) => f.Field!))].sort();
    for (const t of types) out.push({ resourceType: t, scope: narrowedBy.length === 0 ? 'all' : 'some', read, write, narrowedBy });
  }
  return out;
}
