/** AWS KMS keys in the typed inventory. */
import type { Observed, PolicyDocument, Resource } from '../../inventory/base.js';

export interface KmsKeyMetadata {
  manager: 'AWS' | 'CUSTOMER';
  state?: string;
  spec?: string;
  usage?: string;
  origin?: string;
  deletionDate?: string;
  multiRegion?: boolean;
}

export interface KmsKey extends Resource {
  type: 'AWS::KMS::Key';
  aliases: string[];
  metadata: Observed<KmsKeyMetadata>;
  /** Only meaningful for customer-managed symmetric keys; AWS may refuse it for others. */
  rotation: Observed<{ enabled: boolean; periodDays?: number }>;
  /** The key policy (collected for customer-managed keys). */
  policy: Observed<PolicyDocument>;
}
