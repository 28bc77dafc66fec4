import type { JSONSchemaType } from 'ajv';
import type { FlowLog } from '../inventory/types.js';
import { defineCheck, fail, pass } from './define.js';

type TrafficType = 'ALL' | 'REJECT' | 'ACCEPT';

interface Params {
  trafficType: TrafficType;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['trafficType'],
  properties: { trafficType: { type: 'string', enum: ['ALL', 'REJECT', 'ACCEPT'] } },
};

/** A flow log as evidence. */
function flowLogEvidence(f: FlowLog): Record<string, string> {
  const d: Record<string, string> = { id: f.id };
  if (f.trafficType !== undefined) d['trafficType'] = f.trafficType;
  if (f.status !== undefined) d['status'] = f.status;
  return d;
}

export default defineCheck<Params>({
  id: 'vpc-flow-logs-enabled',
  title: 'VPCs have active flow logs',
  severity: 'medium',
  resourceType: 'AWS::EC2::VPC',
  requires: ['ec2:DescribeVpcs', 'ec2:DescribeFlowLogs'],
  rationale:
    'Without VPC flow logs there is no record of which addresses reached or were refused by resources in the VPC, so ' +
    'incidents cannot be investigated and exfiltration or scanning goes unnoticed.',
  remediation:
    'Create a flow log on the VPC capturing ALL traffic (or at least the required traffic type) to CloudWatch Logs or S3, ' +
    'and make sure its delivery role or bucket policy lets it deliver.',
  schema,
  defaults: { trafficType: 'ALL' },
  paramDocs: {
    trafficType: 'The traffic a flow log must capture: ALL, REJECT or ACCEPT (a flow log capturing ALL always qualifies)',
  },
  evaluate(inv, { trafficType }) {
    // One pass over the flow logs, indexed by the resource they watch (flow logs live in their resource's region).
    const byResource = new Map<string, FlowLog[]>();
    for (const f of inv.flowLogs) {
      const key = `${f.region}\u0000${f.resourceId}`;
      const list = byResource.get(key);
      if (list) list.push(f);
      else byResource.set(key, [f]);
    }
    const wanted = trafficType === 'ALL' ? 'ALL' : `${trafficType} or ALL`;
    return inv.vpcs.map((vpc) => {
      const logs = [...(byResource.get(`${vpc.region}\u0000${vpc.id}`) ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const matching = logs.filter((f) => f.status === 'ACTIVE' && (f.trafficType === trafficType || f.trafficType === 'ALL'));
      if (matching.length > 0) {
        return pass(vpc, `${vpc.id} has an active flow log capturing ${wanted} traffic`, {
          requiredTrafficType: trafficType,
          matchingFlowLogs: matching.map(flowLogEvidence),
        });
      }
      return fail(vpc, `${vpc.id} has no active flow log capturing ${wanted} traffic`, {
        requiredTrafficType: trafficType,
        flowLogs: logs.map(flowLogEvidence),
      });
    });
  },
});
