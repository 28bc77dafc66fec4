/** How the Classic Load Balancer operations are sent (loaded only for a live collection). */
import {
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancerPoliciesCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingClient,
  paginateDescribeLoadBalancers,
  type DescribeLoadBalancersCommandOutput,
} from '@aws-sdk/client-elastic-load-balancing';
import type { ServiceCollector } from '../define.js';

const client = ElasticLoadBalancingClient;
const names = (feed: unknown) =>
  ((feed as DescribeLoadBalancersCommandOutput | undefined)?.LoadBalancerDescriptions ?? []).flatMap((lb) => (lb.LoadBalancerName ? [lb.LoadBalancerName] : []));

const collector: ServiceCollector = {
  bindings: {
    'elb:DescribeLoadBalancers': { client, command: DescribeLoadBalancersCommand, paginator: paginateDescribeLoadBalancers, pageSize: 400 },
    'elb:DescribeLoadBalancerPolicies': { client, command: DescribeLoadBalancerPoliciesCommand, ids: names, input: (LoadBalancerName) => ({ LoadBalancerName }) },
    'elb:DescribeLoadBalancerAttributes': { client, command: DescribeLoadBalancerAttributesCommand, ids: names, input: (LoadBalancerName) => ({ LoadBalancerName }) },
  },
};

export default collector;
