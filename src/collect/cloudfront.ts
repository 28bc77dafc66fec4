import { CloudFrontClient, paginateListDistributions, type DistributionSummary, type ListDistributionsCommandOutput } from '@aws-sdk/client-cloudfront';
import { GLOBAL_REGION } from '../snapshot/types.js';
import type { ClientConfig } from './clients.js';
import type { Recorder } from './recorder.js';

/** CloudFront distributions (a global service), with every page's items in one list. */
export async function collectCloudFront(rec: Recorder, config: ClientConfig): Promise<void> {
  const client = new CloudFrontClient({ ...config, region: 'us-east-1' });
  const listed = await rec.call(GLOBAL_REGION, 'cloudfront:ListDistributions', async () => {
    const items: DistributionSummary[] = [];
    let first: ListDistributionsCommandOutput['DistributionList'];
    for await (const page of paginateListDistributions({ client, pageSize: 100 }, {})) {
      first ??= page.DistributionList;
      items.push(...(page.DistributionList?.Items ?? []));
    }
    const { NextMarker: _next, ...list } = first ?? { Marker: '', MaxItems: 100 };
    return { DistributionList: { ...list, IsTruncated: false, Quantity: items.length, Items: items } };
  });
  if (listed) rec.put(GLOBAL_REGION, 'cloudfront:ListDistributions', listed);
  client.destroy();
}
