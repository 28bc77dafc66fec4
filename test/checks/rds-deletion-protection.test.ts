import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rds-deletion-protection.js';
import type { Status } from '../../src/checks/types.js';
import { ACCOUNT, REGION, dbCluster, dbInstance, runCheck, type InventoryInput } from '../helpers/check-harness.js';

const db = (id: string) => `arn:aws:rds:${REGION}:${ACCOUNT}:db:${id}`;
const cluster = (id: string) => `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:${id}`;
type Case = { name: string; input: InventoryInput; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  { name: 'instance protected', input: { dbInstances: [dbInstance('ledger', { deletionProtection: true })] }, expected: [{ status: 'pass', arn: db('ledger'), evidence: { deletionProtection: true } }] },
  { name: 'instance unprotected', input: { dbInstances: [dbInstance('reporting', { deletionProtection: false })] }, expected: [{ status: 'fail', arn: db('reporting'), evidence: { deletionProtection: false } }] },
  {
    name: 'Aurora: the cluster decides, its members are not judged',
    input: { dbClusters: [dbCluster('aurora', { deletionProtection: true })], dbInstances: [dbInstance('aurora-1', { clusterId: 'aurora', deletionProtection: false })] },
    expected: [{ status: 'pass', arn: cluster('aurora') }],
  },
  { name: 'setting not in the inventory', input: { dbClusters: [dbCluster('old')] }, expected: [{ status: 'error', arn: cluster('old') }] },
  { name: 'DescribeDBClusters denied', input: { dbInstances: [dbInstance('ledger', { deletionProtection: true })], failed: ['rds:DescribeDBClusters'] }, expected: [{ status: 'error', arn: db('ledger') }] },
  { name: 'no database', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:rds::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, expected }) => {
    const results = runCheck(check, input);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
