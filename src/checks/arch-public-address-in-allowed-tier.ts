import type { JSONSchemaType } from 'ajv';
import { analysisOf } from '../reach/analysis.js';
import { accountRef } from '../reach/refs.js';
import { defineCheck, fail, notApplicable, pass } from './define.js';
import type { Outcome } from './types.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'arch-public-address-in-allowed-tier',
  title: 'Only tiers the architecture profile allows public addresses hold them',
  severity: 'high',
  resourceType: 'AWS::EC2::NetworkInterface',
  requires: ['ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeAddresses'],
  needsArchitecture: true,
  rationale:
    'A public address on an interface outside the tiers the design exposes ("except for bastion, all servers in private subnets") is one ' +
    'route or rule away from the internet, whatever the security groups say today. Every interface with a public IPv4 address is judged: ' +
    'instances, load balancers, NAT gateways, endpoints, unattached interfaces holding an Elastic IP.',
  remediation:
    'Release or disassociate the address (aws ec2 disassociate-address, or relaunch without a public IP and turn off auto-assign on the ' +
    'subnet), and put what needs to be public behind a load balancer or NAT gateway in a tier the profile allows public addresses.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const a = analysisOf(inv);
    if (!a) return [notApplicable(accountRef(inv, 'AWS::EC2::NetworkInterface'), 'no architecture profile was given (scan --arch FILE): public addresses were not judged')];
    const eips = new Map(inv.elasticIps.map((e) => [`${e.region}|${e.publicIp}`, e.id]));
    const out: Outcome[] = [];
    for (const m of a.reach.model.enis) {
      if (m.publicIpv4.length === 0) continue;
      const tier = a.tierOf.get(m.subnet.key);
      const evidence = {
        publicIps: m.publicIpv4,
        elasticIps: m.publicIpv4.flatMap((ip) => eips.get(`${m.region}|${ip}`) ?? []),
        interfaceType: m.eni.interfaceType,
        attachedTo: m.eni.instanceId ?? m.eni.description ?? null,
        subnet: m.subnet.id,
        tier: tier?.name ?? null,
        tierAllowsPublicAddresses: tier?.publicAddresses ?? false,
      };
      const what = `${m.eni.id}${m.eni.instanceId ? ` (${m.eni.instanceId})` : m.eni.description ? ` (${m.eni.description})` : ''}`;
      if (tier?.publicAddresses) out.push(pass(m.eni, `${what} holds public address ${m.publicIpv4.join(', ')} in tier ${tier.name}, which may hold them.`, evidence));
      else out.push(fail(m.eni, `${what} holds public address ${m.publicIpv4.join(', ')} in ${tier ? `tier ${tier.name}, which the profile keeps private` : `${m.subnet.id}, which is in no tier of the profile`}.`, evidence));
    }
    if (out.length === 0) out.push(notApplicable(accountRef(inv, 'AWS::EC2::NetworkInterface'), 'no network interface holds a public address'));
    return out;
  },
});
