import type { JSONSchemaType } from 'ajv';
import { anywhereSources, broaderThanDoc, broaderThanSchema, coveredPorts, DEFAULT_BROADER_THAN, portText } from '../inventory/net.js';
import { internetExposure, openTraffic, portListTraffic, raised } from '../reach/exposure.js';
import { intersect } from '../reach/ports.js';
import { defineCheck, error, fail, pass } from './define.js';

type IpFamily = 'ipv4' | 'ipv6';

interface Params {
  ports: number[];
  ipFamilies: IpFamily[];
  broaderThan: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['ports', 'ipFamilies', 'broaderThan'],
  properties: {
    ports: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 0, maximum: 65535 } },
    ipFamilies: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: ['ipv4', 'ipv6'] } },
    broaderThan: broaderThanSchema,
  },
};

/** The address family of an "anywhere" source (`0.0.0.0/0`, `::/0`, or either via a prefix list). */
const familyOf = (source: string): IpFamily => (source.split(' ')[0]!.includes(':') ? 'ipv6' : 'ipv4');

export default defineCheck<Params>({
  id: 'ec2-sg-no-public-admin-ports',
  title: 'Security groups allow no internet ingress to administration ports',
  severity: 'high',
  resourceType: 'AWS::EC2::SecurityGroup',
  requires: ['ec2:DescribeSecurityGroups'],
  rationale:
    'SSH and RDP reachable from 0.0.0.0/0 or ::/0 invite brute force and exploitation of remote-administration services.',
  remediation:
    'Revoke the rule; reach hosts through SSM Session Manager, a VPN or a bastion whose security group admits only known addresses.',
  schema,
  defaults: { ports: [22, 3389], ipFamilies: ['ipv4', 'ipv6'], broaderThan: DEFAULT_BROADER_THAN },
  paramDocs: {
    ports: 'TCP/UDP ports that must not be reachable from 0.0.0.0/0 or ::/0',
    ipFamilies: 'Which "anywhere" to judge: ipv4 (0.0.0.0/0), ipv6 (::/0) or both (CIS AWS 6.3 and 6.4 judge them apart)',
    broaderThan: broaderThanDoc,
  },
  evaluate(inv, { ports, ipFamilies, broaderThan }) {
    const families = new Set(ipFamilies);
    const over = families.size === 2 ? '' : ` from ${families.has('ipv4') ? '0.0.0.0/0' : '::/0'}`;
    return inv.securityGroups.map((sg) => {
      const open: { protocol: string; ports: string; source: string; exposed: number[] }[] = [];
      const rules: { rule: (typeof sg.ingress)[number]; sources: string[] }[] = [];
      for (const rule of sg.ingress) {
        const exposed = coveredPorts(rule, ports);
        if (exposed.length === 0) continue;
        const sources = anywhereSources(rule, broaderThan);
        if (!sources.ok) return error(sg, sources.error);
        for (const source of sources.value) {
          if (!families.has(familyOf(source))) continue;
          open.push({ protocol: rule.protocol, ports: portText(rule), source, exposed });
          rules.push({ rule, sources: [source] });
        }
      }
      if (open.length === 0) return pass(sg, `${sg.id} admits no internet traffic${over} to ports ${ports.join(', ')}`);
      const exposed = [...new Set(open.flatMap((o) => o.exposed))].sort((a, b) => a - b);
      // Is a host of the group open on those ports, or is the rule wrong but unusable?
      const reach = internetExposure(inv, sg, openTraffic(rules, (t) => intersect(t, portListTraffic(exposed))), broaderThan);
      const result = fail(sg, `${sg.id} admits ${[...new Set(open.map((o) => o.source))].join(', ')} to port ${exposed.join(', ')}${reach.reachableFromInternet ? ', and a host of it is reachable from the internet' : ''}`, {
        openRules: open.map(({ protocol, ports: p, source }) => ({ protocol, ports: p, source })),
        exposedPorts: exposed,
        ...reach,
      });
      return reach.reachableFromInternet ? { ...result, severity: raised('high') } : result;
    });
  },
});

