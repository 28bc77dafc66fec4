/** How ELBv2's operations are sent (loaded only for a live collection). */
import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  type DescribeLoadBalancersCommandOutput,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { ServiceCollector } from '../define.js';
import { TARGET_BINDINGS } from './targets.collect.js';

const client = ElasticLoadBalancingV2Client;

const collector: ServiceCollector = {
  bindings: {
    'elasticloadbalancing:DescribeLoadBalancers': { client, command: DescribeLoadBalancersCommand, paginator: paginateDescribeLoadBalancers, pageSize: 400 },
    'elasticloadbalancing:DescribeListeners': {
      client,
      command: DescribeListenersCommand,
      paginator: paginateDescribeListeners,
      pageSize: 400,
      ids: (feed) =>
        ((feed as DescribeLoadBalancersCommandOutput | undefined)?.LoadBalancers ?? []).flatMap((lb) => (lb.LoadBalancerArn ? [lb.LoadBalancerArn] : [])),
      input: (LoadBalancerArn) => ({ LoadBalancerArn }),
    },
    'elasticloadbalancing:DescribeLoadBalancerAttributes': {
      client,
      command: DescribeLoadBalancerAttributesCommand,
      ids: (feed) =>
        ((feed as DescribeLoadBalancersCommandOutput | undefined)?.LoadBalancers ?? []).flatMap((lb) => (lb.LoadBalancerArn ? [lb.LoadBalancerArn] : [])),
      input: (LoadBalancerArn) => ({ LoadBalancerArn }),
    },
    ...TARGET_BINDINGS,
  },
};

export default collector;
