import type { ListDistributionsCommandOutput } from '@aws-sdk/client-cloudfront';
import { GLOBAL_REGION } from '../snapshot/types.js';
import type { CallSource, Raw } from './source.js';
import type { Distribution } from './types.js';

export function buildDistributions(src: CallSource, partition: string): Distribution[] {
  const listed = src.call<Raw<ListDistributionsCommandOutput>>(GLOBAL_REGION, 'cloudfront:ListDistributions');
  return (listed.ok && listed.value ? (listed.value.DistributionList?.Items ?? []) : []).map((d) => {
    const dist: Distribution = {
      type: 'AWS::CloudFront::Distribution',
      arn: d.ARN ?? `arn:${partition}:cloudfront::${src.accountId}:distribution/${d.Id}`,
      id: d.Id!,
      account: src.accountId,
      region: GLOBAL_REGION,
      tags: {},
      enabled: d.Enabled !== false,
      webAclId: d.WebACLId ? d.WebACLId : null,
    };
    if (d.DomainName) dist.domainName = d.DomainName;
    if (d.ViewerCertificate?.MinimumProtocolVersion) dist.minimumProtocolVersion = String(d.ViewerCertificate.MinimumProtocolVersion);
    if (d.DefaultCacheBehavior?.ViewerProtocolPolicy) dist.viewerProtocolPolicy = String(d.DefaultCacheBehavior.ViewerProtocolPolicy);
    return dist;
  });
}
