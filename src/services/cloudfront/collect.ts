/** How CloudFront's operations are sent (loaded only for a live collection). */
import { CloudFrontClient, ListDistributionsCommand, paginateListDistributions, type DistributionSummary, type ListDistributionsCommandOutput } from '@aws-sdk/client-cloudfront';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'cloudfront:ListDistributions': {
      client: CloudFrontClient,
      command: ListDistributionsCommand,
      clientRegion: () => 'us-east-1',
      // The list is nested (DistributionList.Items): every page's items in one list.
      async send(ctx) {
        const items: DistributionSummary[] = [];
        let first: ListDistributionsCommandOutput['DistributionList'];
        for await (const page of paginateListDistributions({ client: ctx.client(), pageSize: 100 }, {})) {
          first ??= page.DistributionList;
          items.push(...(page.DistributionList?.Items ?? []));
        }
        const { NextMarker: _next, ...list } = first ?? { Marker: '', MaxItems: 100 };
        return { DistributionList: { ...list, IsTruncated: false, Quantity: items.length, Items: items } };
      },
    },
  },
};

export default collector;
