import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rds-iam-authentication-enabled.js';
import type { Status } from '../../src/checks/types.js';
import { ACCOUNT, REGION, dbCluster, dbInstance, runCheck, type InventoryInput } from '../helpers/check-harness.js';

const db = (id: string) => `arn:aws:rds:${REGION}:${ACCOUNT}:db:${id}`;
const cluster = (id: string) => `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:${id}`;
type Case = { name: string; input: InventoryInput; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  { name: 'PostgreSQL with IAM auth', input: { dbInstances: [dbInstance('ledger', { iamAuthentication: true })] }, expected: [{ status: 'pass', arn: db('ledger'), evidence: { engine: 'postgres', iamDatabaseAuthentication: true } }] },
  { name: 'MySQL with passwords only', input: { dbInstances: [dbInstance('shop', { engine: 'mysql', iamAuthentication: false })] }, expected: [{ status: 'fail', arn: db('shop'), evidence: { engine: 'mysql', iamDatabaseAuthentication: false } }] },
  { name: 'Aurora cluster decides for its members', input: { dbClusters: [dbCluster('aurora', { iamAuthentication: false })], dbInstances: [dbInstance('aurora-1', { clusterId: 'aurora', engine: 'aurora-postgresql' })] }, expected: [{ status: 'fail', arn: cluster('aurora') }] },
  { name: 'SQL Server cannot: not applicable', input: { dbInstances: [dbInstance('mssql', { engine: 'sqlserver-ee', iamAuthentication: false })] }, expected: [{ status: 'not_applicable', arn: db('mssql'), evidence: { engine: 'sqlserver-ee' } }] },
  { name: 'Oracle cannot either', input: { dbInstances: [dbInstance('ora', { engine: 'oracle-ee' })] }, expected: [{ status: 'not_applicable', arn: db('ora') }] },
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
