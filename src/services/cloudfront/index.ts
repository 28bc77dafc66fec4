import type { ListDistributionsCommandOutput } from '@aws-sdk/client-cloudfront';
import type { Raw } from '../../inventory/base.js';
import { GLOBAL_REGION } from '../../snapshot/types.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { Distribution } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;
type Summary = Item<NonNullable<Raw<ListDistributionsCommandOutput>['DistributionList']>['Items']>;

function buildDistributions(src: ServiceSource): Distribution[] {
  const listed = src.call<Raw<ListDistributionsCommandOutput>>(GLOBAL_REGION, 'cloudfront:ListDistributions');
  const list = listed.ok ? listed.value?.DistributionList : undefined;
  if (list && (list.Items?.length ?? 0) !== list.Quantity) {
    src.unusable('cloudfront:ListDistributions', GLOBAL_REGION, '/DistributionList/Items', `${list.Quantity} distributions, as Quantity says`);
    return [];
  }
  return src.records<Summary, Distribution>(GLOBAL_REGION, 'cloudfront:ListDistributions', 'DistributionList/Items/*', (d, at) => {
    at.expect(/^arn:[^:]+:cloudfront::\d{12}:distribution\/.+$/.test(d.ARN!), '/ARN', 'a CloudFront distribution ARN');
    const dist: Distribution = {
      type: 'AWS::CloudFront::Distribution',
      arn: d.ARN!,
      id: d.Id!,
      account: src.accountId,
      region: GLOBAL_REGION,
      tags: {},
      enabled: d.Enabled!,
      webAclId: d.WebACLId ? d.WebACLId : null,
    };
    if (d.DomainName) dist.domainName = d.DomainName;
    if (d.ViewerCertificate?.MinimumProtocolVersion) dist.minimumProtocolVersion = String(d.ViewerCertificate.MinimumProtocolVersion);
    if (d.DefaultCacheBehavior?.ViewerProtocolPolicy) dist.viewerProtocolPolicy = String(d.DefaultCacheBehavior.ViewerProtocolPolicy);
    return dist;
  });
}

export default defineService<{ distributions: Distribution[] }>({
  name: 'cloudfront',
  title: 'Amazon CloudFront',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ distributions: buildDistributions(src) }),
  empty: () => ({ distributions: [] }),
  collector: async () => (await import('./collect.js')).default,
});
