import { describe, expect, it } from 'vitest';
import check from '../../src/checks/backup-data-stores-protected.js';
import type { Status } from '../../src/checks/types.js';
import { ACCOUNT, REGION, dbCluster, dbInstance, runCheck, volume, type InventoryInput } from '../helpers/check-harness.js';
import { backupRegion, dynamoTable, efsFileSystem, protectedResource } from '../helpers/data-stores.js';

const vol = volume('vol-data', true);
const table = dynamoTable('coupons');
const fs = efsFileSystem('fs-0123abcd');
const db = dbInstance('ledger');
const aurora = dbCluster('reporting');
const member = dbInstance('reporting-1', { clusterId: 'reporting' });
const YESTERDAY = '2026-11-19T20:00:00Z'; // 4 hours before collection (NOW)
const LAST_WEEK = '2026-11-13T20:00:00Z';

type Params = typeof check.defaults;
type Case = { name: string; input: InventoryInput; params?: Partial<Params>; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  {
    name: 'a recovery point from last night',
    input: { volumes: [vol], backupRegions: [backupRegion([protectedResource(vol.arn, YESTERDAY)])] },
    params: { resourceTypes: ['ebs'] },
    expected: [{ status: 'pass', arn: vol.arn, evidence: { lastBackupTime: YESTERDAY, ageHours: 4, maxAgeDays: 1, vault: `arn:aws:backup:${REGION}:${ACCOUNT}:backup-vault:Default` } }],
  },
  {
    name: 'no recovery point',
    input: { dynamodbTables: [table], backupRegions: [backupRegion([])] },
    expected: [{ status: 'fail', arn: table.arn, evidence: { lastBackupTime: null, maxAgeDays: 1 } }],
  },
  {
    name: 'a week-old recovery point is stale for a daily RPO ...',
    input: { efsFileSystems: [fs], backupRegions: [backupRegion([protectedResource(fs.arn, LAST_WEEK, 'EFS')])] },
    expected: [{ status: 'fail', arn: fs.arn, evidence: { lastBackupTime: LAST_WEEK, ageHours: 148, maxAgeDays: 1, vault: `arn:aws:backup:${REGION}:${ACCOUNT}:backup-vault:Default` } }],
  },
  { name: '... and fine for a weekly one', input: { efsFileSystems: [fs], backupRegions: [backupRegion([protectedResource(fs.arn, LAST_WEEK, 'EFS')])] }, params: { maxAgeDays: 7 }, expected: [{ status: 'pass', arn: fs.arn }] },
  {
    name: 'Aurora is judged by its cluster; the member instance is left out',
    input: { dbInstances: [db, member], dbClusters: [aurora], backupRegions: [backupRegion([protectedResource(aurora.arn, YESTERDAY, 'Aurora')])] },
    expected: [
      { status: 'pass', arn: aurora.arn },
      { status: 'fail', arn: db.arn },
    ],
  },
  {
    name: 'a copy listed in another region counts',
    input: { regions: [REGION, 'ap-south-2'], dynamodbTables: [table], backupRegions: [backupRegion([]), backupRegion([protectedResource(table.arn, YESTERDAY, 'DynamoDB', 'ap-south-2')], 'ap-south-2')] },
    expected: [{ status: 'pass', arn: table.arn }],
  },
  {
    name: 'protected resources of another region could not be listed: an unprotected-looking store is an error',
    input: { regions: [REGION, 'ap-south-2'], dynamodbTables: [table], backupRegions: [backupRegion([]), backupRegion('failed', 'ap-south-2')] },
    expected: [
      { status: 'error', arn: table.arn },
    ],
  },
  { name: 'resourceTypes narrows the scope', input: { volumes: [vol], dynamodbTables: [table], backupRegions: [backupRegion([])] }, params: { resourceTypes: ['dynamodb'] }, expected: [{ status: 'fail', arn: table.arn }] },
  { name: 'ListProtectedResources denied', input: { volumes: [vol], backupRegions: [backupRegion([])], failed: ['backup:ListProtectedResources'] }, expected: [{ status: 'error', arn: vol.arn }] },
  { name: 'no data store', input: { backupRegions: [backupRegion([])] }, expected: [{ status: 'not_applicable', arn: `arn:aws:backup::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, params, expected }) => {
    const results = runCheck(check, input, params);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
