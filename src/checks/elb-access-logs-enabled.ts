import type { JSONSchemaType } from 'ajv';
import type { LoadBalancer } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

function label(lb: LoadBalancer): string {
  return lb.name !== undefined && lb.name !== lb.id ? `${lb.name} (${lb.id})` : lb.id;
}

export default defineCheck<Params>({
  id: 'elb-access-logs-enabled',
  title: 'Application and Network Load Balancers write access logs to S3',
  severity: 'medium',
  resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  requires: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes', 'elasticloadbalancing:DescribeListeners'],
  rationale:
    'Access logs record every request a load balancer received (client IP, time, path, status, TLS protocol and cipher): ' +
    'the audit trail of who reached the application, needed to investigate an incident (PCI DSS 10.2.1, MAS TRM 12.2.2). ' +
    'An NLB writes them for its TLS listeners only.',
  remediation:
    'Turn on access logs to an S3 bucket whose policy lets the ELB log delivery write: EC2 console > Load balancers > select > ' +
    'Attributes > Edit > Monitoring > Access logs, or `aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> ' +
    '--attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=<bucket>`.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const byArn = new Map(inv.loadBalancerAttributes.map((a) => [a.loadBalancerArn, a.attributes]));
    return inv.loadBalancers.map((lb) => {
      if (lb.lbType === 'gateway') return notApplicable(lb, `Load balancer ${label(lb)} is a gateway load balancer, which has no access logs.`, { lbType: lb.lbType });
      if (lb.lbType === 'network') {
        if (!lb.listeners.ok) return error(lb, lb.listeners.error);
        if (!lb.listeners.value.some((l) => l.protocol?.toUpperCase() === 'TLS')) {
          return notApplicable(lb, `Network Load Balancer ${label(lb)} has no TLS listener: NLB access logs cover TLS listeners only.`, { lbType: lb.lbType, tlsListeners: 0 });
        }
      }
      const attributes = byArn.get(lb.arn);
      // The elbv2 module builds an entry for every load balancer (the failure inside it when the call failed).
      if (attributes === undefined) throw new Error(`no attributes entry for ${lb.arn}`);
      if (!attributes.ok) return error(lb, attributes.error);
      const enabled = attributes.value['access_logs.s3.enabled'];
      const bucket = attributes.value['access_logs.s3.bucket'] || null;
      const evidence = { lbType: lb.lbType, accessLogsEnabled: enabled ?? null, bucket };
      if (enabled === 'true') return pass(lb, `Load balancer ${label(lb)} writes access logs to s3://${bucket ?? '?'}.`, evidence);
      return fail(lb, `Load balancer ${label(lb)} does not write access logs (access_logs.s3.enabled ${enabled ?? 'not set'}).`, evidence);
    });
  },
});
