import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rds-not-publicly-accessible.js';
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

const privateDb = dbInstance('db-private');
const publicDb = dbInstance('db-public', { publiclyAccessible: true });
const publicMember = dbInstance('aurora-1', { engine: 'aurora-mysql', clusterId: 'aurora', publiclyAccessible: true });

const cases: Case[] = [
  // pass
  { name: 'private DB instance', input: { dbInstances: [privateDb] }, expected: [{ status: 'pass', arn: privateDb.arn, evidence: { publiclyAccessible: false } }] },

  // fail
  { name: 'publicly accessible DB instance', input: { dbInstances: [publicDb] }, expected: [{ status: 'fail', arn: publicDb.arn, evidence: { publiclyAccessible: true } }] },
  {
    name: 'publicly accessible Aurora member: judged per instance, the cluster has no such flag',
    input: { dbClusters: [dbCluster('aurora', { members: ['aurora-1'] })], dbInstances: [publicMember] },
    expected: [{ status: 'fail', arn: publicMember.arn, evidence: { publiclyAccessible: true } }],
  },
  {
    name: 'one result per instance, in ARN order',
    input: { dbInstances: [publicDb, privateDb] },
    expected: [
      { status: 'pass', arn: privateDb.arn },
      { status: 'fail', arn: publicDb.arn },
    ],
  },

  // error
  {
    name: 'DescribeDBInstances denied, nothing collected',
    input: { failed: ['rds:DescribeDBInstances'] },
    expected: [{ status: 'error', arn: `arn:aws:rds:${REGION}:${ACCOUNT}:*`, evidence: { failedCalls: [denied('rds:DescribeDBInstances')] } }],
  },
  {
    name: 'DescribeDBInstances denied turns a pass into error',
    input: { dbInstances: [privateDb], failed: ['rds:DescribeDBInstances'] },
    expected: [{ status: 'error', arn: privateDb.arn, evidence: { failedCalls: [denied('rds:DescribeDBInstances')], unverifiedOutcome: 'pass' } }],
  },

  // not_applicable
  { name: 'no DB instances (a cluster alone is out of scope)', input: { dbClusters: [dbCluster('serverless')] }, expected: [{ status: 'not_applicable', arn: `arn:aws:rds::${ACCOUNT}:*`, evidence: {} }] },
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
