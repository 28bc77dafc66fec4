import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'elb-classic-access-logs-enabled',
  title: 'Classic Load Balancers write access logs to S3',
  severity: 'medium',
  resourceType: 'AWS::ElasticLoadBalancing::LoadBalancer',
  requires: ['elb:DescribeLoadBalancers', 'elb:DescribeLoadBalancerAttributes'],
  rationale:
    'Access logs record every request the load balancer received (client, time, request, status, TLS protocol): the audit ' +
    'trail of who reached the application (PCI DSS 10.2.1, MAS TRM 12.2.2).',
  remediation:
    'Turn on access logs to an S3 bucket the ELB log delivery may write to: EC2 console > Load balancers > select > ' +
    'Attributes > Edit > Access logs, or `aws elb modify-load-balancer-attributes --load-balancer-name <lb> ' +
    '--load-balancer-attributes "{\\"AccessLog\\":{\\"Enabled\\":true,\\"S3BucketName\\":\\"<bucket>\\",\\"EmitInterval\\":60}}"`.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.classicLoadBalancers.map((lb) => {
      if (!lb.accessLog.ok) return error(lb, lb.accessLog.error);
      const { enabled, bucket } = lb.accessLog.value;
      const evidence = { accessLogsEnabled: enabled, bucket: bucket ?? null };
      if (enabled) return pass(lb, `Classic Load Balancer ${lb.id} writes access logs to s3://${bucket ?? '?'}.`, evidence);
      return fail(lb, `Classic Load Balancer ${lb.id} does not write access logs.`, evidence);
    });
  },
});
