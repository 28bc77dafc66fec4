import { describe, expect, it } from 'vitest';
import check from '../../src/checks/arch-declared-flows-open.js';
import { runCheck } from '../../src/checks/run.js';
import { ACCOUNT, REGION } from '../helpers/check-harness.js';
import { profile, threeTiers } from '../helpers/arch.js';

const flow = (from: string, to: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:tier-flow/${from}/${to}`;

describe('arch-declared-flows-open', () => {
  it('reports a declared port that cannot get through as information, with the layer that stops it', () => {
    const results = runCheck(check, threeTiers().inventory({ architecture: profile() }), {});
    expect(check.severity).toBe('info');
    expect(results.map((x) => [x.resource.arn, x.status])).toEqual([
      [flow('app', 'db'), 'fail'],
      [flow('dmz', 'app'), 'pass'],
      [flow('internet', 'dmz'), 'pass'],
    ]);
    const blocked = results[0]!;
    expect(blocked.evidence['blocked']).toEqual({ tcp: '6379' });
    expect(blocked.evidence['why']).toEqual([{ protocol: 'tcp', port: 6379, reason: 'from eni-app to eni-db: no ingress rule of sg-db admits tcp 6379 from eni-app (10.0.10.10)' }]);
  });

  it('names the NACL entry when the network, not the groups, stops a declared flow', () => {
    const net = threeTiers();
    const acl = net.networkAcls.find((a) => a.id === 'acl-app1')!;
    acl.entries.unshift({ ruleNumber: 50, action: 'deny', protocol: '6', portRange: { from: 8080, to: 8080 }, cidr: '0.0.0.0/0', ipv6: false, egress: false });
    const r = runCheck(check, net.inventory({ architecture: profile() }), {}).find((x) => x.resource.arn === flow('dmz', 'app'))!;
    expect(r.status).toBe('fail');
    expect((r.evidence['why'] as { reason: string }[])[0]!.reason).toMatch(/network ACL acl-app1 of subnet-app1 denies inbound tcp 8080 from 10\.0\.\d\.10 \(rule 50\)/);
  });
});
