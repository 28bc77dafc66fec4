/** Elastic Load Balancing v2 (ALB, NLB, GWLB): load balancers, their listeners and target groups. */
import type { OperationSpec } from '../spec.js';

export const SDK = { elasticloadbalancing: '@aws-sdk/client-elastic-load-balancing-v2' } as const;

export const OPERATIONS = [
  {
    key: 'elasticloadbalancing:DescribeLoadBalancers',
    scope: 'regional',
    records: [{ path: 'LoadBalancers/*', type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', arn: 'LoadBalancerArn' }],
    needs: { DescribeLoadBalancersOutput: ['LoadBalancers'], LoadBalancer: ['LoadBalancerArn', 'LoadBalancerName', 'Type', 'Scheme'] },
  },
  {
    key: 'elasticloadbalancing:DescribeListeners',
    scope: 'regional',
    perResource: { from: 'elasticloadbalancing:DescribeLoadBalancers', id: 'load balancer ARN' },
    // Gateway Load Balancer listeners have no port or protocol; only redirect actions have a RedirectConfig,
    // only forward actions a target group (TargetGroupArn, or ForwardConfig for weighted forwarding).
    unset: { Listener: ['Port', 'Protocol', 'SslPolicy'], Action: ['RedirectConfig', 'TargetGroupArn', 'ForwardConfig'], ForwardActionConfig: ['TargetGroups'] },
    needs: {
      DescribeListenersOutput: ['Listeners'],
      Listener: ['ListenerArn', 'DefaultActions'],
      Action: ['Type'],
      RedirectActionConfig: ['Protocol', 'StatusCode'],
      TargetGroupTuple: ['TargetGroupArn'],
    },
  },
  // Target groups decide whether an NLB's TCP listener is a TLS passthrough (TCP to targets on 443 that terminate TLS).
  {
    key: 'elasticloadbalancing:DescribeTargetGroups',
    scope: 'regional',
    records: [{ path: 'TargetGroups/*', type: 'AWS::ElasticLoadBalancingV2::TargetGroup', arn: 'TargetGroupArn' }],
    // Lambda target groups have no protocol or port.
    unset: { TargetGroup: ['Protocol', 'Port'] },
    needs: { DescribeTargetGroupsOutput: ['TargetGroups'], TargetGroup: ['TargetGroupArn', 'TargetGroupName'] },
  },
  // Load-balancer attributes (access logs, invalid-header handling): read in attributes.ts.
  {
    key: 'elasticloadbalancing:DescribeLoadBalancerAttributes',
    scope: 'regional',
    perResource: { from: 'elasticloadbalancing:DescribeLoadBalancers', id: 'load balancer ARN' },
    // An attribute not set answers an empty Value (access_logs.s3.bucket "").
    unset: { LoadBalancerAttribute: ['Value'] },
    needs: { DescribeLoadBalancerAttributesOutput: ['Attributes'], LoadBalancerAttribute: ['Key'] },
  },
] as const satisfies readonly OperationSpec[];
