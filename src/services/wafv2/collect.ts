/** How WAFv2's operations are sent (loaded only for a live collection). */
import { ListResourcesForWebACLCommand, ListWebACLsCommand, WAFV2Client, type ListWebACLsCommandOutput, type WebACLSummary } from '@aws-sdk/client-wafv2';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'wafv2:ListWebACLs': {
      client: WAFV2Client,
      command: ListWebACLsCommand,
      // The SDK has no paginator for ListWebACLs: follow NextMarker.
      async send(ctx) {
        const WebACLs: WebACLSummary[] = [];
        let NextMarker: string | undefined;
        do {
          const page = (await ctx.client().send(new ListWebACLsCommand({ Scope: 'REGIONAL', Limit: 100, ...(NextMarker ? { NextMarker } : {}) }))) as ListWebACLsCommandOutput;
          WebACLs.push(...(page.WebACLs ?? []));
          NextMarker = page.NextMarker;
        } while (NextMarker);
        return { WebACLs };
      },
    },
    'wafv2:ListResourcesForWebACL': {
      client: WAFV2Client,
      command: ListResourcesForWebACLCommand,
      ids: (feed) => ((feed as ListWebACLsCommandOutput | undefined)?.WebACLs ?? []).flatMap((a) => (a.ARN ? [a.ARN] : [])),
      input: (WebACLArn) => ({ WebACLArn, ResourceType: 'APPLICATION_LOAD_BALANCER' }),
    },
  },
};

export default collector;
