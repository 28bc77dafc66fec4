/**
 * The reachability engine, table by table: each case a tiny network and the
 * exact traffic that gets through (formatTraffic: `tcp 22, 443; udp 53; icmp`).
 */
import { describe, expect, it } from 'vitest';
import { reachOf, type Reach } from '../../src/reach/engine.js';
import { formatTraffic } from '../../src/reach/ports.js';
import { REGION } from '../helpers/check-harness.js';
import { e, Net, out, r } from '../helpers/network.js';

const eni = (reach: Reach, id: string) => reach.eni(REGION, id)!;
const between = (reach: Reach, s: string, d: string) => formatTraffic(reach.between(eni(reach, s), eni(reach, d)).traffic);
const internet = (reach: Reach, d: string) => formatTraffic(reach.fromInternet(eni(reach, d)).traffic);

/** One VPC, a public subnet (internet gateway) and a private one (NAT), both NACLs open. */
function base(): Net {
  return new Net()
    .vpc('vpc-a', '10.0.0.0/16')
    .igw('igw-a', 'vpc-a')
    .subnet('subnet-pub', 'vpc-a', '10.0.0.0/24', ['0.0.0.0/0>igw-a'])
    .subnet('subnet-prv', 'vpc-a', '10.0.1.0/24', ['0.0.0.0/0>nat-a']);
}

interface Case {
  name: string;
  net: () => Net;
  /** `internet` or a source interface. */
  from: string;
  to: string;
  traffic: string;
}

const cases: Case[] = [
  // --- security-group references -------------------------------------------------------------
  {
    name: 'SG-to-SG reference: the web tier reaches the app port',
    net: () => base().sg('sg-web', 'vpc-a', []).sg('sg-app', 'vpc-a', [r('tcp:8080', 'sg-web')]).eni('eni-web', { subnet: 'subnet-pub', ip: '10.0.0.10', sgs: ['sg-web'] }).eni('eni-app', { subnet: 'subnet-prv', ip: '10.0.1.10', sgs: ['sg-app'] }),
    from: 'eni-web',
    to: 'eni-app',
    traffic: 'tcp 8080',
  },
  {
    name: 'SG-to-SG reference: an interface outside the referenced group reaches nothing',
    net: () => base().sg('sg-web', 'vpc-a', []).sg('sg-other', 'vpc-a', []).sg('sg-app', 'vpc-a', [r('tcp:8080', 'sg-web')]).eni('eni-other', { subnet: 'subnet-pub', ip: '10.0.0.11', sgs: ['sg-other'] }).eni('eni-app', { subnet: 'subnet-prv', ip: '10.0.1.10', sgs: ['sg-app'] }),
    from: 'eni-other',
    to: 'eni-app',
    traffic: 'nothing',
  },
  {
    name: 'SG-to-SG reference: the source group must allow the egress too',
    net: () => base().sg('sg-web', 'vpc-a', [], [out('tcp:443', '0.0.0.0/0')]).sg('sg-app', 'vpc-a', [r('tcp:8080', 'sg-web'), r('tcp:443', 'sg-web')]).eni('eni-web', { subnet: 'subnet-pub', ip: '10.0.0.10', sgs: ['sg-web'] }).eni('eni-app', { subnet: 'subnet-prv', ip: '10.0.1.10', sgs: ['sg-app'] }),
    from: 'eni-web',
    to: 'eni-app',
    traffic: 'tcp 443',
  },
  // --- NACL rule order and ephemeral return ports ---------------------------------------------
  {
    name: 'NACL: a lower-numbered deny takes a port out of a later allow-all',
    net: () =>
      new Net()
        .vpc('vpc-a', '10.0.0.0/16')
        .igw('igw-a', 'vpc-a')
        .subnet('subnet-pub', 'vpc-a', '10.0.0.0/24', ['0.0.0.0/0>igw-a'], { acl: [e('90 deny 6 22 0.0.0.0/0 in'), e('100 allow 6 0-65535 0.0.0.0/0 in'), e('100 allow -1 * 0.0.0.0/0 out')] })
        .sg('sg-open', 'vpc-a', [r('tcp:0-65535', '0.0.0.0/0')])
        .eni('eni-host', { subnet: 'subnet-pub', ip: '10.0.0.10', publicIp: '198.51.100.10', sgs: ['sg-open'] }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'tcp 0-21, 23-65535',
  },
  {
    name: 'NACL: an allow numbered before the deny wins',
    net: () =>
      new Net()
        .vpc('vpc-a', '10.0.0.0/16')
        .igw('igw-a', 'vpc-a')
        .subnet('subnet-pub', 'vpc-a', '10.0.0.0/24', ['0.0.0.0/0>igw-a'], { acl: [e('50 allow 6 22 0.0.0.0/0 in'), e('90 deny 6 0-65535 0.0.0.0/0 in'), e('100 allow -1 * 0.0.0.0/0 out')] })
        .sg('sg-open', 'vpc-a', [r('tcp:0-65535', '0.0.0.0/0')])
        .eni('eni-host', { subnet: 'subnet-pub', ip: '10.0.0.10', publicIp: '198.51.100.10', sgs: ['sg-open'] }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'tcp 22',
  },
  {
    name: 'NACL: without an outbound entry for the ephemeral ports the answer never leaves (stateless)',
    net: () =>
      new Net()
        .vpc('vpc-a', '10.0.0.0/16')
        .igw('igw-a', 'vpc-a')
        .subnet('subnet-pub', 'vpc-a', '10.0.0.0/24', ['0.0.0.0/0>igw-a'], { acl: [e('100 allow 6 443 0.0.0.0/0 in'), e('100 allow 6 443 0.0.0.0/0 out')] })
        .sg('sg-web', 'vpc-a', [r('tcp:443', '0.0.0.0/0')])
        .eni('eni-host', { subnet: 'subnet-pub', ip: '10.0.0.10', publicIp: '198.51.100.10', sgs: ['sg-web'] }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'nothing',
  },
  {
    name: 'NACL: outbound 1024-65535 carries the answer back',
    net: () =>
      new Net()
        .vpc('vpc-a', '10.0.0.0/16')
        .igw('igw-a', 'vpc-a')
        .subnet('subnet-pub', 'vpc-a', '10.0.0.0/24', ['0.0.0.0/0>igw-a'], { acl: [e('100 allow 6 443 0.0.0.0/0 in'), e('100 allow 6 1024-65535 0.0.0.0/0 out')] })
        .sg('sg-web', 'vpc-a', [r('tcp:443', '0.0.0.0/0'), r('udp:53', '0.0.0.0/0')])
        .eni('eni-host', { subnet: 'subnet-pub', ip: '10.0.0.10', publicIp: '198.51.100.10', sgs: ['sg-web'] }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'tcp 443',
  },
  {
    name: 'NACL: between subnets both ACLs and both directions count',
    net: () =>
      new Net()
        .vpc('vpc-a', '10.0.0.0/16')
        .subnet('subnet-app', 'vpc-a', '10.0.1.0/24', [], { acl: [e('100 allow -1 * 0.0.0.0/0 out'), e('100 allow 6 1024-65535 10.0.0.0/16 in')] })
        .subnet('subnet-db', 'vpc-a', '10.0.2.0/24', [], { acl: [e('100 allow 6 5432 10.0.1.0/24 in'), e('110 allow 6 11211 10.0.1.0/24 in'), e('100 allow 6 32768-65535 10.0.1.0/24 out')] })
        .sg('sg-app', 'vpc-a', [])
        .sg('sg-db', 'vpc-a', [r('tcp:5432', 'sg-app'), r('tcp:6379', 'sg-app')])
        .eni('eni-app', { subnet: 'subnet-app', ip: '10.0.1.10', sgs: ['sg-app'] })
        .eni('eni-db', { subnet: 'subnet-db', ip: '10.0.2.10', sgs: ['sg-db'] }),
    from: 'eni-app',
    to: 'eni-db',
    traffic: 'tcp 5432',
  },
  // --- routes towards the internet ---------------------------------------------------------------
  {
    name: 'a subnet with no internet route: a public address is not enough',
    net: () => new Net().vpc('vpc-a', '10.0.0.0/16').igw('igw-a', 'vpc-a').subnet('subnet-iso', 'vpc-a', '10.0.0.0/24', []).sg('sg-ssh', 'vpc-a', [r('tcp:22', '0.0.0.0/0')]).eni('eni-host', { subnet: 'subnet-iso', ip: '10.0.0.10', publicIp: '198.51.100.10', sgs: ['sg-ssh'] }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'nothing',
  },
  {
    name: 'NAT only: behind a NAT gateway nothing comes in, even with 0.0.0.0/0 on every port',
    net: () => base().sg('sg-all', 'vpc-a', [r('-1', '0.0.0.0/0')]).eni('eni-host', { subnet: 'subnet-prv', ip: '10.0.1.10', sgs: ['sg-all'] }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'nothing',
  },
  {
    name: 'public address, internet-gateway route, open ACL: the rule is the exposure',
    net: () => base().sg('sg-mongo', 'vpc-a', [r('tcp:27017', '0.0.0.0/0'), r('tcp:22', '203.0.113.16/28')]).eni('eni-host', { subnet: 'subnet-pub', ip: '10.0.0.10', publicIp: '198.51.100.10', sgs: ['sg-mongo'] }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'tcp 27017',
  },
  {
    name: 'an internet gateway route but no public address',
    net: () => base().sg('sg-ssh', 'vpc-a', [r('tcp:22', '0.0.0.0/0')]).eni('eni-host', { subnet: 'subnet-pub', ip: '10.0.0.10', sgs: ['sg-ssh'] }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'nothing',
  },
  {
    name: 'a stopped instance is not reachable',
    net: () => base().instance('i-stopped', 'stopped').sg('sg-ssh', 'vpc-a', [r('tcp:22', '0.0.0.0/0')]).eni('eni-host', { subnet: 'subnet-pub', ip: '10.0.0.10', publicIp: '198.51.100.10', sgs: ['sg-ssh'], instance: 'i-stopped' }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'nothing',
  },
  {
    name: 'two /1 halves of the internet are the internet (issue 12)',
    net: () => base().sg('sg-halves', 'vpc-a', [r('tcp:22', '0.0.0.0/1'), r('tcp:22', '128.0.0.0/1'), r('tcp:3389', '203.0.113.0/24')]).eni('eni-host', { subnet: 'subnet-pub', ip: '10.0.0.10', publicIp: '198.51.100.10', sgs: ['sg-halves'] }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'tcp 22',
  },
  // --- IPv6 ----------------------------------------------------------------------------------
  {
    name: 'IPv6 behind an egress-only internet gateway: ::/0 on SSH admits nothing',
    net: () =>
      new Net()
        .vpc('vpc-a', '10.0.0.0/16', { ipv6: '2600:1f18:1:100::/56' })
        .eigw('eigw-a', 'vpc-a')
        .subnet('subnet-v6', 'vpc-a', '10.0.0.0/24', ['::/0>eigw-a', '0.0.0.0/0>nat-a'], { ipv6: '2600:1f18:1:100::/64' })
        .sg('sg-ssh6', 'vpc-a', [r('tcp:22', '::/0')])
        .eni('eni-host', { subnet: 'subnet-v6', ip: '10.0.0.10', ipv6: '2600:1f18:1:100::10', sgs: ['sg-ssh6'] }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'nothing',
  },
  {
    name: 'IPv6 through an internet gateway: ::/0 on SSH admits SSH, 0.0.0.0/0 on 443 without a public IPv4 does not',
    net: () =>
      new Net()
        .vpc('vpc-a', '10.0.0.0/16', { ipv6: '2600:1f18:1:100::/56' })
        .igw('igw-a', 'vpc-a')
        .subnet('subnet-v6', 'vpc-a', '10.0.0.0/24', ['::/0>igw-a', '0.0.0.0/0>igw-a'], { ipv6: '2600:1f18:1:100::/64' })
        .sg('sg-ssh6', 'vpc-a', [r('tcp:22', '::/0'), r('tcp:443', '0.0.0.0/0')])
        .eni('eni-host', { subnet: 'subnet-v6', ip: '10.0.0.10', ipv6: '2600:1f18:1:100::10', sgs: ['sg-ssh6'] }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'tcp 22',
  },
  {
    name: 'an interface without an IPv6 address: ::/0 on SSH reaches nothing',
    net: () =>
      new Net()
        .vpc('vpc-a', '10.0.0.0/16', { ipv6: '2600:1f18:1:100::/56' })
        .igw('igw-a', 'vpc-a')
        .subnet('subnet-v6', 'vpc-a', '10.0.0.0/24', ['::/0>igw-a'], { ipv6: '2600:1f18:1:100::/64' })
        .sg('sg-ssh6', 'vpc-a', [r('tcp:22', '::/0')])
        .eni('eni-host', { subnet: 'subnet-v6', ip: '10.0.0.10', sgs: ['sg-ssh6'] }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'nothing',
  },
  // --- prefix lists --------------------------------------------------------------------------
  {
    name: 'a prefix list of office ranges is not the internet',
    net: () => base().sg('sg-pl', 'vpc-a', [r('tcp:22', 'pl-office', 'ingress', ['203.0.113.0/24', '198.51.100.0/24'])]).eni('eni-host', { subnet: 'subnet-pub', ip: '10.0.0.10', publicIp: '192.0.2.10', sgs: ['sg-pl'] }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'nothing',
  },
  {
    name: 'a prefix list holding 0.0.0.0/0 is the internet',
    net: () => base().sg('sg-pl', 'vpc-a', [r('tcp:1521', 'pl-dr', 'ingress', ['10.60.30.0/24', '0.0.0.0/0'])]).eni('eni-host', { subnet: 'subnet-pub', ip: '10.0.0.10', publicIp: '192.0.2.10', sgs: ['sg-pl'] }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'tcp 1521',
  },
  {
    name: 'a prefix list naming the source subnet admits it between interfaces',
    net: () => base().sg('sg-src', 'vpc-a', []).sg('sg-pl', 'vpc-a', [r('tcp:5432', 'pl-app', 'ingress', ['10.0.0.0/24'])]).eni('eni-src', { subnet: 'subnet-pub', ip: '10.0.0.10', sgs: ['sg-src'] }).eni('eni-db', { subnet: 'subnet-prv', ip: '10.0.1.10', sgs: ['sg-pl'] }),
    from: 'eni-src',
    to: 'eni-db',
    traffic: 'tcp 5432',
  },
  // --- peering -------------------------------------------------------------------------------
  {
    name: 'peering with routes on both sides',
    net: () =>
      new Net()
        .vpc('vpc-a', '10.0.0.0/16')
        .vpc('vpc-b', '10.1.0.0/16')
        .subnet('subnet-a', 'vpc-a', '10.0.0.0/24', ['10.1.0.0/16>pcx-ab'])
        .subnet('subnet-b', 'vpc-b', '10.1.0.0/24', ['10.0.0.0/16>pcx-ab'])
        .peering('pcx-ab', 'vpc-a', 'vpc-b')
        .sg('sg-a', 'vpc-a', [])
        .sg('sg-b', 'vpc-b', [r('tcp:1433', '10.0.0.0/16'), r('tcp:3389', 'sg-a')])
        .eni('eni-a', { subnet: 'subnet-a', ip: '10.0.0.10', sgs: ['sg-a'] })
        .eni('eni-b', { subnet: 'subnet-b', ip: '10.1.0.10', sgs: ['sg-b'] }),
    from: 'eni-a',
    to: 'eni-b',
    traffic: 'tcp 1433, 3389',
  },
  {
    name: 'peering with a route on one side only: the answer has no way back',
    net: () =>
      new Net()
        .vpc('vpc-a', '10.0.0.0/16')
        .vpc('vpc-b', '10.1.0.0/16')
        .subnet('subnet-a', 'vpc-a', '10.0.0.0/24', ['10.1.0.0/16>pcx-ab'])
        .subnet('subnet-b', 'vpc-b', '10.1.0.0/24', [])
        .peering('pcx-ab', 'vpc-a', 'vpc-b')
        .sg('sg-a', 'vpc-a', [])
        .sg('sg-b', 'vpc-b', [r('tcp:1433', '10.0.0.0/16')])
        .eni('eni-a', { subnet: 'subnet-a', ip: '10.0.0.10', sgs: ['sg-a'] })
        .eni('eni-b', { subnet: 'subnet-b', ip: '10.1.0.10', sgs: ['sg-b'] }),
    from: 'eni-a',
    to: 'eni-b',
    traffic: 'nothing',
  },
  {
    name: 'peering still pending acceptance carries nothing',
    net: () =>
      new Net()
        .vpc('vpc-a', '10.0.0.0/16')
        .vpc('vpc-b', '10.1.0.0/16')
        .subnet('subnet-a', 'vpc-a', '10.0.0.0/24', ['10.1.0.0/16>pcx-ab'])
        .subnet('subnet-b', 'vpc-b', '10.1.0.0/24', ['10.0.0.0/16>pcx-ab'])
        .peering('pcx-ab', 'vpc-a', 'vpc-b', 'pending-acceptance')
        .sg('sg-a', 'vpc-a', [])
        .sg('sg-b', 'vpc-b', [r('tcp:1433', '10.0.0.0/16')])
        .eni('eni-a', { subnet: 'subnet-a', ip: '10.0.0.10', sgs: ['sg-a'] })
        .eni('eni-b', { subnet: 'subnet-b', ip: '10.1.0.10', sgs: ['sg-b'] }),
    from: 'eni-a',
    to: 'eni-b',
    traffic: 'nothing',
  },
  // --- transit gateway and blackholes ----------------------------------------------------------
  {
    name: 'a transit gateway route: both VPCs attached, routed both ways; SG references do not cross it',
    net: () =>
      new Net()
        .vpc('vpc-a', '10.0.0.0/16')
        .vpc('vpc-b', '10.1.0.0/16')
        .subnet('subnet-a', 'vpc-a', '10.0.0.0/24', ['0.0.0.0/0>tgw-1'])
        .subnet('subnet-b', 'vpc-b', '10.1.0.0/24', ['10.0.0.0/8>tgw-1'])
        .tgw('tgw-1', ['vpc-a', 'vpc-b'], ['10.0.0.0/16>vpc-a', '10.1.0.0/16>vpc-b'])
        .sg('sg-a', 'vpc-a', [])
        .sg('sg-b', 'vpc-b', [r('tcp:9100-9110', '0.0.0.0/0'), r('tcp:22', 'sg-a')])
        .eni('eni-a', { subnet: 'subnet-a', ip: '10.0.0.10', sgs: ['sg-a'] })
        .eni('eni-b', { subnet: 'subnet-b', ip: '10.1.0.10', sgs: ['sg-b'] }),
    from: 'eni-a',
    to: 'eni-b',
    traffic: 'tcp 9100-9110',
  },
  {
    name: 'a transit gateway route table with a blackhole for the destination',
    net: () =>
      new Net()
        .vpc('vpc-a', '10.0.0.0/16')
        .vpc('vpc-b', '10.1.0.0/16')
        .subnet('subnet-a', 'vpc-a', '10.0.0.0/24', ['0.0.0.0/0>tgw-1'])
        .subnet('subnet-b', 'vpc-b', '10.1.0.0/24', ['10.0.0.0/8>tgw-1'])
        .tgw('tgw-1', ['vpc-a', 'vpc-b'], ['10.0.0.0/16>vpc-a', '10.1.0.0/16>blackhole'])
        .sg('sg-a', 'vpc-a', [])
        .sg('sg-b', 'vpc-b', [r('tcp:9100-9110', '0.0.0.0/0')])
        .eni('eni-a', { subnet: 'subnet-a', ip: '10.0.0.10', sgs: ['sg-a'] })
        .eni('eni-b', { subnet: 'subnet-b', ip: '10.1.0.10', sgs: ['sg-b'] }),
    from: 'eni-a',
    to: 'eni-b',
    traffic: 'nothing',
  },
  {
    name: 'a transit gateway route from the internet: behind it nothing is reachable from the internet',
    net: () =>
      new Net()
        .vpc('vpc-b', '10.1.0.0/16')
        .subnet('subnet-b', 'vpc-b', '10.1.0.0/24', ['0.0.0.0/0>tgw-1'])
        .tgw('tgw-1', ['vpc-b'], ['10.1.0.0/16>vpc-b'])
        .sg('sg-b', 'vpc-b', [r('tcp:9100-9110', '0.0.0.0/0')])
        .eni('eni-b', { subnet: 'subnet-b', ip: '10.1.0.10', sgs: ['sg-b'] }),
    from: 'internet',
    to: 'eni-b',
    traffic: 'nothing',
  },
  {
    name: 'a VPC route table blackhole (deleted peering) carries nothing',
    net: () =>
      new Net()
        .vpc('vpc-a', '10.0.0.0/16')
        .vpc('vpc-b', '10.1.0.0/16')
        .subnet('subnet-a', 'vpc-a', '10.0.0.0/24', ['10.1.0.0/16>pcx-ab!'])
        .subnet('subnet-b', 'vpc-b', '10.1.0.0/24', ['10.0.0.0/16>pcx-ab'])
        .peering('pcx-ab', 'vpc-a', 'vpc-b')
        .sg('sg-a', 'vpc-a', [])
        .sg('sg-b', 'vpc-b', [r('tcp:1433', '10.0.0.0/16')])
        .eni('eni-a', { subnet: 'subnet-a', ip: '10.0.0.10', sgs: ['sg-a'] })
        .eni('eni-b', { subnet: 'subnet-b', ip: '10.1.0.10', sgs: ['sg-b'] }),
    from: 'eni-a',
    to: 'eni-b',
    traffic: 'nothing',
  },
  {
    name: 'longest prefix wins: two /1 blackhole routes inside 0.0.0.0/0 cut the internet off',
    net: () =>
      base()
        .subnet('subnet-cut', 'vpc-a', '10.0.5.0/24', ['0.0.0.0/0>igw-a', '0.0.0.0/1>igw-a!', '128.0.0.0/1>igw-a!'])
        .sg('sg-ssh', 'vpc-a', [r('tcp:22', '0.0.0.0/0')])
        .eni('eni-host', { subnet: 'subnet-cut', ip: '10.0.5.10', publicIp: '198.51.100.10', sgs: ['sg-ssh'] }),
    from: 'internet',
    to: 'eni-host',
    traffic: 'nothing',
  },
  // --- interfaces that answer less than their groups admit -----------------------------------
  {
    name: "a NAT gateway's interface: public address, internet route, no groups, and still nothing gets in",
    net: () => base().eni('eni-nat', { subnet: 'subnet-pub', ip: '10.0.0.5', publicIp: '13.200.0.5', type: 'nat_gateway', description: 'Interface for NAT Gateway nat-a' }),
    from: 'internet',
    to: 'eni-nat',
    traffic: 'nothing',
  },
  {
    name: "a network load balancer's interface (no groups) answers only its listener's port",
    net: () =>
      base()
        .sg('sg-app', 'vpc-a', [r('tcp:8443', '10.0.0.0/24')])
        .eni('eni-app', { subnet: 'subnet-prv', ip: '10.0.1.10', sgs: ['sg-app'], instance: 'i-app' })
        .instance('i-app')
        .alb('nlb', 'vpc-a', 443, 8443, ['i-app'], { lbType: 'network', protocol: 'TCP', targetProtocol: 'TCP' })
        .eni('eni-nlb', { subnet: 'subnet-pub', ip: '10.0.0.20', publicIp: '13.200.0.20', description: 'ELB net/nlb/0123456789abcdef', type: 'network_load_balancer' }),
    from: 'internet',
    to: 'eni-nlb',
    traffic: 'tcp 443',
  },
];

describe('reachability engine', () => {
  it.each(cases)('$name', ({ net, from, to, traffic }) => {
    const reach = reachOf(net().inventory());
    expect(from === 'internet' ? internet(reach, to) : between(reach, from, to)).toBe(traffic);
  });

  it('an instance without a public IP behind an internet-facing ALB: nothing directly, the target port through the load balancer', () => {
    const net = base()
      .sg('sg-alb', 'vpc-a', [r('tcp:443', '0.0.0.0/0')])
      .sg('sg-app', 'vpc-a', [r('tcp:8080', 'sg-alb'), r('tcp:22', '0.0.0.0/0')])
      .eni('eni-alb', { subnet: 'subnet-pub', ip: '10.0.0.20', publicIp: '203.0.113.20', sgs: ['sg-alb'], description: 'ELB app/web/0123456789abcdef', type: 'interface' })
      .instance('i-app')
      .eni('eni-app', { subnet: 'subnet-prv', ip: '10.0.1.10', sgs: ['sg-app'], instance: 'i-app' })
      .alb('web', 'vpc-a', 443, 8080, ['i-app']);
    const reach = reachOf(net.inventory());
    const app = eni(reach, 'eni-app');
    expect(internet(reach, 'eni-app')).toBe('nothing');
    expect(internet(reach, 'eni-alb')).toBe('tcp 443');
    const via = reach.viaLoadBalancers(app);
    expect(via.map((v) => [v.listenerPort, v.targetPort, formatTraffic(v.traffic)])).toEqual([[443, 8080, 'tcp 8080']]);
    expect(via[0]!.path).toMatchObject({ source: 'eni-alb', destination: 'eni-app', protocol: 'tcp', port: 8080, securityGroups: [{ group: 'sg-alb', direction: 'egress' }, { group: 'sg-app', direction: 'ingress', peer: 'sg-alb' }] });
  });

  it('explains a reachable port: the return route, the ACL entries in both directions and the rule', () => {
    const net = new Net()
      .vpc('vpc-a', '10.0.0.0/16')
      .igw('igw-a', 'vpc-a')
      .subnet('subnet-pub', 'vpc-a', '10.0.0.0/24', ['0.0.0.0/0>igw-a'], { acl: [e('90 deny 6 22 0.0.0.0/0 in'), e('105 allow 6 3389 0.0.0.0/0 in'), e('110 allow 6 1024-65535 0.0.0.0/0 in'), e('100 allow -1 * 0.0.0.0/0 out')] })
      .sg('sg-rdgw', 'vpc-a', [r('tcp:3389', '0.0.0.0/0'), r('tcp:443', '0.0.0.0/0')])
      .eni('eni-rdgw', { subnet: 'subnet-pub', ip: '10.0.0.10', publicIp: '13.234.118.41', sgs: ['sg-rdgw'] });
    const reach = reachOf(net.inventory());
    const got = reach.fromInternet(eni(reach, 'eni-rdgw'));
    expect(formatTraffic(got.traffic)).toBe('tcp 3389');
    expect(got.paths).toEqual([
      {
        source: 'internet',
        destination: 'eni-rdgw',
        protocol: 'tcp',
        port: 3389,
        family: 'ipv4',
        returnRoute: { table: 'rtb-pub', destination: '0.0.0.0/0', target: 'igw-a' },
        via: ['igw-a'],
        nacl: [
          { acl: 'acl-pub', subnet: 'subnet-pub', direction: 'inbound', leg: 'request', ruleNumber: 105, action: 'allow', cidr: '0.0.0.0/0' },
          { acl: 'acl-pub', subnet: 'subnet-pub', direction: 'outbound', leg: 'return', ruleNumber: 100, action: 'allow', cidr: '0.0.0.0/0' },
        ],
        securityGroups: [{ group: 'sg-rdgw', direction: 'ingress', protocol: 'tcp', ports: '3389', peer: '0.0.0.0/0' }],
      },
    ]);
  });

  it('says why nothing gets in: a NAT gateway route', () => {
    const reach = reachOf(base().sg('sg-all', 'vpc-a', [r('-1', '0.0.0.0/0')]).eni('eni-host', { subnet: 'subnet-prv', ip: '10.0.1.10', sgs: ['sg-all'] }).inventory());
    expect(reach.fromInternet(eni(reach, 'eni-host')).blockedBy).toContain('NAT gateway nat-a, which admits no inbound connection');
  });

  it('a named network reaches through a VPN gateway with a connection up, not through a NAT gateway', () => {
    const net = base()
      .subnet('subnet-vpn', 'vpc-a', '10.0.9.0/24', ['192.168.100.0/22>vgw-a', '0.0.0.0/0>nat-a'])
      .sg('sg-ad', 'vpc-a', [r('tcp:389', '192.168.100.0/22'), r('tcp:389', '203.0.113.0/24')])
      .eni('eni-ad', { subnet: 'subnet-vpn', ip: '10.0.9.10', sgs: ['sg-ad'] });
    const inv = net.inventory({
      vpnGateways: [{ type: 'AWS::EC2::VPNGateway', arn: 'arn:aws:ec2:ap-south-1:123456789012:vpn-gateway/vgw-a', id: 'vgw-a', account: '123456789012', region: REGION, tags: {}, state: 'available', vpcIds: ['vpc-a'] }],
      vpnConnections: [{ type: 'AWS::EC2::VPNConnection', arn: 'arn:aws:ec2:ap-south-1:123456789012:vpn-connection/vpn-a', id: 'vpn-a', account: '123456789012', region: REGION, tags: {}, state: 'available', vpnGatewayId: 'vgw-a', customerGatewayId: 'cgw-a', staticRoutes: [], tunnels: 2, tunnelsUp: 1 }],
    });
    const reach = reachOf(inv);
    const ad = eni(reach, 'eni-ad');
    expect(formatTraffic(reach.fromSource(ad, { internet: false, network: { name: 'on-premises', cidrs: ['192.168.100.0/22'] } }).traffic)).toBe('tcp 389');
    expect(formatTraffic(reach.fromSource(ad, { internet: false, network: { name: 'office', cidrs: ['203.0.113.0/24'] } }).traffic)).toBe('nothing');
  });

  it('a transit gateway owned by another account routes as attached (assumed), and the path says so', () => {
    const net = new Net()
      .vpc('vpc-a', '10.0.0.0/16')
      .vpc('vpc-b', '10.1.0.0/16')
      .subnet('subnet-a', 'vpc-a', '10.0.0.0/24', ['0.0.0.0/0>tgw-1'])
      .subnet('subnet-b', 'vpc-b', '10.1.0.0/24', ['10.0.0.0/8>tgw-1'])
      .tgw('tgw-1', ['vpc-a', 'vpc-b'], [], { visible: false, owner: '999988887777' })
      .sg('sg-a', 'vpc-a', [])
      .sg('sg-b', 'vpc-b', [r('tcp:8443', '10.0.0.0/16')])
      .eni('eni-a', { subnet: 'subnet-a', ip: '10.0.0.10', sgs: ['sg-a'] })
      .eni('eni-b', { subnet: 'subnet-b', ip: '10.1.0.10', sgs: ['sg-b'] });
    const reach = reachOf(net.inventory());
    expect(between(reach, 'eni-a', 'eni-b')).toBe('tcp 8443');
    expect(reach.explainPair(eni(reach, 'eni-a'), eni(reach, 'eni-b'), 'tcp', 8443)?.assumed).toEqual(['tgw-1 (route tables owned by 999988887777, not visible from this account)']);
  });

  it('is computed once per inventory', () => {
    const inv = base().inventory();
    expect(reachOf(inv)).toBe(reachOf(inv));
    expect(reachOf(inv, { internetPrefix: 16 })).not.toBe(reachOf(inv));
  });
});
