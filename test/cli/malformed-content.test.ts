/**
 * A snapshot whose envelope is right but that holds an answer AWS could not
 * have sent is not bad input (exit 2): it is what a collection received. The
 * answer, or the one record, is unreadable: its checks say `error` naming the
 * JSON path and what was expected, the report lists it with the failed calls,
 * the rest of the account is scanned, and the scan exits 3 (incomplete).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTemp } from '../helpers/cli.js';
import { emptySnapshot } from '../helpers/snapshot.js';

type Snap = ReturnType<typeof emptySnapshot>;
interface Report {
  complete: boolean;
  callErrors: { service: string; operation: string; code: string; path?: string; expected?: string }[];
  evaluations: { checkId: string; results: { status: string; resource: { id: string }; evidence: { failedCalls?: { path?: string; expected?: string }[] } }[] }[];
}

async function scan(edit: (s: Snap) => void): Promise<{ code: number; stderr: string; report: Report }> {
  const s = emptySnapshot();
  edit(s);
  const dir = tempDir();
  const file = writeTemp(dir, 's.json', JSON.stringify(s));
  const run = await runCli(['scan', '--snapshot', file, '--format', 'json', '--output', `${dir}/r.json`, '--framework', 'pci-dss-v4']);
  return { code: run.code, stderr: run.stderr, report: JSON.parse(readFileSync(`${dir}/r.json`, 'utf8')) as Report };
}

const sg = (id: string, ingress: object[]) => ({ GroupId: id, GroupName: id, VpcId: 'vpc-1', IpPermissions: ingress, IpPermissionsEgress: [] });
const ssh = (cidr: string) => ({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: cidr }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] });

describe('malformed answers inside a snapshot', () => {
  it('a list that is not a list makes the operation unreadable in that region: error results naming the path, exit 3', async () => {
    const { code, report } = await scan((s) => {
      s.regions['ap-south-1']!.calls['ec2:DescribeSecurityGroups'] = { SecurityGroups: 'sg-1' };
    });
    expect(code).toBe(3);
    expect(report.complete).toBe(false);
    const path = '/regions/ap-south-1/calls/ec2:DescribeSecurityGroups/SecurityGroups';
    expect(report.callErrors).toContainEqual(expect.objectContaining({ code: 'MalformedResponse', path, expected: 'a list' }));
    const results = report.evaluations.find((e) => e.checkId === 'ec2-sg-no-public-admin-ports')!.results;
    expect(results.map((r) => r.status)).toEqual(['error']);
    expect(results[0]!.evidence.failedCalls![0]).toMatchObject({ path, expected: 'a list' });
  });

  it('one bad record is unreadable on its own: the others are judged, the bad one is error, never gone', async () => {
    const { code, report } = await scan((s) => {
      s.regions['ap-south-1']!.calls['ec2:DescribeSecurityGroups'] = {
        SecurityGroups: [sg('sg-open', [ssh('0.0.0.0/0')]), sg('sg-bad', [ssh('10.0.0.0/33')]), sg('sg-ok', [ssh('10.0.0.0/8')])],
      };
    });
    expect(code).toBe(3);
    const results = report.evaluations.find((e) => e.checkId === 'ec2-sg-no-public-admin-ports')!.results;
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([
      ['sg-bad', 'error'],
      ['sg-ok', 'pass'],
      ['sg-open', 'fail'],
    ]);
    expect(results[0]!.evidence.failedCalls![0]).toMatchObject({
      path: '/regions/ap-south-1/calls/ec2:DescribeSecurityGroups/SecurityGroups/1/IpPermissions/0/IpRanges/0/CidrIp',
      expected: 'an IPv4 CIDR block',
    });
  });

  it('a NACL rule action AWS cannot send is unreadable, not taken as deny', async () => {
    const { code, report } = await scan((s) => {
      s.regions['ap-south-1']!.calls['ec2:DescribeNetworkAcls'] = {
        NetworkAcls: [{ NetworkAclId: 'acl-1', VpcId: 'vpc-1', Associations: [{ NetworkAclAssociationId: 'aclassoc-1', NetworkAclId: 'acl-1', SubnetId: 'subnet-1' }], Entries: [{ RuleNumber: 100, Protocol: '6', RuleAction: 'permit', Egress: false, CidrBlock: '0.0.0.0/0' }] }],
      };
    });
    expect(code).toBe(3);
    expect(report.callErrors).toContainEqual(
      expect.objectContaining({ path: '/regions/ap-south-1/calls/ec2:DescribeNetworkAcls/NetworkAcls/0/Entries/0/RuleAction', expected: '"allow" or "deny"' }),
    );
    const results = report.evaluations.find((e) => e.checkId === 'ec2-nacl-no-public-admin-ports')!.results;
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([['acl-1', 'error']]);
  });

  it('a credential report without its columns makes every IAM user check error, and the scan goes on', async () => {
    const { code, stderr, report } = await scan((s) => {
      s.global.calls['iam:GetCredentialReport'] = { Content: Buffer.from('a,b\n1,2\n').toString('base64') };
    });
    expect(code).toBe(3);
    expect(report.callErrors).toContainEqual(expect.objectContaining({ code: 'MalformedResponse', path: '/global/calls/iam:GetCredentialReport/Content' }));
    expect(report.callErrors.find((e) => e.path === '/global/calls/iam:GetCredentialReport/Content')!.expected).toMatch(/missing: user/);
    expect(report.evaluations.find((e) => e.checkId === 'iam-user-console-mfa')!.results.map((r) => r.status)).toEqual(['error']);
    expect(report.evaluations.find((e) => e.checkId === 'ec2-sg-no-public-admin-ports')!.results.map((r) => r.status)).toEqual(['not_applicable']);
    expect(stderr).toContain('/global/calls/iam:GetCredentialReport/Content');
    expect(stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  });
});
