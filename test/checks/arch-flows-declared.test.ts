import { describe, expect, it } from 'vitest';
import check from '../../src/checks/arch-flows-declared.js';
import { runCheck } from '../../src/checks/run.js';
import { ACCOUNT, REGION } from '../helpers/check-harness.js';
import { profile, threeTiers } from '../helpers/arch.js';

const flow = (from: string, to: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:tier-flow/${from}/${to}`;

describe('arch-flows-declared', () => {
  it('fails each (source, tier) with undeclared traffic, with its severity, ports and path; passes the rest', () => {
    const results = runCheck(check, threeTiers().inventory({ architecture: profile() }), {});
    const failing = results.filter((x) => x.status === 'fail').map((x) => [x.resource.arn, x.severity, (x.evidence['undeclared'] as object)]);
    // SSH from 0.0.0.0/0 on the app server: the DMZ's and the database's interfaces reach it (internal tier, admin port: high).
    expect(failing).toEqual([
      [flow('db', 'app'), 'high', { tcp: '22' }],
      [flow('dmz', 'app'), 'high', { tcp: '22' }],
    ]);
    const dmzApp = results.find((x) => x.resource.arn === flow('dmz', 'app'))!;
    const [dest] = dmzApp.evidence['destinations'] as { networkInterface: string; paths: { securityGroups: { group: string }[]; nacl: unknown[] }[] }[];
    expect(dest!.networkInterface).toBe('eni-app');
    expect(dest!.paths[0]!.securityGroups.map((g) => g.group)).toContain('sg-app');
    expect(dest!.paths[0]!.nacl.length).toBeGreaterThan(0);
    // The internet reaches only the DMZ's 443: declared, a pass; nothing from the internet reaches the app.
    expect(results.find((x) => x.resource.arn === flow('internet', 'dmz'))!.status).toBe('pass');
    expect(results.find((x) => x.resource.arn === flow('internet', 'app'))!.status).toBe('pass');
  });

  it('gives critical to an undeclared admin port from the internet into a restricted tier', () => {
    const net = threeTiers();
    net.securityGroups.find((g) => g.id === 'sg-db')!.ingress.push({ direction: 'ingress', protocol: 'tcp', fromPort: 22, toPort: 22, peer: { kind: 'cidr4', value: '0.0.0.0/0' } });
    net.routeTables.find((t) => t.id === 'rtb-db1')!.routes.push({ destination: '0.0.0.0/1', target: 'igw-a', state: 'active' });
    net.networkInterfaces.find((e) => e.id === 'eni-db')!.publicIpv4.push('13.200.0.20');
    const r = runCheck(check, net.inventory({ architecture: profile() }), {}).find((x) => x.resource.arn === flow('internet', 'db'))!;
    expect([r.status, r.severity, r.evidence['undeclared']]).toEqual(['fail', 'critical', { tcp: '22' }]);
  });

  it('is error, never pass, when the interfaces could not be read', () => {
    const results = runCheck(check, threeTiers().inventory({ architecture: profile(), failed: ['ec2:DescribeNetworkInterfaces'] }), {});
    expect(new Set(results.map((x) => x.status))).toEqual(new Set(['error']));
  });

  it('is not run without a profile (needsArchitecture), and says so if run', () => {
    expect(check.needsArchitecture).toBe(true);
    expect(runCheck(check, threeTiers().inventory(), {}).map((x) => x.status)).toEqual(['not_applicable']);
  });
});
