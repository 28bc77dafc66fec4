import { describe, expect, it } from 'vitest';
import check from '../../src/checks/dynamodb-table-kms-encrypted.js';
import type { Status } from '../../src/checks/types.js';
import type { DynamoTable, KmsKey } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, kmsKey, runCheck, type Failure } from '../helpers/check-harness.js';
import { dynamoTable } from '../helpers/data-stores.js';

const arn = (n: string) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${n}`;
const cmk = kmsKey('cmk-1');
const awsKey = kmsKey('aws-dynamodb', { manager: 'AWS' });
const kms = (key: KmsKey) => ({ encryption: { type: 'KMS', status: 'ENABLED', kmsKeyArn: key.arn } });

type Case = { name: string; tables: DynamoTable[]; params?: { requireCustomerManagedKey: boolean }; failed?: Failure[]; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  {
    name: 'customer-managed key',
    tables: [dynamoTable('coupons', { details: kms(cmk) })],
    expected: [{ status: 'pass', arn: arn('coupons'), evidence: { encryption: 'KMS', status: 'ENABLED', kmsKeyArn: cmk.arn, keyManager: 'CUSTOMER' } }],
  },
  { name: 'aws/dynamodb passes by default ...', tables: [dynamoTable('coupons', { details: kms(awsKey) })], expected: [{ status: 'pass', arn: arn('coupons') }] },
  { name: '... not when a customer-managed key is required', tables: [dynamoTable('coupons', { details: kms(awsKey) })], params: { requireCustomerManagedKey: true }, expected: [{ status: 'fail', arn: arn('coupons') }] },
  {
    name: 'the AWS owned default key',
    tables: [dynamoTable('shops')],
    expected: [{ status: 'fail', arn: arn('shops'), evidence: { encryption: 'AWS_OWNED', status: null, kmsKeyArn: null, keyManager: null } }],
  },
  { name: 'KMS key inaccessible', tables: [dynamoTable('shops', { details: { encryption: { type: 'KMS', status: 'INACCESSIBLE_ENCRYPTION_CREDENTIALS', kmsKeyArn: cmk.arn } } })], expected: [{ status: 'fail', arn: arn('shops') }] },
  { name: 'table description unreadable', tables: [dynamoTable('x', { details: 'failed' })], expected: [{ status: 'error', arn: arn('x') }] },
  { name: 'ListTables denied', tables: [], failed: ['dynamodb:ListTables'], expected: [{ status: 'error', arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:*` }] },
  { name: 'no table', tables: [], expected: [{ status: 'not_applicable', arn: `arn:aws:dynamodb::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ tables, params, failed, expected }) => {
    const results = runCheck(check, { dynamodbTables: tables, kmsKeys: [cmk, awsKey], ...(failed ? { failed } : {}) }, params);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
