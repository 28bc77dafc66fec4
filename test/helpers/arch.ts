/**
 * A three-tier network and its profile for the drift checks' tests: a DMZ load balancer in two
 * zones, an app server and a database server in one zone each, behind NAT.
 */
import { parseArchitecture } from '../../src/reach/load-profile.js';
import type { ArchitectureProfile } from '../../src/reach/profile.js';
import { Net, out, r } from './network.js';

export function threeTiers(): Net {
  return new Net()
    .vpc('vpc-a', '10.0.0.0/16', { tags: { Environment: 'prod' } })
    .igw('igw-a', 'vpc-a')
    .subnet('subnet-dmz1', 'vpc-a', '10.0.0.0/24', ['0.0.0.0/0>igw-a'], { az: 'ap-south-1a', tags: { Tier: 'dmz' } })
    .subnet('subnet-dmz2', 'vpc-a', '10.0.1.0/24', ['0.0.0.0/0>igw-a'], { az: 'ap-south-1b', tags: { Tier: 'dmz' } })
    .subnet('subnet-app1', 'vpc-a', '10.0.10.0/24', ['0.0.0.0/0>nat-a'], { az: 'ap-south-1a', tags: { Tier: 'app' } })
    .subnet('subnet-db1', 'vpc-a', '10.0.20.0/24', ['0.0.0.0/0>nat-a'], { az: 'ap-south-1a', tags: { Tier: 'db' } })
    .sg('sg-lb', 'vpc-a', [r('tcp:443', '0.0.0.0/0')])
    // The app server's SSH from anywhere is the drift: the DMZ and the database can reach it.
    .sg('sg-app', 'vpc-a', [r('tcp:8080', 'sg-lb'), r('tcp:22', '0.0.0.0/0')])
    .sg('sg-db', 'vpc-a', [r('tcp:5432', 'sg-app')], [out('-1', '0.0.0.0/0')])
    .eni('eni-lb1', { subnet: 'subnet-dmz1', ip: '10.0.0.10', publicIp: '13.200.0.10', sgs: ['sg-lb'] })
    .eni('eni-lb2', { subnet: 'subnet-dmz2', ip: '10.0.1.10', publicIp: '13.200.0.11', sgs: ['sg-lb'] })
    .eni('eni-app', { subnet: 'subnet-app1', ip: '10.0.10.10', sgs: ['sg-app'] })
    .eni('eni-db', { subnet: 'subnet-db1', ip: '10.0.20.10', sgs: ['sg-db'] });
}

export const PROFILE = `
version: 1
regions: [ap-south-1]
tiers:
  - { name: dmz, sensitivity: public, publicAddresses: true, minAzs: 2, subnets: [{ tags: { Tier: dmz } }] }
  - { name: app, minAzs: 2, subnets: [{ tags: { Tier: app } }] }
  - { name: db, sensitivity: restricted, subnets: [{ tags: { Tier: db } }] }
flows:
  - { from: internet, to: dmz, ports: [443] }
  - { from: dmz, to: app, ports: [8080] }
  - { from: app, to: db, ports: [5432, 6379] }
peering: []
`;

export const profile = (text = PROFILE): ArchitectureProfile => parseArchitecture(text, 'test.arch.yaml');
