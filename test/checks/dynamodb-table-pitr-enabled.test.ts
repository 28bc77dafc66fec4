import { describe, expect, it } from 'vitest';
import check from '../../src/checks/dynamodb-table-pitr-enabled.js';
import type { Status } from '../../src/checks/types.js';
import type { DynamoTable } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, runCheck, type Failure } from '../helpers/check-harness.js';
import { dynamoTable } from '../helpers/data-stores.js';

const arn = (n: string) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${n}`;
type Case = { name: string; tables: DynamoTable[]; failed?: Failure[]; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  { name: 'PITR on for 35 days', tables: [dynamoTable('coupons', { pitr: true, recoveryPeriodDays: 35 })], expected: [{ status: 'pass', arn: arn('coupons'), evidence: { pointInTimeRecovery: true, recoveryPeriodDays: 35 } }] },
  { name: 'PITR off', tables: [dynamoTable('sessions', { pitr: false })], expected: [{ status: 'fail', arn: arn('sessions'), evidence: { pointInTimeRecovery: false, recoveryPeriodDays: null } }] },
  { name: 'continuous backups unreadable', tables: [dynamoTable('x', { pitr: 'failed' })], expected: [{ status: 'error', arn: arn('x') }] },
  { name: 'ListTables denied', tables: [], failed: ['dynamodb:ListTables'], expected: [{ status: 'error', arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:*` }] },
  { name: 'no table', tables: [], expected: [{ status: 'not_applicable', arn: `arn:aws:dynamodb::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ tables, failed, expected }) => {
    const results = runCheck(check, { dynamodbTables: tables, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
