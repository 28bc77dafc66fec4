import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rds-log-exports-enabled.js';
import type { Status } from '../../src/checks/types.js';
import { ACCOUNT, REGION, dbCluster, dbInstance, runCheck, type InventoryInput } from '../helpers/check-harness.js';

const db = (id: string) => `arn:aws:rds:${REGION}:${ACCOUNT}:db:${id}`;
const cluster = (id: string) => `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:${id}`;
type Case = { name: string; input: InventoryInput; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  { name: 'postgresql log exported', input: { dbInstances: [dbInstance('ledger', { logExports: ['postgresql', 'upgrade'] })] }, expected: [{ status: 'pass', arn: db('ledger'), evidence: { engine: 'postgres', logExports: ['postgresql', 'upgrade'] } }] },
  { name: 'nothing exported', input: { dbInstances: [dbInstance('cutover', { logExports: [] })] }, expected: [{ status: 'fail', arn: db('cutover'), evidence: { engine: 'postgres', logExports: [] } }] },
  { name: 'Aurora exports at cluster level', input: { dbClusters: [dbCluster('aurora', { logExports: ['postgresql'] })], dbInstances: [dbInstance('aurora-1', { clusterId: 'aurora', logExports: [] })] }, expected: [{ status: 'pass', arn: cluster('aurora') }] },
  { name: 'setting not in the inventory', input: { dbInstances: [dbInstance('old')] }, expected: [{ status: 'error', arn: db('old') }] },
  { name: 'DescribeDBInstances denied', input: { failed: ['rds:DescribeDBInstances'] }, expected: [{ status: 'error', arn: `arn:aws:rds:${REGION}:${ACCOUNT}:*` }] },
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
