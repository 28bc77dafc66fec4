import { describe, expect, it } from 'vitest';
import check from '../../src/checks/ec2-sg-no-public-admin-ports.js';
import { prefixListRule, rule, runCheck, sg } from '../helpers/check-harness.js';

type Case = {
  name: string;
  group: ReturnType<typeof sg>;
  params?: { ports?: number[]; ipFamilies?: ('ipv4' | 'ipv6')[]; broaderThan?: number };
  status: 'pass' | 'fail' | 'error';
  evidence?: unknown;
};

const cases: Case[] = [
  { name: 'ssh from a private range', group: sg(rule('tcp', 22, 22, '10.0.0.0/8')), status: 'pass' },
  { name: 'https from anywhere', group: sg(rule('tcp', 443, 443, '0.0.0.0/0')), status: 'pass' },
  { name: 'ssh from another security group', group: sg(rule('tcp', 22, 22, 'sg-0bastion')), status: 'pass' },
  { name: 'icmp from anywhere', group: sg(rule('icmp', -1, -1, '0.0.0.0/0')), status: 'pass' },
  {
    name: 'ssh from anywhere',
    group: sg(rule('tcp', 22, 22, '0.0.0.0/0')),
    status: 'fail',
    evidence: { openRules: [{ protocol: 'tcp', ports: '22', source: '0.0.0.0/0' }], exposedPorts: [22] },
  },
  {
    name: 'range covering 3389, IPv6',
    group: sg(rule('tcp', 3000, 4000, '::/0')),
    status: 'fail',
    evidence: { openRules: [{ protocol: 'tcp', ports: '3000-4000', source: '::/0' }], exposedPorts: [3389] },
  },
  {
    name: 'all protocols',
    group: sg(rule('-1', undefined, undefined, '0.0.0.0/0')),
    status: 'fail',
    evidence: { openRules: [{ protocol: '-1', ports: 'all', source: '0.0.0.0/0' }], exposedPorts: [22, 3389] },
  },
  {
    name: 'prefix list that contains 0.0.0.0/0',
    group: sg(prefixListRule('tcp', 22, 22, 'pl-0open', ['0.0.0.0/0', '10.0.0.0/8'])),
    status: 'fail',
    evidence: { openRules: [{ protocol: 'tcp', ports: '22', source: '0.0.0.0/0 (via pl-0open)' }], exposedPorts: [22] },
  },
  { name: 'prefix list of office ranges', group: sg(prefixListRule('tcp', 22, 22, 'pl-0office', ['203.0.113.0/24'])), status: 'pass' },
  { name: 'prefix list whose entries could not be read', group: sg(prefixListRule('tcp', 22, 22, 'pl-0unknown', 'failed')), status: 'error' },
  { name: 'ports param narrows', group: sg(rule('tcp', 22, 22, '0.0.0.0/0')), params: { ports: [3389] }, status: 'pass' },
  // CIS AWS 6.3 (0.0.0.0/0) and 6.4 (::/0) are judged apart (issue 11): a ::/0-only rule must not fail 6.3.
  { name: 'ipFamilies ipv4: ssh from ::/0 only is not judged', group: sg(rule('tcp', 22, 22, '::/0')), params: { ipFamilies: ['ipv4'] }, status: 'pass' },
  {
    name: 'ipFamilies ipv4: ssh from 0.0.0.0/0 and ::/0 reports the IPv4 source only',
    group: sg(rule('tcp', 22, 22, '0.0.0.0/0'), rule('tcp', 22, 22, '::/0')),
    params: { ipFamilies: ['ipv4'] },
    status: 'fail',
    evidence: { openRules: [{ protocol: 'tcp', ports: '22', source: '0.0.0.0/0' }], exposedPorts: [22] },
  },
  {
    name: 'ipFamilies ipv6: a prefix list holding ::/0',
    group: sg(prefixListRule('tcp', 3389, 3389, 'pl-0v6', ['::/0'])),
    params: { ipFamilies: ['ipv6'] },
    status: 'fail',
    evidence: { openRules: [{ protocol: 'tcp', ports: '3389', source: '::/0 (via pl-0v6)' }], exposedPorts: [3389] },
  },
  // Issue 12: "anywhere" was /0 only, so these passed before the fix.
  {
    name: 'ssh from 0.0.0.0/1 and 128.0.0.0/1 (the internet in two halves)',
    group: sg(rule('tcp', 22, 22, '0.0.0.0/1'), rule('tcp', 22, 22, '128.0.0.0/1')),
    status: 'fail',
    evidence: {
      openRules: [
        { protocol: 'tcp', ports: '22', source: '0.0.0.0/1 (public range broader than /8)' },
        { protocol: 'tcp', ports: '22', source: '128.0.0.0/1 (public range broader than /8)' },
      ],
      exposedPorts: [22],
    },
  },
  {
    name: 'rdp from 2000::/3 (all global unicast IPv6)',
    group: sg(rule('tcp', 3389, 3389, '2000::/3')),
    status: 'fail',
    evidence: { openRules: [{ protocol: 'tcp', ports: '3389', source: '2000::/3 (public range broader than /8)' }], exposedPorts: [3389] },
  },
  {
    name: '10.0.0.0/7 reaches past RFC 1918 into 11.0.0.0/8',
    group: sg(rule('tcp', 22, 22, '10.0.0.0/7')),
    status: 'fail',
    evidence: { openRules: [{ protocol: 'tcp', ports: '22', source: '10.0.0.0/7 (public range broader than /8)' }], exposedPorts: [22] },
  },
  {
    name: 'a prefix list holding 64.0.0.0/2',
    group: sg(prefixListRule('tcp', 22, 22, 'pl-0wide', ['64.0.0.0/2'])),
    status: 'fail',
    evidence: { openRules: [{ protocol: 'tcp', ports: '22', source: '64.0.0.0/2 (via pl-0wide; public range broader than /8)' }], exposedPorts: [22] },
  },
  { name: 'a public /8 is not broader than /8', group: sg(rule('tcp', 22, 22, '3.0.0.0/8')), status: 'pass' },
  { name: 'ssh from unique-local IPv6 fc00::/7', group: sg(rule('tcp', 22, 22, 'fc00::/7')), status: 'pass' },
  { name: 'ssh from link-local fe80::/10', group: sg(rule('tcp', 22, 22, 'fe80::/10')), status: 'pass' },
  { name: 'broaderThan 16 catches a public /12', group: sg(rule('tcp', 22, 22, '52.0.0.0/12')), params: { broaderThan: 16 }, status: 'fail' },
  { name: 'broaderThan 16 leaves 172.16.0.0/12 (RFC 1918) alone', group: sg(rule('tcp', 22, 22, '172.16.0.0/12')), params: { broaderThan: 16 }, status: 'pass' },
  { name: 'broaderThan 16 leaves CGNAT 100.64.0.0/10 alone', group: sg(rule('tcp', 22, 22, '100.64.0.0/10')), params: { broaderThan: 16 }, status: 'pass' },
  { name: 'broaderThan 1 counts /0 only', group: sg(rule('tcp', 22, 22, '0.0.0.0/1')), params: { broaderThan: 1 }, status: 'pass' },
  {
    name: 'ipFamilies ipv4: a broad IPv6 range is not judged',
    group: sg(rule('tcp', 22, 22, '2000::/3')),
    params: { ipFamilies: ['ipv4'] },
    status: 'pass',
  },
  { name: 'ipFamilies ipv6: ssh from 0.0.0.0/0 only is not judged', group: sg(rule('tcp', 22, 22, '0.0.0.0/0')), params: { ipFamilies: ['ipv6'] }, status: 'pass' },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ group, params, status, evidence }) => {
    const results = runCheck(check, { securityGroups: [group] }, params);
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe(status);
    expect(results[0]?.resource.arn).toBe(group.arn);
    // A failing group with no interface is not reachable from the internet (the reachability evidence says so).
    if (evidence) expect(results[0]?.evidence).toEqual(status === 'fail' ? { ...(evidence as object), reachableFromInternet: false, reachability: `no network interface uses ${group.id}` } : evidence);
  });

  it('is error, not pass, when DescribeSecurityGroups was denied', () => {
    const results = runCheck(check, { securityGroups: [], failed: ['ec2:DescribeSecurityGroups'] });
    expect(results.map((r) => r.status)).toEqual(['error']);
    expect(results[0]?.evidence).toMatchObject({ failedCalls: [{ call: 'ec2:DescribeSecurityGroups', code: 'AccessDenied' }] });
  });

  it('names the family judged in the pass message when narrowed', () => {
    const [r] = runCheck(check, { securityGroups: [sg(rule('tcp', 22, 22, '::/0'))] }, { ipFamilies: ['ipv4'] });
    expect(r?.message).toMatch(/admits no internet traffic from 0\.0\.0\.0\/0 to ports 22, 3389$/);
  });

  it('is not_applicable when the account has no security groups', () => {
    const results = runCheck(check, { securityGroups: [] });
    expect(results.map((r) => r.status)).toEqual(['not_applicable']);
  });
});
