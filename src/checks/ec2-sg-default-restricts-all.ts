import type { JSONSchemaType } from 'ajv';
import type { SecurityGroupRule } from '../inventory/types.js';
import { portText, sortRuleRows, type RuleRow } from '../inventory/net.js';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/** A rule as evidence; `source` is the peer as written (CIDR, prefix-list id or group id), for egress too. */
const rows = (rules: readonly SecurityGroupRule[]): RuleRow[] =>
  sortRuleRows(rules.map((r) => ({ protocol: r.protocol, ports: portText(r), source: r.peer.value })));

const count = (n: number, direction: string): string => `${n} ${direction} rule${n === 1 ? '' : 's'}`;

export default defineCheck<Params>({
  id: 'ec2-sg-default-restricts-all',
  title: 'Default security groups restrict all inbound and outbound traffic',
  severity: 'medium',
  resourceType: 'AWS::EC2::SecurityGroup',
  requires: ['ec2:DescribeSecurityGroups'],
  rationale:
    'Resources launched without an explicit security group land in the VPC default group; if it has rules, they silently ' +
    'gain network access nobody designed. An empty default group forces every resource onto a purpose-built group.',
  remediation:
    'Remove every inbound and outbound rule from the default security group of each VPC, and move resources that rely on ' +
    'it to purpose-built security groups.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.securityGroups
      .filter((sg) => sg.isDefault)
      .map((sg) => {
        const ingressRules = rows(sg.ingress);
        const egressRules = rows(sg.egress);
        const evidence = { ingressRules, egressRules };
        const where = sg.vpcId ? ` of ${sg.vpcId}` : '';
        if (ingressRules.length === 0 && egressRules.length === 0) {
          return pass(sg, `Default security group ${sg.id}${where} has no inbound or outbound rules`, evidence);
        }
        return fail(
          sg,
          `Default security group ${sg.id}${where} has ${count(ingressRules.length, 'inbound')} and ${count(egressRules.length, 'outbound')}`,
          evidence,
        );
      });
  },
});
