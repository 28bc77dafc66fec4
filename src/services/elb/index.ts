import type {
  DescribeLoadBalancersCommandOutput,
  DescribeLoadBalancerAttributesCommandOutput,
  DescribeLoadBalancerPoliciesCommandOutput,
} from '@aws-sdk/client-elastic-load-balancing';
import type { Observed, Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { ClassicListener, ClassicLoadBalancer, ClassicPolicy } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

function policiesOf(src: ServiceSource, region: string, name: string): Observed<ClassicPolicy[]> {
  const got = src.perResource<Raw<DescribeLoadBalancerPoliciesCommandOutput>>(region, 'elb:DescribeLoadBalancerPolicies', name);
  if (!got.ok) return got;
  return {
    ok: true,
    value: got.value.PolicyDescriptions!.map((p) => ({
      name: p.PolicyName!,
      type: p.PolicyTypeName!,
      attributes: Object.fromEntries((p.PolicyAttributeDescriptions ?? []).map((a) => [a.AttributeName!, a.AttributeValue ?? ''])),
    })),
  };
}

function accessLogOf(src: ServiceSource, region: string, name: string): ClassicLoadBalancer['accessLog'] {
  const got = src.perResource<Raw<DescribeLoadBalancerAttributesCommandOutput>>(region, 'elb:DescribeLoadBalancerAttributes', name);
  if (!got.ok) return got;
  const log = got.value.LoadBalancerAttributes!.AccessLog!;
  return { ok: true, value: { enabled: log.Enabled!, ...(log.S3BucketName ? { bucket: log.S3BucketName } : {}) } };
}

function buildClassic(src: ServiceSource, region: string): ClassicLoadBalancer[] {
  return src.records<Item<Raw<DescribeLoadBalancersCommandOutput>['LoadBalancerDescriptions']>, ClassicLoadBalancer>(
    region,
    'elb:DescribeLoadBalancers',
    'LoadBalancerDescriptions/*',
    (lb, at) => {
      const name = lb.LoadBalancerName!;
      const listeners: ClassicListener[] = lb.ListenerDescriptions!.map((d, i) => {
        const l = d.Listener!;
        at.expect(Number.isInteger(l.LoadBalancerPort) && l.LoadBalancerPort! >= 1 && l.LoadBalancerPort! <= 65535, `/ListenerDescriptions/${i}/Listener/LoadBalancerPort`, 'a port from 1 to 65535');
        // A policy is named to be looked up: an empty name would read as "no TLS policy on the listener".
        (d.PolicyNames ?? []).forEach((n, k) => at.expect(n !== '', `/ListenerDescriptions/${i}/PolicyNames/${k}`, 'a policy name'));
        const listener: ClassicListener = { protocol: String(l.Protocol).toUpperCase(), port: l.LoadBalancerPort!, policyNames: [...(d.PolicyNames ?? [])] };
        if (l.InstanceProtocol) listener.instanceProtocol = String(l.InstanceProtocol).toUpperCase();
        if (l.InstancePort !== undefined) listener.instancePort = l.InstancePort;
        if (l.SSLCertificateId) listener.certificateId = l.SSLCertificateId;
        return listener;
      });
      listeners.sort((a, b) => a.port - b.port);
      const out: ClassicLoadBalancer = {
        type: 'AWS::ElasticLoadBalancing::LoadBalancer',
        arn: `arn:${src.partition}:elasticloadbalancing:${region}:${src.accountId}:loadbalancer/${name}`,
        id: name,
        name,
        account: src.accountId,
        region,
        tags: {},
        scheme: String(lb.Scheme),
        availabilityZones: [...(lb.AvailabilityZones ?? [])].sort(),
        listeners,
        policies: policiesOf(src, region, name),
        accessLog: accessLogOf(src, region, name),
      };
      if (lb.VPCId) out.vpcId = lb.VPCId;
      return out;
    },
  );
}

export default defineService<{ classicLoadBalancers: ClassicLoadBalancer[] }>({
  name: 'elb',
  title: 'Elastic Load Balancing (Classic Load Balancers)',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ classicLoadBalancers: src.regions.flatMap((r) => buildClassic(src, r)) }),
  empty: () => ({ classicLoadBalancers: [] }),
  collector: async () => (await import('./collect.js')).default,
});
