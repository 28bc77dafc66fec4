/** How WAFv2's operations are sent (loaded only for a live collection). */
import {
  GetLoggingConfigurationCommand,
  GetWebACLCommand,
  ListResourcesForWebACLCommand,
  ListWebACLsCommand,
  WAFV2Client,
  type ListWebACLsCommandOutput,
  type WebACLSummary,
} from '@aws-sdk/client-wafv2';
import type { ServiceCollector } from '../define.js';

const aclArns = (feed: unknown) => ((feed as ListWebACLsCommandOutput | undefined)?.WebACLs ?? []).flatMap((a) => (a.ARN ? [a.ARN] : []));

/** Name and Id from a regional web ACL ARN (arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>). */
function nameAndId(arn: string): { Name: string; Id: string } {
  const parts = arn.split('/');
  return { Name: parts[parts.length - 2] ?? '', Id: parts[parts.length - 1] ?? '' };
}

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
      ids: aclArns,
      input: (WebACLArn) => ({ WebACLArn, ResourceType: 'APPLICATION_LOAD_BALANCER' }),
    },
    'wafv2:GetWebACL': { client: WAFV2Client, command: GetWebACLCommand, ids: aclArns, input: (arn) => ({ ...nameAndId(arn), Scope: 'REGIONAL' }) },
    'wafv2:GetLoggingConfiguration': { client: WAFV2Client, command: GetLoggingConfigurationCommand, ids: aclArns, input: (ResourceArn) => ({ ResourceArn }) },
  },
};

export default collector;
