import type { JSONSchemaType } from 'ajv';
import { broaderThanDoc, broaderThanSchema, coversAllTraffic, DEFAULT_BROADER_THAN, rulesFromAnywhere } from '../inventory/net.js';
import { internetExposure, openTraffic, raised } from '../reach/exposure.js';
import { defineCheck, error, fail, pass } from './define.js';

interface Params {
  broaderThan: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  properties: { broaderThan: broaderThanSchema },
  required: ['broaderThan'],
};

export default defineCheck<Params>({
  id: 'ec2-sg-no-public-all-traffic',
  title: 'Security groups do not admit all traffic from the internet',
  severity: 'critical',
  resourceType: 'AWS::EC2::SecurityGroup',
  requires: ['ec2:DescribeSecurityGroups'],
  rationale:
    'A rule admitting every protocol, or every TCP or UDP port, from 0.0.0.0/0 or ::/0 exposes every service on every ' +
    'attached resource to the internet, whatever it listens on.',
  remediation:
    'Replace the rule with rules for the specific ports the workload serves, from the narrowest sources that need them ' +
    '(a load balancer security group, known address ranges).',
  schema,
  defaults: { broaderThan: DEFAULT_BROADER_THAN },
  paramDocs: { broaderThan: broaderThanDoc },
  evaluate(inv, { broaderThan }) {
    return inv.securityGroups.map((sg) => {
      const open = rulesFromAnywhere(sg.ingress, coversAllTraffic, broaderThan);
      if (!open.ok) return error(sg, open.error);
      if (open.value.length === 0) return pass(sg, `${sg.id} has no rule admitting all traffic from the internet`);
      const sources = [...new Set(open.value.map((o) => o.row.source))].sort();
      const reach = internetExposure(inv, sg, openTraffic(open.value.map((o) => ({ rule: o.rule, sources: [o.row.source] })), (t) => t), broaderThan);
      const result = fail(sg, `${sg.id} admits all traffic from ${sources.join(', ')}${reach.reachableFromInternet ? ', and a host of it is reachable from the internet' : ''}`, { openRules: open.value.map((o) => o.row), ...reach });
      return reach.reachableFromInternet ? { ...result, severity: raised('critical') } : result;
    });
  },
});
