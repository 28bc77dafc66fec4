import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rds-backup-retention.js';
import type { Status } from '../../src/checks/types.js';
import { ajv } from '../../src/schemas.js';
import { ACCOUNT, REGION, dbCluster, dbInstance, runCheck, type InventoryInput } from '../helpers/check-harness.js';

type Params = typeof check.defaults;
type Expected = { status: Status; arn: string; evidence?: unknown; message?: string };
type Case = { name: string; input: InventoryInput; params?: Partial<Params>; expected: Expected[] };

const denied = (op: string) => ({
  call: op,
  region: REGION,
  code: 'AccessDenied',
  message: `User is not authorized to perform: ${op}`,
  requiredPermission: op,
});

const week = dbInstance('db-week', { backupRetentionDays: 7 });
const month = dbInstance('db-month', { backupRetentionDays: 35 });
const short = dbInstance('db-short', { backupRetentionDays: 1 });
const off = dbInstance('db-off', { backupRetentionDays: 0 });
const cluster = dbCluster('aurora-short', { backupRetentionDays: 3, members: ['aurora-short-1'] });
// Members report their cluster's retention; only the cluster is judged.
const member = dbInstance('aurora-short-1', { engine: 'aurora-postgresql', clusterId: 'aurora-short', backupRetentionDays: 3 });

const cases: Case[] = [
  // pass
  { name: 'exactly minDays', input: { dbInstances: [week] }, expected: [{ status: 'pass', arn: week.arn, evidence: { backupRetentionDays: 7, minDays: 7 } }] },
  { name: 'the RDS maximum', input: { dbInstances: [month] }, expected: [{ status: 'pass', arn: month.arn, evidence: { backupRetentionDays: 35, minDays: 7 } }] },
  {
    name: 'minDays lowered',
    input: { dbClusters: [cluster], dbInstances: [member] },
    params: { minDays: 3 },
    expected: [{ status: 'pass', arn: cluster.arn, evidence: { backupRetentionDays: 3, minDays: 3 } }],
  },

  // fail
  {
    name: 'one day',
    input: { dbInstances: [short] },
    expected: [{ status: 'fail', arn: short.arn, evidence: { backupRetentionDays: 1, minDays: 7 }, message: 'DB instance db-short keeps automated backups for 1 day, fewer than 7.' }],
  },
  {
    name: 'backups off',
    input: { dbInstances: [off] },
    expected: [{ status: 'fail', arn: off.arn, evidence: { backupRetentionDays: 0, minDays: 7 }, message: 'DB instance db-off has automated backups turned off.' }],
  },
  {
    name: 'Aurora cluster below minDays: one result, for the cluster',
    input: { dbClusters: [cluster], dbInstances: [member] },
    expected: [{ status: 'fail', arn: cluster.arn, evidence: { backupRetentionDays: 3, minDays: 7 } }],
  },
  {
    name: 'minDays raised',
    input: { dbInstances: [week] },
    params: { minDays: 14 },
    expected: [{ status: 'fail', arn: week.arn, evidence: { backupRetentionDays: 7, minDays: 14 } }],
  },
  {
    name: 'one result per standalone instance and cluster, in ARN order',
    input: { dbClusters: [cluster], dbInstances: [off, member, week] },
    expected: [
      { status: 'fail', arn: cluster.arn },
      { status: 'fail', arn: off.arn },
      { status: 'pass', arn: week.arn },
    ],
  },

  // error
  {
    name: 'DescribeDBInstances denied, nothing collected',
    input: { failed: ['rds:DescribeDBInstances'] },
    expected: [{ status: 'error', arn: `arn:aws:rds:${REGION}:${ACCOUNT}:*`, evidence: { failedCalls: [denied('rds:DescribeDBInstances')] } }],
  },
  {
    name: 'DescribeDBClusters denied turns an instance result into error',
    input: { dbInstances: [week], failed: ['rds:DescribeDBClusters'] },
    expected: [{ status: 'error', arn: week.arn, evidence: { failedCalls: [denied('rds:DescribeDBClusters')], unverifiedOutcome: 'pass' } }],
  },

  // not_applicable
  { name: 'no databases', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:rds::${ACCOUNT}:*`, evidence: {} }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, params, expected }) => {
    const results = runCheck(check, input, params);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
      if (e.message !== undefined) expect(results[i]?.message).toBe(e.message);
    });
    for (const r of results) if (r.status === 'pass' || r.status === 'fail') expect(r.message).toContain(r.resource.id);
  });

  it.each([
    [{ minDays: 7 }, true],
    [{ minDays: 35 }, true],
    [{ minDays: 0 }, false],
    [{ minDays: 36 }, false],
    [{ minDays: 7.5 }, false],
    [{}, false],
    [{ minDays: 7, extra: 1 }, false],
  ])('schema: %j valid = %s', (params, valid) => {
    expect(ajv.validate(check.schema, params)).toBe(valid);
  });
});
