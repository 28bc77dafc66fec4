import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/inventory/build.js';
import { emptySnapshot, SNAP_ACCOUNT } from '../helpers/snapshot.js';

// Recorded shapes, as `aws ec2 describe-security-groups --output json` prints them.
const WEB_SG = {
  Description: 'web tier',
  GroupName: 'web-sg',
  GroupId: 'sg-0a1b2c3d4e5f60718',
  OwnerId: SNAP_ACCOUNT,
  VpcId: 'vpc-0123456789abcdef0',
  IpPermissions: [
    {
      FromPort: 443,
      IpProtocol: 'tcp',
      IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'https' }],
      Ipv6Ranges: [{ CidrIpv6: '::/0' }],
      PrefixListIds: [],
      ToPort: 443,
      UserIdGroupPairs: [],
    },
    {
      FromPort: 22,
      IpProtocol: 'tcp',
      IpRanges: [],
      Ipv6Ranges: [],
      PrefixListIds: [{ PrefixListId: 'pl-0office0000000000' }],
      ToPort: 22,
      UserIdGroupPairs: [{ GroupId: 'sg-0bastion000000000', UserId: SNAP_ACCOUNT }],
    },
  ],
  IpPermissionsEgress: [
    { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
  ],
  Tags: [{ Key: 'Name', Value: 'web' }],
};

describe('EC2 adapter', () => {
  it('expands each permission into one rule per peer, keeping ingress and egress apart', () => {
    const snap = emptySnapshot();
    snap.regions['ap-south-1']!.calls['ec2:DescribeSecurityGroups'] = { SecurityGroups: [WEB_SG] };
    snap.regions['ap-south-1']!.perResource['ec2:GetManagedPrefixListEntries'] = {
      'pl-0office0000000000': { Entries: [{ Cidr: '203.0.113.0/24', Description: 'office' }] },
    };
    const [sg] = buildInventory(snap).securityGroups;
    expect(sg?.arn).toBe(`arn:aws:ec2:ap-south-1:${SNAP_ACCOUNT}:security-group/sg-0a1b2c3d4e5f60718`);
    expect(sg?.name).toBe('web');
    expect(sg?.ingress).toEqual([
      { direction: 'ingress', protocol: 'tcp', fromPort: 443, toPort: 443, peer: { kind: 'cidr4', value: '0.0.0.0/0' }, description: 'https' },
      { direction: 'ingress', protocol: 'tcp', fromPort: 443, toPort: 443, peer: { kind: 'cidr6', value: '::/0' } },
      {
        direction: 'ingress',
        protocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        peer: { kind: 'prefixList', value: 'pl-0office0000000000', cidrs: { ok: true, value: ['203.0.113.0/24'] } },
      },
      { direction: 'ingress', protocol: 'tcp', fromPort: 22, toPort: 22, peer: { kind: 'securityGroup', value: 'sg-0bastion000000000' } },
    ]);
    // Egress comes from IpPermissionsEgress, never from ingress (defsec's old bug).
    expect(sg?.egress).toEqual([{ direction: 'egress', protocol: '-1', peer: { kind: 'cidr4', value: '0.0.0.0/0' } }]);
  });

  it('marks a prefix list whose entries were not collected as unknown, not empty', () => {
    const snap = emptySnapshot();
    snap.regions['ap-south-1']!.calls['ec2:DescribeSecurityGroups'] = { SecurityGroups: [WEB_SG] };
    const rule = buildInventory(snap).securityGroups[0]?.ingress[2];
    expect(rule?.peer).toMatchObject({ kind: 'prefixList', cidrs: { ok: false, error: { code: 'NotCollected' } } });
  });

  it('keeps NACL entries sorted by rule number with ports, protocol and IPv6, and links subnets to their NACL and route table', () => {
    const snap = emptySnapshot();
    const calls = snap.regions['ap-south-1']!.calls;
    calls['ec2:DescribeNetworkAcls'] = {
      NetworkAcls: [
        {
          Associations: [{ NetworkAclAssociationId: 'aclassoc-1', NetworkAclId: 'acl-01', SubnetId: 'subnet-db' }],
          Entries: [
            { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
            { CidrBlock: '0.0.0.0/0', Egress: false, PortRange: { From: 1433, To: 1433 }, Protocol: '6', RuleAction: 'allow', RuleNumber: 200 },
            { Ipv6CidrBlock: '::/0', Egress: false, PortRange: { From: 22, To: 22 }, Protocol: '6', RuleAction: 'deny', RuleNumber: 100 },
            { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
          ],
          IsDefault: false,
          NetworkAclId: 'acl-01',
          Tags: [],
          VpcId: 'vpc-01',
          OwnerId: SNAP_ACCOUNT,
        },
      ],
    };
    calls['ec2:DescribeSubnets'] = {
      Subnets: [
        { SubnetId: 'subnet-db', VpcId: 'vpc-01', CidrBlock: '10.0.3.0/24', AvailabilityZone: 'ap-south-1a', MapPublicIpOnLaunch: false },
        { SubnetId: 'subnet-web', VpcId: 'vpc-01', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'ap-south-1b', MapPublicIpOnLaunch: true },
      ],
    };
    calls['ec2:DescribeRouteTables'] = {
      RouteTables: [
        {
          RouteTableId: 'rtb-main',
          VpcId: 'vpc-01',
          Associations: [{ Main: true, RouteTableId: 'rtb-main', RouteTableAssociationId: 'rtbassoc-1' }],
          Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' }],
        },
        {
          RouteTableId: 'rtb-public',
          VpcId: 'vpc-01',
          Associations: [{ Main: false, RouteTableId: 'rtb-public', SubnetId: 'subnet-web' }],
          Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-01', State: 'active', Origin: 'CreateRoute' }],
        },
      ],
    };
    const inv = buildInventory(snap);
    expect(inv.networkAcls[0]?.entries.map((e) => [e.ruleNumber, e.egress, e.action, e.protocol, e.cidr, e.ipv6, e.portRange])).toEqual([
      [100, false, 'deny', '6', '::/0', true, { from: 22, to: 22 }],
      [100, true, 'allow', '-1', '0.0.0.0/0', false, undefined],
      [200, false, 'allow', '6', '0.0.0.0/0', false, { from: 1433, to: 1433 }],
      [32767, false, 'deny', '-1', '0.0.0.0/0', false, undefined],
    ]);
    const subnets = Object.fromEntries(inv.subnets.map((s) => [s.id, s]));
    expect(subnets['subnet-db']).toMatchObject({ networkAclId: 'acl-01', routeTableId: 'rtb-main', availabilityZone: 'ap-south-1a' });
    expect(subnets['subnet-web']).toMatchObject({ routeTableId: 'rtb-public', mapPublicIpOnLaunch: true });
    expect(inv.routeTables.find((t) => t.id === 'rtb-public')?.routes).toEqual([{ destination: '0.0.0.0/0', target: 'igw-01', state: 'active' }]);
  });

  it('reads the EBS default-encryption setting per region, and records a failed call', () => {
    const snap = emptySnapshot(['ap-south-1', 'ap-south-2']);
    snap.regions['ap-south-1']!.calls['ec2:GetEbsEncryptionByDefault'] = { EbsEncryptionByDefault: false, SseType: 'sse-ebs' };
    delete snap.regions['ap-south-2']!.calls['ec2:GetEbsEncryptionByDefault'];
    snap.errors.push({ service: 'ec2', operation: 'GetEbsEncryptionByDefault', region: 'ap-south-2', code: 'UnauthorizedOperation', message: 'denied' });
    const inv = buildInventory(snap);
    expect(inv.ebsEncryptionByDefault.map((e) => [e.region, e.enabled.ok, e.enabled.ok && e.enabled.value])).toEqual([
      ['ap-south-1', true, false],
      ['ap-south-2', false, false],
    ]);
    expect(inv.failures.get('ec2:GetEbsEncryptionByDefault')?.get('ap-south-2')?.code).toBe('UnauthorizedOperation');
  });
});
