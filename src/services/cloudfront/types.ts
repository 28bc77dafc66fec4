/** CloudFront distributions in the typed inventory. */
import type { Resource } from '../../inventory/base.js';

export interface Distribution extends Resource {
  type: 'AWS::CloudFront::Distribution';
  domainName?: string;
  enabled: boolean;
  /** Web ACL id or ARN, or null. */
  webAclId: string | null;
  minimumProtocolVersion?: string;
  viewerProtocolPolicy?: string;
}
