import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rds-multi-az.js';
import type { Status } from '../../src/checks/types.js';
import type { DbCluster, DbInstance } from '../../src/inventory/types.js';
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

const A = `${REGION}a`;
const B = `${REGION}b`;
const C = `${REGION}c`;

/** An Aurora cluster and its members, one per zone given (undefined: zone not reported). */
function aurora(id: string, memberAzs: (string | undefined)[], o: Partial<DbCluster> = {}): { cluster: DbCluster; members: DbInstance[] } {
  const members = memberAzs.map((az, i) =>
    dbInstance(`${id}-${i + 1}`, { engine: 'aurora-postgresql', clusterId: id, multiAz: false, ...(az ? { availabilityZone: az } : {}) }),
  );
  return { cluster: dbCluster(id, { members: members.map((m) => m.id), ...o }), members };
}

const multiDb = dbInstance('db-multi', { availabilityZone: A });
const singleDb = dbInstance('db-single', { multiAz: false, availabilityZone: A });
const spread = aurora('aurora-spread', [B, A]);
const oneWriter = aurora('aurora-one', [A], { multiAz: false, availabilityZones: [A, B, C] });
const sameZone = aurora('aurora-same-zone', [A, A], { availabilityZones: [A] });
const storageOnly = aurora('aurora-storage', [undefined, undefined]);
const orphan = aurora('aurora-orphan', [A]).members[0]!;

const cases: Case[] = [
  // pass
  { name: 'Multi-AZ DB instance', input: { dbInstances: [multiDb] }, expected: [{ status: 'pass', arn: multiDb.arn, evidence: { multiAz: true } }] },
  {
    name: 'Aurora cluster with instances in two zones: one result, for the cluster',
    input: { dbClusters: [spread.cluster], dbInstances: spread.members },
    expected: [{ status: 'pass', arn: spread.cluster.arn, evidence: { multiAz: true, instanceAzs: [A, B], storageAzs: [A, B] } }],
  },
  {
    name: 'Multi-AZ cluster whose storage spans zones though instance zones are unreported',
    input: { dbClusters: [storageOnly.cluster], dbInstances: storageOnly.members },
    expected: [{ status: 'pass', arn: storageOnly.cluster.arn, evidence: { multiAz: true, instanceAzs: [], storageAzs: [A, B] } }],
  },

  // fail
  { name: 'single-AZ DB instance', input: { dbInstances: [singleDb] }, expected: [{ status: 'fail', arn: singleDb.arn, evidence: { multiAz: false } }] },
  {
    name: 'Aurora cluster with one writer: storage spans zones but MultiAZ is false',
    input: { dbClusters: [oneWriter.cluster], dbInstances: oneWriter.members },
    expected: [{ status: 'fail', arn: oneWriter.cluster.arn, evidence: { multiAz: false, instanceAzs: [A], storageAzs: [A, B, C] } }],
  },
  {
    name: 'cluster flagged MultiAZ with instances and storage in one zone',
    input: { dbClusters: [sameZone.cluster], dbInstances: sameZone.members },
    expected: [{ status: 'fail', arn: sameZone.cluster.arn, evidence: { multiAz: true, instanceAzs: [A], storageAzs: [A] } }],
  },
  {
    name: 'member of a cluster missing from the inventory is judged itself',
    input: { dbInstances: [orphan] },
    expected: [{ status: 'fail', arn: orphan.arn, evidence: { multiAz: false } }],
  },
  {
    name: 'one result per standalone instance and cluster, in ARN order',
    input: { dbClusters: [oneWriter.cluster, spread.cluster], dbInstances: [singleDb, ...oneWriter.members, multiDb, ...spread.members] },
    expected: [
      { status: 'fail', arn: oneWriter.cluster.arn },
      { status: 'pass', arn: spread.cluster.arn },
      { status: 'pass', arn: multiDb.arn },
      { status: 'fail', arn: singleDb.arn },
    ],
  },

  // error
  {
    name: 'DescribeDBClusters denied, nothing collected',
    input: { failed: ['rds:DescribeDBClusters'] },
    expected: [{ status: 'error', arn: `arn:aws:rds:${REGION}:${ACCOUNT}:*`, evidence: { failedCalls: [denied('rds:DescribeDBClusters')] } }],
  },
  {
    name: 'DescribeDBInstances denied turns a cluster result into error',
    input: { dbClusters: [spread.cluster], failed: ['rds:DescribeDBInstances'] },
    expected: [{ status: 'error', arn: spread.cluster.arn, evidence: { failedCalls: [denied('rds:DescribeDBInstances')], unverifiedOutcome: 'pass' } }],
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
