/** AWS Lambda functions in the typed inventory. */
import type { Observed, PolicyDocument, Resource } from '../../inventory/base.js';

export interface LambdaFunction extends Resource {
  type: 'AWS::Lambda::Function';
  /** The runtime identifier (`python3.12`); absent for container-image functions. */
  runtime?: string;
  /** `Zip` or `Image`. */
  packageType?: string;
  lastModified?: string;
  /** The VPC it runs in, when attached to one. */
  vpcId?: string;
  subnetIds: string[];
  /** Its resource-based policy, or null when it has none. */
  policy: Observed<PolicyDocument | null>;
}
