import { defineService } from '../define.js';
import { buildEc2, type Ec2Region } from './adapter.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';

type Ec2Collections = { [K in keyof Ec2Region]: Ec2Region[K] extends unknown[] ? Ec2Region[K] : Ec2Region[K][] };

const empty = (): Ec2Collections => ({
  vpcs: [],
  subnets: [],
  routeTables: [],
  internetGateways: [],
  securityGroups: [],
  networkAcls: [],
  flowLogs: [],
  instances: [],
  volumes: [],
  ebsEncryptionByDefault: [],
  snapshotPublicAccess: [],
  images: [],
  networkInterfaces: [],
  natGateways: [],
  elasticIps: [],
  egressOnlyInternetGateways: [],
  vpcPeeringConnections: [],
  transitGateways: [],
  transitGatewayAttachments: [],
  transitGatewayRouteTables: [],
  vpnConnections: [],
  vpnGateways: [],
  vpcEndpoints: [],
  prefixLists: [],
});

export default defineService({
  name: 'ec2',
  title: 'Amazon EC2 and VPC',
  operations: OPERATIONS,
  shapes: SHAPES,
  build(src) {
    const out = empty();
    for (const region of src.regions) {
      const r = buildEc2(src, region);
      for (const k of Object.keys(out) as (keyof Ec2Collections)[]) {
        const v = r[k];
        (out[k] as unknown[]).push(...(Array.isArray(v) ? v : [v]));
      }
    }
    return out;
  },
  empty,
  collector: async () => (await import('./collect.js')).default,
});
