import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rds-storage-encrypted.js';
import type { Status } from '../../src/checks/types.js';
import { ajv } from '../../src/schemas.js';
import { ACCOUNT, REGION, dbCluster, dbInstance, runCheck, type InventoryInput } from '../helpers/check-harness.js';

type Expected = { status: Status; arn: string; evidence?: unknown };
type Case = { name: string; input: InventoryInput; expected: Expected[] };

const denied = (op: string) => ({
  call: op,
  region: REGION,
  code: 'AccessDenied',
  message: `User is not authorized to perform: ${op}`,
  requiredPermission: op,
});

const encryptedDb = dbInstance('db-encrypted');
const plainDb = dbInstance('db-plain', { storageEncrypted: false });
const plainCluster = dbCluster('aurora-plain', { storageEncrypted: false, members: ['aurora-plain-1'] });
const plainMember = dbInstance('aurora-plain-1', { engine: 'aurora-postgresql', clusterId: 'aurora-plain', storageEncrypted: false });

const cases: Case[] = [
  // pass
  { name: 'encrypted DB instance', input: { dbInstances: [encryptedDb] }, expected: [{ status: 'pass', arn: encryptedDb.arn, evidence: { storageEncrypted: true } }] },
  {
    name: 'encrypted Aurora cluster: its member is judged through the cluster',
    input: {
      dbClusters: [dbCluster('aurora-ok', { members: ['aurora-ok-1'] })],
      dbInstances: [dbInstance('aurora-ok-1', { engine: 'aurora-postgresql', clusterId: 'aurora-ok' })],
    },
    expected: [{ status: 'pass', arn: dbCluster('aurora-ok').arn, evidence: { storageEncrypted: true } }],
  },

  // fail
  { name: 'unencrypted DB instance', input: { dbInstances: [plainDb] }, expected: [{ status: 'fail', arn: plainDb.arn, evidence: { storageEncrypted: false } }] },
  {
    name: 'unencrypted Aurora cluster: one result, for the cluster',
    input: { dbClusters: [plainCluster], dbInstances: [plainMember] },
    expected: [{ status: 'fail', arn: plainCluster.arn, evidence: { storageEncrypted: false } }],
  },
  {
    name: 'member of a cluster missing from the inventory is judged itself',
    input: { dbInstances: [plainMember] },
    expected: [{ status: 'fail', arn: plainMember.arn, evidence: { storageEncrypted: false } }],
  },
  {
    name: 'one result per standalone instance and cluster, in ARN order',
    input: { dbClusters: [plainCluster], dbInstances: [plainDb, plainMember, encryptedDb] },
    expected: [
      { status: 'fail', arn: plainCluster.arn },
      { status: 'pass', arn: encryptedDb.arn },
      { status: 'fail', arn: plainDb.arn },
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
    input: { dbInstances: [plainDb], failed: ['rds:DescribeDBClusters'] },
    expected: [{ status: 'error', arn: plainDb.arn, evidence: { failedCalls: [denied('rds:DescribeDBClusters')], unverifiedOutcome: 'fail' } }],
  },

  // not_applicable
  { name: 'no databases', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:rds::${ACCOUNT}:*`, evidence: {} }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, expected }) => {
    const results = runCheck(check, input);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
    for (const r of results) if (r.status === 'pass' || r.status === 'fail') expect(r.message).toContain(r.resource.id);
  });

  it('has a schema that accepts its defaults and rejects unknown params', () => {
    expect(ajv.validate(check.schema, check.defaults)).toBe(true);
    expect(ajv.validate(check.schema, { extra: 1 })).toBe(false);
  });
});
