import type { JSONSchemaType } from 'ajv';
import type { Instance, Subnet } from '../inventory/types.js';
import { defineCheck, fail, notApplicable, pass } from './define.js';

interface Params {
  tierTag: string;
  publicTierValues: string[];
  publicSubnetIds: string[];
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['tierTag', 'publicTierValues', 'publicSubnetIds'],
  properties: {
    tierTag: { type: 'string', minLength: 1 },
    publicTierValues: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    publicSubnetIds: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
  },
};

function label(i: Instance): string {
  return i.name !== undefined && i.name !== i.id ? `${i.name} (${i.id})` : i.id;
}

export default defineCheck<Params>({
  id: 'ec2-no-public-ip-outside-public-tier',
  title: 'Only public-tier EC2 instances have public IP addresses',
  severity: 'high',
  resourceType: 'AWS::EC2::Instance',
  requires: ['ec2:DescribeInstances', 'ec2:DescribeSubnets'],
  rationale:
    'An instance with a public IP outside the public (DMZ/web) tier is directly reachable from the internet, bypassing the ' +
    'load balancers, WAF and segmentation that are meant to stand in front of application and data tiers.',
  remediation:
    'Move the workload behind a load balancer or NAT in the public tier and relaunch it without a public address ' +
    '(disassociate any Elastic IP: `aws ec2 disassociate-address --association-id <id>`; launch with ' +
    '`--no-associate-public-ip-address` or turn off "Auto-assign public IPv4 address" on the private subnet with ' +
    '`aws ec2 modify-subnet-attribute --subnet-id <subnet> --no-map-public-ip-on-launch`). If the instance is legitimately ' +
    'public, tag its subnet with the tier tag (for example Tier=public) or list the subnet in publicSubnetIds.',
  schema,
  defaults: { tierTag: 'Tier', publicTierValues: ['public', 'dmz', 'web'], publicSubnetIds: [] },
  paramDocs: {
    tierTag: 'Tag key (on the subnet or the instance) that names its tier',
    publicTierValues: 'Tier tag values (exact, case-sensitive) that mark the public tier',
    publicSubnetIds: 'Subnet ids that count as public tier whatever their tags',
  },
  evaluate(inv, { tierTag, publicTierValues, publicSubnetIds }) {
    const subnets = new Map<string, Subnet>();
    for (const s of inv.subnets) subnets.set(`${s.region}\u0000${s.id}`, s);
    const publicValues = new Set(publicTierValues);
    const publicSubnets = new Set(publicSubnetIds);

    return inv.instances.map((i) => {
      if (i.state === 'terminated') return notApplicable(i, `EC2 instance ${label(i)} is terminated.`, { state: i.state });
      if (i.publicIp === undefined) return pass(i, `EC2 instance ${label(i)} has no public IP address.`, { publicIp: null });

      const subnet = i.subnetId !== undefined ? subnets.get(`${i.region}\u0000${i.subnetId}`) : undefined;
      const subnetTier = subnet?.tags[tierTag] ?? null;
      const instanceTier = i.tags[tierTag] ?? null;
      const subnetListed = i.subnetId !== undefined && publicSubnets.has(i.subnetId);
      const evidence = {
        publicIp: i.publicIp,
        subnetId: i.subnetId ?? null,
        tierTag,
        subnetTier,
        instanceTier,
        subnetInPublicSubnetIds: subnetListed,
      };
      const isPublic = subnetListed || (subnetTier !== null && publicValues.has(subnetTier)) || (instanceTier !== null && publicValues.has(instanceTier));
      if (isPublic) return pass(i, `EC2 instance ${label(i)} has public IP ${i.publicIp} and is in the public tier.`, evidence);
      return fail(i, `EC2 instance ${label(i)} has public IP ${i.publicIp} but is not in the public tier.`, evidence);
    });
  },
});
