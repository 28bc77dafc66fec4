/** Elastic Load Balancing v2 (ALB, NLB, GWLB): load balancers, their listeners, target groups and targets. */
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
  // Target groups and their targets (targets.ts): what a listener forwards to, on which protocol and port;
  // whether an NLB's TCP listener is a TLS passthrough (TCP to targets on 443 that terminate TLS).
  {
    key: 'elasticloadbalancing:DescribeTargetGroups',
    scope: 'regional',
    records: [{ path: 'TargetGroups/*', type: 'AWS::ElasticLoadBalancingV2::TargetGroup', arn: 'TargetGroupArn' }],
    // Lambda targets have no protocol, port or VPC.
    unset: { TargetGroup: ['Protocol', 'Port', 'VpcId', 'LoadBalancerArns'] },
    needs: { DescribeTargetGroupsOutput: ['TargetGroups'], TargetGroup: ['TargetGroupArn', 'TargetGroupName', 'TargetType'] },
  },
  {
    key: 'elasticloadbalancing:DescribeTargetHealth',
    scope: 'regional',
    perResource: { from: 'elasticloadbalancing:DescribeTargetGroups', id: 'target group ARN' },
    // A target registered without a port takes the group's; the zone is only set for IP targets outside the VPC.
    unset: { TargetDescription: ['Port', 'AvailabilityZone'], TargetHealthDescription: ['TargetHealth'] },
    needs: { DescribeTargetHealthOutput: ['TargetHealthDescriptions'], TargetHealthDescription: ['Target'], TargetDescription: ['Id'], TargetHealth: ['State'] },
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
