import { describe, expect, it } from 'vitest';
import check from '../../src/checks/s3-account-public-access-block.js';
import type { Status } from '../../src/checks/types.js';
import type { PublicAccessBlockSettings } from '../../src/inventory/types.js';
import { ACCOUNT, ALL_BLOCKED, accountPublicAccessBlock, runCheck, type Failure } from '../helpers/check-harness.js';

const ARN = `arn:aws:s3:::account/${ACCOUNT}/public-access-block`;
const ALL_OFF = ['blockPublicAcls', 'blockPublicPolicy', 'ignorePublicAcls', 'restrictPublicBuckets'];

const denied = {
  failedCalls: [
    {
      call: 's3control:GetPublicAccessBlock',
      region: 'global',
      code: 'AccessDenied',
      message: 'User is not authorized to perform: s3control:GetPublicAccessBlock',
      requiredPermission: 's3:GetAccountPublicAccessBlock',
    },
  ],
};

type Case = {
  name: string;
  settings: PublicAccessBlockSettings | null | 'failed';
  regions?: string[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown };
};

const cases: Case[] = [
  { name: 'all four on', settings: ALL_BLOCKED, expected: { status: 'pass', arn: ARN, evidence: { settings: ALL_BLOCKED } } },
  {
    name: 'all four on, global-only snapshot: still one result',
    settings: ALL_BLOCKED,
    regions: [],
    expected: { status: 'pass', arn: ARN, evidence: { settings: ALL_BLOCKED } },
  },
  {
    name: 'never configured',
    settings: null,
    expected: { status: 'fail', arn: ARN, evidence: { settings: null, settingsOff: ALL_OFF } },
  },
  {
    name: 'policies blocked, ACLs not',
    settings: { ...ALL_BLOCKED, blockPublicAcls: false, ignorePublicAcls: false },
    expected: {
      status: 'fail',
      arn: ARN,
      evidence: {
        settings: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: true },
        settingsOff: ['blockPublicAcls', 'ignorePublicAcls'],
      },
    },
  },
  {
    name: 'only restrictPublicBuckets off',
    settings: { ...ALL_BLOCKED, restrictPublicBuckets: false },
    expected: {
      status: 'fail',
      arn: ARN,
      evidence: { settings: { ...ALL_BLOCKED, restrictPublicBuckets: false }, settingsOff: ['restrictPublicBuckets'] },
    },
  },
  {
    name: 'setting unreadable (per the inventory)',
    settings: 'failed',
    expected: { status: 'error', arn: ARN, evidence: denied },
  },
  {
    name: 'GetPublicAccessBlock denied: the runner makes it error, not pass',
    settings: 'failed',
    failed: ['s3control:GetPublicAccessBlock'],
    expected: { status: 'error', arn: ARN, evidence: denied },
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ settings, regions, failed, expected }) => {
    const results = runCheck(check, {
      s3AccountPublicAccessBlock: accountPublicAccessBlock(settings),
      ...(regions ? { regions } : {}),
      ...(failed ? { failed } : {}),
    });
    expect(results.map((r) => [r.status, r.resource.arn, r.resource.region])).toEqual([[expected.status, expected.arn, 'global']]);
    if (expected.evidence !== undefined) expect(results[0]?.evidence).toEqual(expected.evidence);
  });

  it('names the account in one sentence', () => {
    const [r] = runCheck(check, { s3AccountPublicAccessBlock: accountPublicAccessBlock({ ...ALL_BLOCKED, blockPublicPolicy: false }) });
    expect(r?.message).toBe(`Account ${ACCOUNT} has S3 Block Public Access setting blockPublicPolicy off.`);
  });

  // The account setting always exists as a resource, so the check is never "nothing in scope".
  it('is never not_applicable: the account setting is always in scope', () => {
    const results = runCheck(check, {});
    expect(results.map((r) => r.status)).toEqual(['fail']);
  });
});
