import type { JSONSchemaType } from 'ajv';
import type { ResourceRef } from './types.js';
import { defineCheck, fail, pass } from './define.js';

interface Params {
  tierTag: string;
  minAzs: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['tierTag', 'minAzs'],
  properties: { tierTag: { type: 'string', minLength: 1 }, minAzs: { type: 'integer', minimum: 1 } },
};

/** The tier of subnets that carry no (or an empty) tier tag. */
const UNTAGGED = 'untagged';

interface Tier {
  region: string;
  vpcId: string;
  tier: string;
  subnets: { id: string; availabilityZone: string | null }[];
}

export default defineCheck<Params>({
  id: 'vpc-subnet-tiers-multi-az',
  title: 'Each subnet tier of a VPC spans multiple availability zones',
  severity: 'medium',
  resourceType: 'AWS::EC2::SubnetTier',
  requires: ['ec2:DescribeSubnets'],
  rationale:
    'A tier whose subnets sit in a single availability zone goes down with that zone: load balancers, instances and ' +
    'databases placed in it cannot fail over, so one data-centre outage stops the service.',
  remediation:
    'Create a subnet for the tier in another availability zone of the VPC, tagged like the others (for example ' +
    '`aws ec2 create-subnet --vpc-id <vpc> --availability-zone <az> --cidr-block <cidr> --tag-specifications ' +
    '\'ResourceType=subnet,Tags=[{Key=Tier,Value=<tier>}]\'`), with matching route table and NACL associations, and spread ' +
    'the tier\'s load balancers, Auto Scaling groups and DB subnet groups across the zones.',
  schema,
  defaults: { tierTag: 'Tier', minAzs: 2 },
  paramDocs: {
    tierTag: 'Tag key on subnets that names their tier; subnets without it form tier "untagged"',
    minAzs: 'Fewest distinct availability zones each (VPC, tier) must span',
  },
  evaluate(inv, { tierTag, minAzs }) {
    const tiers = new Map<string, Tier>();
    for (const s of inv.subnets) {
      const value = s.tags[tierTag];
      const tier = value === undefined || value === '' ? UNTAGGED : value;
      const key = `${s.region}\u0000${s.vpcId}\u0000${tier}`;
      let group = tiers.get(key);
      if (!group) tiers.set(key, (group = { region: s.region, vpcId: s.vpcId, tier, subnets: [] }));
      group.subnets.push({ id: s.id, availabilityZone: s.availabilityZone ?? null });
    }

    return [...tiers.values()].map((t) => {
      const id = `${t.vpcId}/${t.tier}`;
      const ref: ResourceRef = {
        type: 'AWS::EC2::SubnetTier',
        arn: `arn:${inv.partition}:ec2:${t.region}:${inv.accountId}:subnet-tier/${id}`,
        id,
        account: inv.accountId,
        region: t.region,
      };
      const subnets = [...t.subnets].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const availabilityZones = [...new Set(subnets.flatMap((s) => (s.availabilityZone === null ? [] : [s.availabilityZone])))].sort();
      const evidence = { subnets, availabilityZones, minAzs };
      const n = availabilityZones.length;
      const spans = `spans ${n} availability zone${n === 1 ? '' : 's'}${n === 0 ? '' : ` (${availabilityZones.join(', ')})`}`;
      if (n >= minAzs) return pass(ref, `Subnet tier ${t.tier} of ${t.vpcId} ${spans}.`, evidence);
      return fail(ref, `Subnet tier ${t.tier} of ${t.vpcId} ${spans}, fewer than the ${minAzs} required.`, evidence);
    });
  },
});
