/**
 * Elastic Load Balancing, Classic Load Balancers (the 2009 API): load
 * balancers with their listeners, and per load balancer its policies (the
 * SSL negotiation policy of each HTTPS/SSL listener) and attributes (access
 * logs). Keys are `elb:...` because the IAM actions (`elasticloadbalancing:
 * DescribeLoadBalancers`, ...) are the same names as ELBv2's.
 */
import type { OperationSpec } from '../spec.js';

export const SDK = { elb: '@aws-sdk/client-elastic-load-balancing' } as const;

const loadBalancer = 'Classic Load Balancer name';

export const OPERATIONS = [
  {
    key: 'elb:DescribeLoadBalancers',
    scope: 'regional',
    iamAction: 'elasticloadbalancing:DescribeLoadBalancers',
    records: [
      {
        path: 'LoadBalancerDescriptions/*',
        type: 'AWS::ElasticLoadBalancing::LoadBalancer',
        id: 'LoadBalancerName',
        arnOf: (id, at) => `arn:${at.partition}:elasticloadbalancing:${at.region}:${at.accountId}:loadbalancer/${id}`,
      },
    ],
    // A listener without a policy has none; plain HTTP/TCP listeners have no certificate.
    unset: { ListenerDescription: ['PolicyNames'], Listener: ['SSLCertificateId', 'InstanceProtocol'], LoadBalancerDescription: ['VPCId', 'AvailabilityZones'] },
    needs: {
      DescribeAccessPointsOutput: ['LoadBalancerDescriptions'],
      LoadBalancerDescription: ['LoadBalancerName', 'Scheme', 'ListenerDescriptions'],
      ListenerDescription: ['Listener'],
      Listener: ['Protocol', 'LoadBalancerPort'],
    },
  },
  {
    key: 'elb:DescribeLoadBalancerPolicies',
    scope: 'regional',
    iamAction: 'elasticloadbalancing:DescribeLoadBalancerPolicies',
    perResource: { from: 'elb:DescribeLoadBalancers', id: loadBalancer },
    unset: { PolicyDescription: ['PolicyAttributeDescriptions'], PolicyAttributeDescription: ['AttributeValue'] },
    needs: { DescribeLoadBalancerPoliciesOutput: ['PolicyDescriptions'], PolicyDescription: ['PolicyName', 'PolicyTypeName'], PolicyAttributeDescription: ['AttributeName'] },
  },
  {
    key: 'elb:DescribeLoadBalancerAttributes',
    scope: 'regional',
    iamAction: 'elasticloadbalancing:DescribeLoadBalancerAttributes',
    perResource: { from: 'elb:DescribeLoadBalancers', id: loadBalancer },
    unset: { AccessLog: ['S3BucketName', 'S3BucketPrefix', 'EmitInterval'] },
    needs: { DescribeLoadBalancerAttributesOutput: ['LoadBalancerAttributes'], LoadBalancerAttributes: ['AccessLog'], AccessLog: ['Enabled'] },
  },
] as const satisfies readonly OperationSpec[];
