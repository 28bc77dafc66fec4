import type { ServiceFake } from '../define.js';

/** One internet-facing Classic Load Balancer per region: HTTPS only, a TLS 1.2 predefined policy, access logs on. */
const fake: ServiceFake = (scope, account) => {
  if (scope === 'global') return {};
  return {
    'elb:DescribeLoadBalancers': {
      LoadBalancerDescriptions: [
        {
          LoadBalancerName: 'legacy-web',
          DNSName: `legacy-web-1.${scope}.elb.amazonaws.com`,
          Scheme: 'internet-facing',
          VPCId: `vpc-0${scope === 'ap-south-1' ? 'a' : 'b'}00000000000001`,
          AvailabilityZones: [`${scope}a`, `${scope}b`],
          ListenerDescriptions: [
            {
              Listener: { Protocol: 'HTTPS', LoadBalancerPort: 443, InstanceProtocol: 'HTTP', InstancePort: 80, SSLCertificateId: `arn:aws:acm:${scope}:${account}:certificate/00000000-0000-0000-0000-000000000001` },
              PolicyNames: ['tls12'],
            },
          ],
          Policies: { AppCookieStickinessPolicies: [], LBCookieStickinessPolicies: [], OtherPolicies: ['tls12'] },
        },
      ],
    },
    'elb:DescribeLoadBalancerPolicies': {
      PolicyDescriptions: [
        {
          PolicyName: 'tls12',
          PolicyTypeName: 'SSLNegotiationPolicyType',
          PolicyAttributeDescriptions: [{ AttributeName: 'Reference-Security-Policy', AttributeValue: 'ELBSecurityPolicy-TLS-1-2-2017-01' }],
        },
      ],
    },
    'elb:DescribeLoadBalancerAttributes': {
      LoadBalancerAttributes: { AccessLog: { Enabled: true, S3BucketName: `elb-logs-${account}`, EmitInterval: 60, S3BucketPrefix: 'legacy-web' } },
    },
  };
};

export default fake;
