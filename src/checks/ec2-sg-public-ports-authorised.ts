import type { JSONSchemaType } from 'ajv';
import { broaderThanDoc, broaderThanSchema, coversPortOutside, DEFAULT_BROADER_THAN, rulesFromAnywhere } from '../inventory/net.js';
import { internetExposure, openTraffic, outsidePorts, raised } from '../reach/exposure.js';
import { defineCheck, error, fail, pass } from './define.js';

interface Params {
  allowedPorts: number[];
  broaderThan: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['allowedPorts', 'broaderThan'],
  properties: {
    allowedPorts: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 65535 } },
    broaderThan: broaderThanSchema,
  },
};

export default defineCheck<Params>({
  id: 'ec2-sg-public-ports-authorised',
  title: 'Security groups admit internet traffic only to authorised ports',
  severity: 'medium',
  resourceType: 'AWS::EC2::SecurityGroup',
  requires: ['ec2:DescribeSecurityGroups'],
  rationale:
    'Every port reachable from 0.0.0.0/0 or ::/0 is attack surface; only the ports the business has approved for public ' +
    'exposure (typically HTTP and HTTPS on load balancers) should be open to the internet.',
  remediation:
    'Narrow the rule to the authorised ports, restrict its source to known address ranges or security groups, or add the ' +
    'port to allowedPorts once its public exposure is approved.',
  schema,
  defaults: { allowedPorts: [80, 443], broaderThan: DEFAULT_BROADER_THAN },
  paramDocs: { allowedPorts: 'TCP/UDP ports that may be reachable from 0.0.0.0/0 or ::/0; ICMP rules are not considered', broaderThan: broaderThanDoc },
  evaluate(inv, { allowedPorts, broaderThan }) {
    const allowed = new Set(allowedPorts);
    const allowedList = [...allowed].sort((a, b) => a - b);
    return inv.securityGroups.map((sg) => {
      const open = rulesFromAnywhere(sg.ingress, (rule) => coversPortOutside(rule, allowed), broaderThan);
      if (!open.ok) return error(sg, open.error);
      const within = allowedList.length > 0 ? `ports ${allowedList.join(', ')}` : 'no port';
      if (open.value.length === 0) return pass(sg, `${sg.id} admits internet traffic only to ${within}`);
      const rules = [...new Set(open.value.map((o) => (o.row.protocol === '-1' ? 'all traffic' : `${o.row.protocol} ${o.row.ports}`)))];
      const reach = internetExposure(inv, sg, openTraffic(open.value.map((o) => ({ rule: o.rule, sources: [o.row.source] })), (t) => outsidePorts(t, allowedList)), broaderThan);
      const result = fail(sg, `${sg.id} admits internet traffic outside ${within} (${rules.join(', ')})${reach.reachableFromInternet ? ', and a host of it is reachable from the internet on them' : ''}`, {
        unauthorisedRules: open.value.map((o) => o.row),
        allowedPorts: allowedList,
        ...reach,
      });
      return reach.reachableFromInternet ? { ...result, severity: raised('medium') } : result;
    });
  },
});
