import { describe, expect, it } from 'vitest';
import check from '../../src/checks/efs-file-system-encrypted.js';
import type { Status } from '../../src/checks/types.js';
import type { EfsFileSystem } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, runCheck, type Failure } from '../helpers/check-harness.js';
import { efsFileSystem } from '../helpers/data-stores.js';

const arn = (id: string) => `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/${id}`;
type Case = { name: string; fss: EfsFileSystem[]; failed?: Failure[]; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  { name: 'encrypted', fss: [efsFileSystem('fs-1', { kmsKeyId: 'arn:aws:kms:ap-south-1:123456789012:key/k' })], expected: [{ status: 'pass', arn: arn('fs-1'), evidence: { encrypted: true, kmsKeyId: 'arn:aws:kms:ap-south-1:123456789012:key/k' } }] },
  { name: 'not encrypted', fss: [efsFileSystem('fs-2', { encrypted: false })], expected: [{ status: 'fail', arn: arn('fs-2'), evidence: { encrypted: false, kmsKeyId: null } }] },
  { name: 'DescribeFileSystems denied', fss: [], failed: ['efs:DescribeFileSystems'], expected: [{ status: 'error', arn: `arn:aws:efs:${REGION}:${ACCOUNT}:*` }] },
  { name: 'no file system', fss: [], expected: [{ status: 'not_applicable', arn: `arn:aws:efs::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ fss, failed, expected }) => {
    const results = runCheck(check, { efsFileSystems: fss, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
