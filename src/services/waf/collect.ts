/** How WAF Classic's global operations are sent (loaded only for a live collection): its endpoint is in us-east-1. */
import {
  GetWebACLCommand,
  ListRulesCommand,
  ListWebACLsCommand,
  WAFClient,
  type ListRulesCommandOutput,
  type ListWebACLsCommandOutput,
  type RuleSummary,
  type WebACLSummary,
} from '@aws-sdk/client-waf';
import type { ServiceCollector } from '../define.js';

const clientRegion = () => 'us-east-1';

const collector: ServiceCollector = {
  bindings: {
    'waf:ListWebACLs': {
      client: WAFClient,
      command: ListWebACLsCommand,
      clientRegion,
      // The SDK has no paginator for WAF Classic: follow NextMarker.
      async send(ctx) {
        const WebACLs: WebACLSummary[] = [];
        let NextMarker: string | undefined;
        do {
          const page = (await ctx.client('us-east-1').send(new ListWebACLsCommand({ Limit: 100, ...(NextMarker ? { NextMarker } : {}) }))) as ListWebACLsCommandOutput;
          WebACLs.push(...(page.WebACLs ?? []));
          NextMarker = page.NextMarker;
        } while (NextMarker);
        return { WebACLs };
      },
    },
    'waf:ListRules': {
      client: WAFClient,
      command: ListRulesCommand,
      clientRegion,
      async send(ctx) {
        const Rules: RuleSummary[] = [];
        let NextMarker: string | undefined;
        do {
          const page = (await ctx.client('us-east-1').send(new ListRulesCommand({ Limit: 100, ...(NextMarker ? { NextMarker } : {}) }))) as ListRulesCommandOutput;
          Rules.push(...(page.Rules ?? []));
          NextMarker = page.NextMarker;
        } while (NextMarker);
        return { Rules };
      },
    },
    'waf:GetWebACL': {
      client: WAFClient,
      command: GetWebACLCommand,
      clientRegion,
      ids: (feed) => ((feed as ListWebACLsCommandOutput | undefined)?.WebACLs ?? []).flatMap((a) => (a.WebACLId ? [a.WebACLId] : [])),
      input: (WebACLId) => ({ WebACLId }),
    },
  },
};

export default collector;
