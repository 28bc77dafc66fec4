import type { JSONSchemaType } from 'ajv';
import { broaderThanDoc, broaderThanSchema, coveredPorts, DEFAULT_BROADER_THAN, rulesFromAnywhere } from '../inventory/net.js';
import { internetExposure, openTraffic, portListTraffic, raised } from '../reach/exposure.js';
import { intersect } from '../reach/ports.js';
import { defineCheck, error, fail, pass } from './define.js';

interface Params {
  ports: number[];
  broaderThan: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['ports', 'broaderThan'],
  properties: {
    ports: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 0, maximum: 65535 } },
    broaderThan: broaderThanSchema,
  },
};

export default defineCheck<Params>({
  id: 'ec2-sg-no-public-risky-ports',
  title: 'Security groups allow no internet ingress to database, cache and legacy service ports',
  severity: 'high',
  resourceType: 'AWS::EC2::SecurityGroup',
  requires: ['ec2:DescribeSecurityGroups'],
  rationale:
    'FTP, Telnet, SQL Server, Oracle, MySQL, PostgreSQL, Redis, Elasticsearch and MongoDB reachable from 0.0.0.0/0 or ::/0 ' +
    'expose data stores and clear-text services to scanning, credential stuffing and ransom attacks.',
  remediation:
    'Revoke the rule; admit only the application tier (by security group) or known address ranges, and reach data stores ' +
    'through private subnets, VPC endpoints or a VPN.',
  schema,
  defaults: { ports: [20, 21, 23, 1433, 1521, 3306, 5432, 6379, 9200, 27017], broaderThan: DEFAULT_BROADER_THAN },
  paramDocs: { ports: 'TCP/UDP ports that must not be reachable from 0.0.0.0/0 or ::/0', broaderThan: broaderThanDoc },
  evaluate(inv, { ports, broaderThan }) {
    const listed = [...new Set(ports)].sort((a, b) => a - b);
    return inv.securityGroups.map((sg) => {
      const open = rulesFromAnywhere(sg.ingress, (rule) => coveredPorts(rule, listed).length > 0, broaderThan);
      if (!open.ok) return error(sg, open.error);
      if (open.value.length === 0) return pass(sg, `${sg.id} admits no internet traffic to ports ${listed.join(', ')}`);
      const exposed = [...new Set(open.value.flatMap((o) => coveredPorts(o.rule, listed)))].sort((a, b) => a - b);
      const sources = [...new Set(open.value.map((o) => o.row.source))].sort();
      const reach = internetExposure(inv, sg, openTraffic(open.value.map((o) => ({ rule: o.rule, sources: [o.row.source] })), (t) => intersect(t, portListTraffic(exposed))), broaderThan);
      const result = fail(sg, `${sg.id} admits ${sources.join(', ')} to port${exposed.length > 1 ? 's' : ''} ${exposed.join(', ')}${reach.reachableFromInternet ? ', and a host of it is reachable from the internet' : ''}`, {
        openRules: open.value.map((o) => o.row),
        exposedPorts: exposed,
        ...reach,
      });
      return reach.reachableFromInternet ? { ...result, severity: raised('high') } : result;
    });
  },
});
