import { describe, expect, it } from 'vitest';
import check from '../../src/checks/logs-log-group-kms-encrypted.js';
import type { Status } from '../../src/checks/types.js';
import type { LogGroup } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, runCheck, type Failure } from '../helpers/check-harness.js';
import { logGroup } from '../helpers/data-stores.js';

const arn = (n: string) => `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${n}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1111`;

type Case = { name: string; groups: LogGroup[]; failed?: Failure[]; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  { name: 'KMS key associated', groups: [logGroup('/trail', { kmsKeyId: KEY })], expected: [{ status: 'pass', arn: arn('/trail'), evidence: { kmsKeyId: KEY } }] },
  { name: 'service encryption only', groups: [logGroup('/app')], expected: [{ status: 'fail', arn: arn('/app'), evidence: { kmsKeyId: null } }] },
  { name: 'DescribeLogGroups denied', groups: [], failed: ['logs:DescribeLogGroups'], expected: [{ status: 'error', arn: `arn:aws:logs:${REGION}:${ACCOUNT}:*` }] },
  { name: 'no log group', groups: [], expected: [{ status: 'not_applicable', arn: `arn:aws:logs::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ groups, failed, expected }) => {
    const results = runCheck(check, { logGroups: groups, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
