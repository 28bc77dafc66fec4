import { describe, expect, it } from 'vitest';
import check from '../../src/checks/cloudtrail-data-events-logged.js';
import type { Status } from '../../src/checks/types.js';
import type { DataEventSelection, Trail } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, bucket, failedCall, runCheck, trail, type Failure, type TrailOptions } from '../helpers/check-harness.js';

const S3 = 'AWS::S3::Object';
const LAMBDA = 'AWS::Lambda::Function';
const account = (type = S3) => `arn:aws:cloudtrail::${ACCOUNT}:data-events/${type}`;
const sel = (resourceType: string, o: Partial<DataEventSelection> = {}): DataEventSelection => ({ resourceType, scope: 'all', read: true, write: true, narrowedBy: [], ...o });

function withData(name: string, selections: DataEventSelection[] | 'failed' | undefined, o: TrailOptions = {}): Trail {
  const t = trail(name, o);
  if (selections === undefined) return t;
  return { ...t, dataEvents: selections === 'failed' ? failedCall('cloudtrail:GetEventSelectors', t.arn) : { ok: true, value: selections } };
}

type Params = typeof check.defaults;
type Case = { name: string; trails: Trail[]; params?: Partial<Params>; noBuckets?: boolean; failed?: Failure[]; expected: { status: Status; evidence?: unknown } };

const cases: Case[] = [
  {
    name: 'a multi-region trail logs S3 read and write data events for all buckets',
    trails: [withData('main', [sel(S3)])],
    expected: { status: 'pass', evidence: { resourceType: S3, readWrite: 'All', qualifyingTrails: [`arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/main`] } },
  },
  { name: 'write events only meet WriteOnly (CIS 4.8) ...', trails: [withData('main', [sel(S3, { read: false })])], params: { readWrite: 'WriteOnly' }, expected: { status: 'pass' } },
  { name: '... but not ReadOnly (CIS 4.9)', trails: [withData('main', [sel(S3, { read: false })])], params: { readWrite: 'ReadOnly' }, expected: { status: 'fail' } },
  { name: 'read and write from two selectors add up', trails: [withData('main', [sel(S3, { write: false }), sel(S3, { read: false })])], expected: { status: 'pass' } },
  {
    name: 'selected buckets only: not every bucket',
    trails: [withData('main', [sel(S3, { scope: 'some', narrowedBy: ['arn:aws:s3:::cde-data/'] })])],
    expected: {
      status: 'fail',
      evidence: {
        resourceType: S3,
        readWrite: 'All',
        trails: [
          {
            arn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/main`,
            isMultiRegion: true,
            isLogging: true,
            selections: [sel(S3, { scope: 'some', narrowedBy: ['arn:aws:s3:::cde-data/'] })],
            lacks: ['readEvents', 'writeEvents'],
          },
        ],
      },
    },
  },
  { name: 'management events only', trails: [withData('main', [])], expected: { status: 'fail' } },
  { name: 'a single-region trail does not count', trails: [withData('local', [sel(S3)], { multiRegion: false })], expected: { status: 'fail' } },
  { name: 'a stopped trail does not count', trails: [withData('main', [sel(S3)], { logging: false })], expected: { status: 'fail' } },
  { name: 'no trail at all', trails: [], expected: { status: 'fail', evidence: { resourceType: S3, readWrite: 'All', trails: [] } } },
  { name: 'Lambda: S3 selectors do not count', trails: [withData('main', [sel(S3)])], params: { resourceType: LAMBDA }, expected: { status: 'fail' } },
  { name: 'Lambda: Invoke events for all functions', trails: [withData('main', [sel(LAMBDA)])], params: { resourceType: LAMBDA }, expected: { status: 'pass' } },
  { name: 'selectors unreadable: error, not fail', trails: [withData('main', 'failed')], expected: { status: 'error' } },
  { name: 'selectors not in the inventory: error', trails: [withData('main', undefined)], expected: { status: 'error' } },
  { name: 'another trail qualifies: a broken one does not matter', trails: [withData('a', 'failed'), withData('b', [sel(S3)])], expected: { status: 'pass' } },
  { name: 'DescribeTrails denied', trails: [], failed: ['cloudtrail:DescribeTrails'], expected: { status: 'error' } },
  { name: 'S3 and no bucket at all: nothing to log', trails: [], noBuckets: true, expected: { status: 'not_applicable' } },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ trails, params, noBuckets, failed, expected }) => {
    const results = runCheck(check, { trails, s3Buckets: noBuckets ? [] : [bucket('data')], ...(failed ? { failed } : {}) }, params);
    const type = params?.resourceType ?? S3;
    // A denied listing also leaves the runner's error for the region, which the account result does not stand for.
    const regionError = failed ? [['error', `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:*`]] : [];
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual([[expected.status, account(type)], ...regionError]);
    if (expected.evidence !== undefined) expect(results[0]?.evidence).toEqual(expected.evidence);
  });
});
