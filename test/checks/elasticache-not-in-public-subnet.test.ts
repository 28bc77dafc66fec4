import { describe, expect, it } from 'vitest';
import check from '../../src/checks/elasticache-not-in-public-subnet.js';
import type { Status } from '../../src/checks/types.js';
import { ACCOUNT, REGION, runCheck, type InventoryInput } from '../helpers/check-harness.js';
import { cacheCluster, cacheSubnetGroup, routeTable, subnet } from '../helpers/data-stores.js';

const arn = (id: string) => `arn:aws:elasticache:${REGION}:${ACCOUNT}:cluster:${id}`;
const PRIVATE = routeTable('rtb-private', [
  { destination: '10.1.0.0/16', target: 'local', state: 'active' },
  { destination: '0.0.0.0/0', target: 'nat-0abc', state: 'active' },
]);
const PUBLIC = routeTable('rtb-dmz', [
  { destination: '10.1.0.0/16', target: 'local', state: 'active' },
  { destination: '0.0.0.0/0', target: 'igw-0def', state: 'active' },
]);
const network = {
  subnets: [subnet('subnet-db-a', 'rtb-private'), subnet('subnet-db-b', 'rtb-private'), subnet('subnet-dmz-a', 'rtb-dmz'), subnet('subnet-orphan')],
  routeTables: [PRIVATE, PUBLIC, routeTable('rtb-dead', [{ destination: '0.0.0.0/0', target: 'igw-0gone', state: 'blackhole' }])],
};

function withoutSubnetGroup(id: string) {
  const { subnetGroupName: _, ...rest } = cacheCluster(id);
  return rest;
}

type Case = { name: string; input: InventoryInput; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  {
    name: 'database-segment subnets only',
    input: { ...network, cacheClusters: [cacheCluster('sessions', { subnetGroupName: 'db' })], cacheSubnetGroups: [cacheSubnetGroup('db', ['subnet-db-a', 'subnet-db-b'])] },
    expected: [{ status: 'pass', arn: arn('sessions'), evidence: { subnetGroup: 'db', subnets: ['subnet-db-a', 'subnet-db-b'], publicSubnets: [] } }],
  },
  {
    name: 'a DMZ subnet in the group: the route table has an internet gateway',
    input: { ...network, cacheClusters: [cacheCluster('sessions', { subnetGroupName: 'mixed' })], cacheSubnetGroups: [cacheSubnetGroup('mixed', ['subnet-db-a', 'subnet-dmz-a'])] },
    expected: [{ status: 'fail', arn: arn('sessions'), evidence: { subnetGroup: 'mixed', subnets: ['subnet-db-a', 'subnet-dmz-a'], publicSubnets: [{ subnet: 'subnet-dmz-a', routeTable: 'rtb-dmz', internetGateway: 'igw-0def' }] } }],
  },
  {
    name: 'a blackholed route to a deleted gateway is not public',
    input: { subnets: [subnet('subnet-x', 'rtb-dead')], routeTables: network.routeTables, cacheClusters: [cacheCluster('c', { subnetGroupName: 'g' })], cacheSubnetGroups: [cacheSubnetGroup('g', ['subnet-x'])] },
    expected: [{ status: 'pass', arn: arn('c') }],
  },
  { name: 'the subnet group is not in the snapshot', input: { ...network, cacheClusters: [cacheCluster('c', { subnetGroupName: 'gone' })] }, expected: [{ status: 'error', arn: arn('c') }] },
  { name: 'a subnet is not in the snapshot', input: { ...network, cacheClusters: [cacheCluster('c', { subnetGroupName: 'g' })], cacheSubnetGroups: [cacheSubnetGroup('g', ['subnet-elsewhere'])] }, expected: [{ status: 'error', arn: arn('c') }] },
  { name: 'no route table governs a subnet', input: { ...network, cacheClusters: [cacheCluster('c', { subnetGroupName: 'g' })], cacheSubnetGroups: [cacheSubnetGroup('g', ['subnet-orphan'])] }, expected: [{ status: 'error', arn: arn('c') }] },
  { name: 'route tables denied', input: { ...network, cacheClusters: [cacheCluster('sessions', { subnetGroupName: 'db' })], cacheSubnetGroups: [cacheSubnetGroup('db', ['subnet-db-a'])], failed: ['ec2:DescribeRouteTables'] }, expected: [{ status: 'error', arn: arn('sessions') }] },
  { name: 'no subnet group (not in a VPC)', input: { cacheClusters: [withoutSubnetGroup('classic')] }, expected: [{ status: 'not_applicable', arn: arn('classic') }] },
  { name: 'no cache', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:elasticache::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, expected }) => {
    const results = runCheck(check, input);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
