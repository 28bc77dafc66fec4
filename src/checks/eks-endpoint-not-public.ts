import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);

export default defineCheck<Params>({
  id: 'eks-endpoint-not-public',
  title: 'EKS cluster API endpoints are private, or public only to listed networks',
  severity: 'high',
  resourceType: 'AWS::EKS::Cluster',
  requires: ['eks:ListClusters', 'eks:DescribeCluster'],
  rationale:
    'A public Kubernetes API endpoint open to 0.0.0.0/0 can be reached by anyone on the internet: every API server ' +
    'vulnerability, leaked kubeconfig or token and credential-guessing attempt can be tried against it. EKS opens it to ' +
    '0.0.0.0/0 by default.',
  remediation:
    'Make the endpoint private, or restrict it to the administrators\' networks: EKS console > the cluster > Networking > ' +
    'Manage endpoint access, or `aws eks update-cluster-config --name <cluster> --resources-vpc-config ' +
    'endpointPublicAccess=false,endpointPrivateAccess=true` (or publicAccessCidrs=<office/VPN CIDRs>).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.eksClusters.map((c) => {
      if (!c.detail.ok) return error(c, c.detail.error);
      const d = c.detail.value;
      const evidence = { endpointPublicAccess: d.endpointPublicAccess, endpointPrivateAccess: d.endpointPrivateAccess, publicAccessCidrs: d.endpointPublicAccess ? d.publicAccessCidrs : [] };
      if (!d.endpointPublicAccess) return pass(c, `EKS cluster ${c.id}'s API endpoint is private only.`, evidence);
      const open = d.publicAccessCidrs.length === 0 ? ['0.0.0.0/0 (no CIDR list: EKS default)'] : d.publicAccessCidrs.filter((cidr) => ANYWHERE.has(cidr));
      if (open.length === 0) return pass(c, `EKS cluster ${c.id}'s public API endpoint is limited to ${d.publicAccessCidrs.join(', ')}.`, evidence);
      return fail(c, `EKS cluster ${c.id}'s API endpoint is public to ${open.join(', ')}.`, evidence);
    });
  },
});
