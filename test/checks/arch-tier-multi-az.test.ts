import { describe, expect, it } from 'vitest';
import check from '../../src/checks/arch-tier-multi-az.js';
import { runCheck } from '../../src/checks/run.js';
import { ACCOUNT, REGION } from '../helpers/check-harness.js';
import { profile, threeTiers } from '../helpers/arch.js';

const tier = (name: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:architecture-tier/${name}`;

describe('arch-tier-multi-az', () => {
  it('passes a tier in its minimum of zones, fails one in fewer, and leaves one without a minimum out', () => {
    const results = runCheck(check, threeTiers().inventory({ architecture: profile() }), {});
    expect(results.map((x) => [x.resource.arn, x.status, x.evidence['availabilityZones']])).toEqual([
      [tier('app'), 'fail', ['ap-south-1a']],
      [tier('db'), 'not_applicable', ['ap-south-1a']],
      [tier('dmz'), 'pass', ['ap-south-1a', 'ap-south-1b']],
    ]);
  });

  it('is error when the subnets could not be read', () => {
    expect(runCheck(check, threeTiers().inventory({ architecture: profile(), failed: ['ec2:DescribeSubnets'] }), {}).every((x) => x.status === 'error')).toBe(true);
  });
});
