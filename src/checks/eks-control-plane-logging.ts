import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, pass } from './define.js';

type LogType = 'api' | 'audit' | 'authenticator' | 'controllerManager' | 'scheduler';

interface Params {
  logTypes: LogType[];
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['logTypes'],
  properties: {
    logTypes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] } },
  },
};

export default defineCheck<Params>({
  id: 'eks-control-plane-logging',
  title: 'EKS clusters send their control-plane logs (API, audit, authenticator, ...) to CloudWatch Logs',
  severity: 'medium',
  resourceType: 'AWS::EKS::Cluster',
  requires: ['eks:ListClusters', 'eks:DescribeCluster'],
  rationale:
    'The Kubernetes audit and authenticator logs record who did what in the cluster (kubectl exec, secret reads, RBAC ' +
    'changes); CloudTrail does not see inside Kubernetes. With control-plane logging off they are kept nowhere (PCI DSS ' +
    '10.2.1, MAS TRM 12.2.2).',
  remediation:
    'Enable the log types: EKS console > the cluster > Observability > Control plane logging > Manage logging, or `aws eks ' +
    'update-cluster-config --name <cluster> --logging \'{"clusterLogging":[{"types":["api","audit","authenticator",' +
    '"controllerManager","scheduler"],"enabled":true}]}\'`.',
  schema,
  defaults: { logTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] },
  paramDocs: { logTypes: 'control-plane log types that must be enabled (`api`, `audit`, `authenticator`, `controllerManager`, `scheduler`)' },
  evaluate(inv, { logTypes }) {
    return inv.eksClusters.map((c) => {
      if (!c.detail.ok) return error(c, c.detail.error);
      const enabled = c.detail.value.enabledLogTypes;
      const missing = logTypes.filter((t) => !enabled.includes(t));
      if (missing.length === 0) return pass(c, `EKS cluster ${c.id} sends ${logTypes.join(', ')} logs to CloudWatch Logs.`, { enabledLogTypes: enabled });
      return fail(c, `EKS cluster ${c.id} does not send its ${missing.join(', ')} logs.`, { enabledLogTypes: enabled, missing });
    });
  },
});
