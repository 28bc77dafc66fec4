import type { JSONSchemaType } from 'ajv';
import type { Instance, SsmManagedInstance } from '../inventory/types.js';
import { defineCheck, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

function label(i: Instance): string {
  return i.name !== undefined && i.name !== i.id ? `${i.name} (${i.id})` : i.id;
}

export default defineCheck<Params>({
  id: 'ssm-instance-managed',
  title: 'Running EC2 instances are managed by AWS Systems Manager, with the agent online',
  severity: 'medium',
  resourceType: 'AWS::EC2::Instance',
  requires: ['ec2:DescribeInstances', 'ssm:DescribeInstanceInformation'],
  rationale:
    'Patch Manager can only scan and patch an instance whose SSM Agent is registered and reachable; an unmanaged or ' +
    'disconnected instance has no patch compliance record, so nobody can show that its security patches were applied ' +
    '(PCI DSS 6.3.3, MAS Notice 655 para 4.2).',
  remediation:
    'Give the instance an instance profile with the AmazonSSMManagedInstanceCore policy (or turn on Default Host ' +
    'Management Configuration: Systems Manager > Fleet Manager > Settings), make sure SSM Agent runs and can reach the ' +
    'ssm, ssmmessages and ec2messages endpoints (VPC endpoints or NAT), then confirm it shows Online in Fleet Manager ' +
    '(`aws ssm describe-instance-information --filters Key=InstanceIds,Values=<id>`).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const managed = new Map<string, SsmManagedInstance>();
    for (const m of inv.ssmManagedInstances) managed.set(`${m.region}/${m.instanceId}`, m);
    return inv.instances.map((i) => {
      if (i.state !== undefined && i.state !== 'running') {
        return notApplicable(i, `EC2 instance ${label(i)} is ${i.state}: SSM judges instances while they run.`, { state: i.state });
      }
      const m = managed.get(`${i.region}/${i.id}`);
      if (m === undefined) {
        return fail(i, `EC2 instance ${label(i)} is not registered with Systems Manager: it has no patch compliance record.`, { managed: false });
      }
      const evidence = { managed: true, pingStatus: m.pingStatus, lastPing: m.lastPing ?? null, agentVersion: m.agentVersion ?? null, platform: m.platformName ?? m.platformType ?? null };
      if (m.pingStatus === 'Online') return pass(i, `EC2 instance ${label(i)} is managed by Systems Manager and its agent is online.`, evidence);
      return fail(i, `EC2 instance ${label(i)} is registered with Systems Manager but its agent is ${m.pingStatus} (last ping ${m.lastPing ?? 'never'}).`, evidence);
    });
  },
});
