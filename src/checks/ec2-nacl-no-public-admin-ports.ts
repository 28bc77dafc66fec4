import type { JSONSchemaType } from 'ajv';
import { broaderThanDoc, broaderThanSchema, DEFAULT_BROADER_THAN, naclOpenEntries, naclPortText } from '../inventory/net.js';
import { defineCheck, fail, notApplicable, pass } from './define.js';

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

/** An inbound entry that lets the internet reach a listed port. */
interface OpenEntry {
  port: number;
  ruleNumber: number;
  cidr: string;
  protocol: string;
  ports: string;
  /** Only for a broad public range: why it counts as the internet. */
  counts?: string;
}

export default defineCheck<Params>({
  id: 'ec2-nacl-no-public-admin-ports',
  title: 'Network ACLs do not allow internet ingress to administration ports',
  severity: 'medium',
  resourceType: 'AWS::EC2::NetworkAcl',
  requires: ['ec2:DescribeNetworkAcls'],
  rationale:
    'A network ACL is the subnet-wide layer of defence in depth: if it allows SSH or RDP from 0.0.0.0/0 or ::/0, a single ' +
    'permissive security group in the subnet is all that stands between the internet and remote administration.',
  remediation:
    'Add a lower-numbered inbound deny entry for the port from 0.0.0.0/0 and ::/0 (or remove the allow entry), and admit ' +
    'administration traffic only from known address ranges.',
  schema,
  defaults: { ports: [22, 3389], broaderThan: DEFAULT_BROADER_THAN },
  paramDocs: { ports: 'TCP/UDP ports whose internet ingress the ACL must deny (explicitly or by its final implicit deny)', broaderThan: broaderThanDoc },
  evaluate(inv, { ports, broaderThan }) {
    const listed = [...new Set(ports)].sort((a, b) => a - b);
    return inv.networkAcls.map((acl) => {
      if (acl.subnetIds.length === 0) {
        return notApplicable(acl, `${acl.id} is associated with no subnet`, { subnetIds: [] });
      }
      const open: OpenEntry[] = [];
      for (const port of listed) {
        for (const ipv6 of [false, true]) {
          for (const { entry, reason } of naclOpenEntries(acl.entries, port, ipv6, broaderThan)) {
            const row: OpenEntry = { port, ruleNumber: entry.ruleNumber, cidr: entry.cidr, protocol: entry.protocol, ports: naclPortText(entry) };
            if (reason !== 'anywhere') row.counts = reason;
            open.push(row);
          }
        }
      }
      if (open.length === 0) return pass(acl, `${acl.id} denies internet ingress to ports ${listed.join(', ')}`);
      const exposed = [...new Set(open.map((o) => o.port))];
      const rules = [...new Set(open.map((o) => o.ruleNumber))].sort((a, b) => a - b);
      return fail(
        acl,
        `${acl.id} allows internet ingress to port${exposed.length > 1 ? 's' : ''} ${exposed.join(', ')} ` +
          `by rule${rules.length > 1 ? 's' : ''} ${rules.join(', ')}`,
        { openEntries: open, exposedPorts: exposed },
      );
    });
  },
});
