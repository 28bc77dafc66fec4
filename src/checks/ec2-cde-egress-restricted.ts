import type { JSONSchemaType } from 'ajv';
import { broaderThanSchema, coversPortOutside, DEFAULT_BROADER_THAN, rulesFromAnywhere } from '../inventory/net.js';
import type { CallError, Instance, SecurityGroup, Subnet } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass, refOf } from './define.js';
import type { Outcome } from './types.js';

interface Params {
  tierTag: string;
  cdeTierValues: string[];
  cdeSubnetIds: string[];
  allowedPorts: number[];
  broaderThan: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['tierTag', 'cdeTierValues', 'cdeSubnetIds', 'allowedPorts', 'broaderThan'],
  properties: {
    tierTag: { type: 'string', minLength: 1 },
    cdeTierValues: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    cdeSubnetIds: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    allowedPorts: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 65535 }, uniqueItems: true },
    broaderThan: broaderThanSchema,
  },
};

const key = (region: string, id: string) => `${region}\u0000${id}`;

function label(i: Instance): string {
  return i.name !== undefined && i.name !== i.id ? `${i.name} (${i.id})` : i.id;
}

/** A security group an instance names that the snapshot does not describe: its egress is unknown. */
function missingGroup(i: Instance, groupId: string): CallError {
  return {
    service: 'ec2',
    operation: 'DescribeSecurityGroups',
    region: i.region,
    resource: groupId,
    code: 'SecurityGroupMissing',
    message: `the snapshot does not describe ${groupId}, attached to ${i.id}`,
  };
}

export default defineCheck<Params>({
  id: 'ec2-cde-egress-restricted',
  title: 'Security groups of cardholder-data-tier instances allow no unrestricted outbound traffic',
  severity: 'high',
  resourceType: 'AWS::EC2::SecurityGroup',
  requires: ['ec2:DescribeInstances', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets'],
  rationale:
    'PCI DSS 1.3.2 restricts outbound traffic from the cardholder data environment to what is necessary. An egress rule to 0.0.0.0/0 or ' +
    '::/0 (AWS\'s default "all traffic" rule included) lets malware or an intruder send card data anywhere on the internet.',
  remediation:
    'Replace the egress rule to anywhere with rules to the destinations the CDE needs: the payment processor\'s address ranges, managed ' +
    'prefix lists, VPC endpoints for AWS services, or the security groups of the next tier (aws ec2 revoke-security-group-egress, then ' +
    'authorize-security-group-egress). If a port must reach the internet, add it to allowedPorts with its justification.',
  schema,
  defaults: { tierTag: 'Tier', cdeTierValues: ['cde', 'cardholder-data', 'pci'], cdeSubnetIds: [], allowedPorts: [], broaderThan: DEFAULT_BROADER_THAN },
  paramDocs: {
    tierTag: 'Tag key (on the subnet or the instance) that names its tier',
    cdeTierValues: 'Tier tag values (exact, case-sensitive) that mark the cardholder data environment',
    cdeSubnetIds: 'Subnet ids in the cardholder data environment whatever their tags',
    allowedPorts: 'TCP/UDP ports the CDE may reach on 0.0.0.0/0 or ::/0 (justified, e.g. 443 to a processor without fixed addresses)',
    broaderThan: 'A public destination range (not RFC 1918, CGNAT, link-local, IPv6 unique-local / link-local) with a prefix shorter than this counts as anywhere, like /0',
  },
  evaluate(inv, { tierTag, cdeTierValues, cdeSubnetIds, allowedPorts, broaderThan }) {
    const subnets = new Map<string, Subnet>(inv.subnets.map((s) => [key(s.region, s.id), s]));
    const groups = new Map<string, SecurityGroup>(inv.securityGroups.map((g) => [key(g.region, g.id), g]));
    const values = new Set(cdeTierValues);
    const listed = new Set(cdeSubnetIds);
    const allowed = new Set(allowedPorts);
    const allowedList = [...allowed].sort((a, b) => a - b);
    const inCde = (i: Instance): boolean => {
      const subnet = i.subnetId !== undefined ? subnets.get(key(i.region, i.subnetId)) : undefined;
      const subnetTier = subnet?.tags[tierTag];
      const instanceTier = i.tags[tierTag];
      return (i.subnetId !== undefined && listed.has(i.subnetId)) || (subnetTier !== undefined && values.has(subnetTier)) || (instanceTier !== undefined && values.has(instanceTier));
    };

    const cde = inv.instances.filter((i) => i.state !== 'terminated' && inCde(i));
    if (cde.length === 0) {
      // Nothing to judge is not a pass: say how the tier is found, so the reader can define it.
      const scope = { type: 'AWS::EC2::SecurityGroup' as const, arn: `arn:${inv.partition}:ec2::${inv.accountId}:security-group/*`, id: '*', account: inv.accountId, region: 'global' };
      return [
        notApplicable(scope, `no instance is in the cardholder data environment (tag ${tierTag} in ${cdeTierValues.join(', ') || '-'} on the subnet or instance, or a subnet in cdeSubnetIds): outbound traffic from it was not judged`, {
          tierTag,
          cdeTierValues,
          cdeSubnetIds,
        }),
      ];
    }

    // Each security group once, with the CDE instances that use it.
    const users = new Map<string, { group: SecurityGroup; instances: string[] }>();
    const out: Outcome[] = [];
    for (const i of cde) {
      for (const gid of i.securityGroupIds) {
        const group = groups.get(key(i.region, gid));
        if (group === undefined) {
          out.push(error(refOf(i), missingGroup(i, gid)));
          continue;
        }
        const entry = users.get(group.arn) ?? { group, instances: [] };
        entry.instances.push(label(i));
        users.set(group.arn, entry);
      }
    }
    for (const { group, instances } of users.values()) {
      const cdeInstances = [...instances].sort();
      const open = rulesFromAnywhere(group.egress, (rule) => coversPortOutside(rule, allowed), broaderThan);
      if (!open.ok) {
        out.push(error(group, open.error));
        continue;
      }
      const within = allowedList.length > 0 ? ` beyond ports ${allowedList.join(', ')}` : '';
      if (open.value.length === 0) {
        out.push(pass(group, `${group.id} (cardholder-data tier: ${cdeInstances.join(', ')}) allows no outbound traffic to anywhere${within}`, { cdeInstances, allowedPorts: allowedList }));
        continue;
      }
      const rules = [...new Set(open.value.map((o) => (o.row.protocol === '-1' ? 'all traffic' : `${o.row.protocol} ${o.row.ports}`)))];
      out.push(
        fail(group, `${group.id} (cardholder-data tier: ${cdeInstances.join(', ')}) allows outbound ${rules.join(', ')} to anywhere${within}`, {
          cdeInstances,
          openEgressRules: open.value.map((o) => ({ protocol: o.row.protocol, ports: o.row.ports, destination: o.row.source })),
          allowedPorts: allowedList,
        }),
      );
    }
    return out;
  },
});
