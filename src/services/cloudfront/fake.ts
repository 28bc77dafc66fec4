import type { ServiceFake } from '../define.js';

/** The test account has no CloudFront distribution. */
const fake: ServiceFake = (scope) =>
  scope === 'global' ? { 'cloudfront:ListDistributions': { DistributionList: { Marker: '', MaxItems: 100, IsTruncated: false, Quantity: 0, Items: [] } } } : {};

export default fake;
