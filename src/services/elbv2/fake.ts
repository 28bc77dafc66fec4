import type { ServiceFake } from '../define.js';

/** One internet-facing ALB per region: HTTPS on 443 forwarding to an HTTP 8080 target group (no targets), HTTP redirected to HTTPS. */
const fake: ServiceFake = (scope, account) => {
  if (scope === 'global') return {};
  const x = scope === 'ap-south-1' ? 'a' : 'b';
  return {
    'elasticloadbalancing:DescribeLoadBalancers': {
      LoadBalancers: [
        {
          LoadBalancerArn: `arn:aws:elasticloadbalancing:${scope}:${account}:loadbalancer/app/web/0${x}`,
          LoadBalancerName: 'web',
          Scheme: 'internet-facing',
          Type: 'application',
          VpcId: `vpc-0${x}00000000000001`,
          AvailabilityZones: [{ ZoneName: `${scope}a` }, { ZoneName: `${scope}b` }],
        },
      ],
    },
    'elasticloadbalancing:DescribeListeners': (input: Record<string, unknown>) => ({
      Listeners: [
        {
          ListenerArn: `${String(input['LoadBalancerArn'])}/l443`,
          Port: 443,
          Protocol: 'HTTPS',
          SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
          DefaultActions: [{ Type: 'forward', TargetGroupArn: `arn:aws:elasticloadbalancing:${scope}:${account}:targetgroup/web/0${x}` }],
        },
        {
          ListenerArn: `${String(input['LoadBalancerArn'])}/l80`,
          Port: 80,
          Protocol: 'HTTP',
          DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
        },
      ],
    }),
    'elasticloadbalancing:DescribeTargetGroups': {
      TargetGroups: [
        {
          TargetGroupArn: `arn:aws:elasticloadbalancing:${scope}:${account}:targetgroup/web/0${x}`,
          TargetGroupName: 'web',
          Protocol: 'HTTP',
          Port: 8080,
          VpcId: `vpc-0${x}00000000000001`,
          TargetType: 'instance',
          LoadBalancerArns: [`arn:aws:elasticloadbalancing:${scope}:${account}:loadbalancer/app/web/0${x}`],
        },
      ],
    },
    'elasticloadbalancing:DescribeLoadBalancerAttributes': {
      Attributes: [
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.bucket', Value: `elb-logs-${account}` },
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        { Key: 'deletion_protection.enabled', Value: 'true' },
      ],
    },
    'elasticloadbalancing:DescribeTargetHealth': { TargetHealthDescriptions: [] },
  };
};

export default fake;
