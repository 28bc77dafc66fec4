import { describe, expect, it } from 'vitest';
import check from '../../src/checks/ec2-ami-not-public.js';
import type { Status } from '../../src/checks/types.js';
import type { Image } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, image, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (id: string) => `arn:aws:ec2:${REGION}::image/${id}`;

type Case = {
  name: string;
  images: Image[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  { name: 'private AMI', images: [image('ami-private', false)], expected: [{ status: 'pass', arn: arn('ami-private'), evidence: { public: false } }] },
  { name: 'public AMI', images: [image('ami-public', true)], expected: [{ status: 'fail', arn: arn('ami-public'), evidence: { public: true } }] },
  {
    name: 'one result per AMI',
    images: [image('ami-b', true), image('ami-a', false)],
    expected: [
      { status: 'pass', arn: arn('ami-a') },
      { status: 'fail', arn: arn('ami-b') },
    ],
  },
  {
    name: 'DescribeImages denied',
    images: [],
    failed: ['ec2:DescribeImages'],
    expected: [{ status: 'error', arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:*` }],
  },
  { name: 'no own AMIs: nothing in scope', images: [], expected: [{ status: 'not_applicable', arn: `arn:aws:ec2::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ images, failed, expected }) => {
    const results = runCheck(check, { images, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
