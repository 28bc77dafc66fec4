import {
  ElasticLoadBalancingV2Client,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListResourcesForWebACLCommand, ListWebACLsCommand, WAFV2Client, type WebACLSummary } from '@aws-sdk/client-wafv2';
import type { ClientConfig } from './clients.js';
import { allPages } from './paginate.js';
import type { Recorder } from './recorder.js';

/** Load balancers with their listeners, and which ALBs each regional web ACL protects. */
export async function collectLoadBalancers(rec: Recorder, region: string, config: ClientConfig): Promise<void> {
  const elb = new ElasticLoadBalancingV2Client(config);
  const waf = new WAFV2Client(config);
  await Promise.all([
    (async () => {
      const lbs = await rec.call(region, 'elasticloadbalancing:DescribeLoadBalancers', () =>
        allPages(paginateDescribeLoadBalancers({ client: elb, pageSize: 400 }, {})),
      );
      if (!lbs) return;
      rec.put(region, 'elasticloadbalancing:DescribeLoadBalancers', lbs);
      await Promise.all(
        (lbs.LoadBalancers ?? []).map(async ({ LoadBalancerArn }) => {
          if (!LoadBalancerArn) return;
          const listeners = await rec.call(
            region,
            'elasticloadbalancing:DescribeListeners',
            () => allPages(paginateDescribeListeners({ client: elb, pageSize: 400 }, { LoadBalancerArn })),
            LoadBalancerArn,
          );
          if (listeners) rec.putResource(region, 'elasticloadbalancing:DescribeListeners', LoadBalancerArn, listeners);
        }),
      );
    })(),
    (async () => {
      const acls = await rec.call(region, 'wafv2:ListWebACLs', async () => {
        const WebACLs: WebACLSummary[] = [];
        let NextMarker: string | undefined;
        do {
          const page = await waf.send(new ListWebACLsCommand({ Scope: 'REGIONAL', Limit: 100, ...(NextMarker ? { NextMarker } : {}) }));
          WebACLs.push(...(page.WebACLs ?? []));
          NextMarker = page.NextMarker;
        } while (NextMarker);
        return { WebACLs };
      });
      if (!acls) return;
      rec.put(region, 'wafv2:ListWebACLs', acls);
      await Promise.all(
        acls.WebACLs.map(async ({ ARN }) => {
          if (!ARN) return;
          const resources = await rec.call(
            region,
            'wafv2:ListResourcesForWebACL',
            () => waf.send(new ListResourcesForWebACLCommand({ WebACLArn: ARN, ResourceType: 'APPLICATION_LOAD_BALANCER' })),
            ARN,
          );
          if (resources) rec.putResource(region, 'wafv2:ListResourcesForWebACL', ARN, resources);
        }),
      );
    })(),
  ]);
  elb.destroy();
  waf.destroy();
}
