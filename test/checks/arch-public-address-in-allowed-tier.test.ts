import { describe, expect, it } from 'vitest';
import check from '../../src/checks/arch-public-address-in-allowed-tier.js';
import { runCheck } from '../../src/checks/run.js';
import { profile, threeTiers } from '../helpers/arch.js';

describe('arch-public-address-in-allowed-tier', () => {
  it('passes public addresses in a tier that may hold them, fails one in a private tier or in no tier', () => {
    const net = threeTiers().subnet('subnet-odd', 'vpc-a', '10.0.99.0/24', ['0.0.0.0/0>igw-a']);
    net.networkInterfaces.find((e) => e.id === 'eni-app')!.publicIpv4.push('13.200.0.30');
    net.eni('eni-odd', { subnet: 'subnet-odd', ip: '10.0.99.5', publicIp: '13.200.0.31' });
    const results = runCheck(check, net.inventory({ architecture: profile() }), {});
    expect(results.map((x) => [x.resource.id, x.status, x.evidence['tier']])).toEqual([
      ['eni-app', 'fail', 'app'],
      ['eni-lb1', 'pass', 'dmz'],
      ['eni-lb2', 'pass', 'dmz'],
      ['eni-odd', 'fail', null],
    ]);
  });
});
