import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rds-snapshots-not-public.js';
import type { Status } from '../../src/checks/types.js';
import type { DbSnapshot } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, runCheck, type Failure } from '../helpers/check-harness.js';
import { dbSnapshot } from '../helpers/data-stores.js';

const arn = (id: string, kind = 'snapshot') => `arn:aws:rds:${REGION}:${ACCOUNT}:${kind}:${id}`;
type Case = { name: string; snapshots: DbSnapshot[]; failed?: Failure[]; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  { name: 'a manual snapshot nobody else may restore', snapshots: [dbSnapshot('pre-upgrade', [])], expected: [{ status: 'pass', arn: arn('pre-upgrade'), evidence: { snapshotType: 'manual', encrypted: true, restorableBy: [] } }] },
  { name: 'shared with a named account only', snapshots: [dbSnapshot('for-vendor', ['210987654321'])], expected: [{ status: 'pass', arn: arn('for-vendor'), evidence: { snapshotType: 'manual', encrypted: true, restorableBy: ['210987654321'] } }] },
  { name: 'restorable by all', snapshots: [dbSnapshot('migration-copy', ['all'], { encrypted: false })], expected: [{ status: 'fail', arn: arn('migration-copy'), evidence: { snapshotType: 'manual', encrypted: false, restorableBy: ['all'] } }] },
  { name: 'a public cluster snapshot', snapshots: [dbSnapshot('aurora-final', ['all'], { type: 'AWS::RDS::DBClusterSnapshot' })], expected: [{ status: 'fail', arn: arn('aurora-final', 'cluster-snapshot') }] },
  { name: 'attributes unreadable', snapshots: [dbSnapshot('x', 'failed')], expected: [{ status: 'error', arn: arn('x') }] },
  { name: 'automated snapshots cannot be shared: not in scope', snapshots: [dbSnapshot('rds:ledger-2026-11-19', null)], expected: [{ status: 'not_applicable', arn: `arn:aws:rds::${ACCOUNT}:*` }] },
  { name: 'DescribeDBSnapshots denied', snapshots: [], failed: ['rds:DescribeDBSnapshots'], expected: [{ status: 'error', arn: `arn:aws:rds:${REGION}:${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ snapshots, failed, expected }) => {
    const results = runCheck(check, { dbSnapshots: snapshots, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
