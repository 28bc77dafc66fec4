import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rds-auto-minor-version-upgrade.js';
import type { Status } from '../../src/checks/types.js';
import type { DbInstance } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, dbInstance, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (id: string) => `arn:aws:rds:${REGION}:${ACCOUNT}:db:${id}`;
type Case = { name: string; dbs: DbInstance[]; failed?: Failure[]; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  { name: 'on', dbs: [dbInstance('ledger', { autoMinorVersionUpgrade: true, engineVersion: '16.4' })], expected: [{ status: 'pass', arn: arn('ledger'), evidence: { autoMinorVersionUpgrade: true, engine: 'postgres', engineVersion: '16.4' } }] },
  { name: 'off', dbs: [dbInstance('legacy', { autoMinorVersionUpgrade: false, engineVersion: '11.22' })], expected: [{ status: 'fail', arn: arn('legacy'), evidence: { autoMinorVersionUpgrade: false, engine: 'postgres', engineVersion: '11.22' } }] },
  { name: 'an Aurora member is judged too (the setting is per instance)', dbs: [dbInstance('aurora-1', { clusterId: 'aurora', engine: 'aurora-postgresql', autoMinorVersionUpgrade: false })], expected: [{ status: 'fail', arn: arn('aurora-1') }] },
  { name: 'setting not in the inventory', dbs: [dbInstance('old')], expected: [{ status: 'error', arn: arn('old') }] },
  { name: 'DescribeDBInstances denied', dbs: [], failed: ['rds:DescribeDBInstances'], expected: [{ status: 'error', arn: `arn:aws:rds:${REGION}:${ACCOUNT}:*` }] },
  { name: 'no instance', dbs: [], expected: [{ status: 'not_applicable', arn: `arn:aws:rds::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ dbs, failed, expected }) => {
    const results = runCheck(check, { dbInstances: dbs, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
