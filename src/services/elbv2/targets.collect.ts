/** How the target-group operations are sent (loaded only for a live collection, through collect.ts). */
import {
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  paginateDescribeTargetGroups,
  type DescribeTargetGroupsCommandOutput,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Binding } from '../define.js';

const client = ElasticLoadBalancingV2Client;

export const TARGET_BINDINGS: Readonly<Record<string, Binding>> = {
  'elasticloadbalancing:DescribeTargetGroups': { client, command: DescribeTargetGroupsCommand, paginator: paginateDescribeTargetGroups, pageSize: 400 },
  // Not paginated: one answer holds every target of the group.
  'elasticloadbalancing:DescribeTargetHealth': {
    client,
    command: DescribeTargetHealthCommand,
    ids: (feed) => ((feed as DescribeTargetGroupsCommandOutput | undefined)?.TargetGroups ?? []).flatMap((g) => (g.TargetGroupArn ? [g.TargetGroupArn] : [])),
    input: (TargetGroupArn) => ({ TargetGroupArn }),
  },
};
