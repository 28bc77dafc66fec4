import type { JSONSchemaType } from 'ajv';
import type { CallError } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/** A resource the cluster names that the snapshot does not describe: where it is placed is unknown. */
const missing = (region: string, call: string, resource: string, message: string): CallError => {
  const [service, operation] = call.split(':') as [string, string];
  return { service, operation, region, resource, code: 'NotInSnapshot', message };
};

export default defineCheck<Params>({
  id: 'elasticache-not-in-public-subnet',
  title: 'ElastiCache clusters sit only in private subnets (no route to an internet gateway)',
  severity: 'high',
  resourceType: 'AWS::ElastiCache::CacheCluster',
  requires: ['elasticache:DescribeCacheClusters', 'elasticache:DescribeCacheSubnetGroups', 'ec2:DescribeSubnets', 'ec2:DescribeRouteTables'],
  rationale:
    'A cache in a subnet whose route table sends traffic to an internet gateway is one security-group rule away from the internet, and Memcached has no authentication at all. ' +
    'A subnet is public when its route table (its own, or the VPC\'s main one) has an active route to an internet gateway; caches belong in the database tier\'s private subnets (PCI DSS 1.4.4).',
  remediation:
    'Create a cache subnet group of private subnets (routes to a NAT gateway at most) and move the cluster into it (a new cluster for Memcached; for Redis OSS and Valkey, modify the replication group or restore from a backup).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const groups = new Map(inv.cacheSubnetGroups.map((g) => [`${g.region}/${g.id}`, g]));
    const subnets = new Map(inv.subnets.map((s) => [`${s.region}/${s.id}`, s]));
    const tables = new Map(inv.routeTables.map((t) => [`${t.region}/${t.id}`, t]));
    return inv.cacheClusters.map((c) => {
      if (c.subnetGroupName === undefined) return notApplicable(c, `ElastiCache cluster ${c.id} names no cache subnet group (not in a VPC).`, { subnetGroup: null });
      const group = groups.get(`${c.region}/${c.subnetGroupName}`);
      if (group === undefined) return error(c, missing(c.region, 'elasticache:DescribeCacheSubnetGroups', c.subnetGroupName, `the snapshot holds no cache subnet group ${c.subnetGroupName}`));
      const publicSubnets: { subnet: string; routeTable: string; internetGateway: string }[] = [];
      for (const id of group.subnetIds) {
        const subnet = subnets.get(`${c.region}/${id}`);
        if (subnet === undefined) return error(c, missing(c.region, 'ec2:DescribeSubnets', id, `the snapshot holds no subnet ${id} of cache subnet group ${group.id}`));
        if (subnet.routeTableId === undefined) return error(c, missing(c.region, 'ec2:DescribeRouteTables', id, `no route table governs subnet ${id}`));
        const table = tables.get(`${c.region}/${subnet.routeTableId}`);
        if (table === undefined) return error(c, missing(c.region, 'ec2:DescribeRouteTables', subnet.routeTableId, `the snapshot holds no route table ${subnet.routeTableId}`));
        const igw = table.routes.find((r) => r.target.startsWith('igw-') && r.state !== 'blackhole');
        if (igw) publicSubnets.push({ subnet: id, routeTable: table.id, internetGateway: igw.target });
      }
      const evidence = { subnetGroup: group.id, subnets: group.subnetIds, publicSubnets };
      if (publicSubnets.length > 0) {
        return fail(c, `ElastiCache cluster ${c.id} can be placed in public subnet(s) ${publicSubnets.map((p) => `${p.subnet} (${p.internetGateway})`).join(', ')}.`, evidence);
      }
      return pass(c, `ElastiCache cluster ${c.id} is only in private subnets (${group.subnetIds.join(', ')}).`, evidence);
    });
  },
});
