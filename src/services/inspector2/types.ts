/** Amazon Inspector (v2) in the typed inventory. */
import type { Resource } from '../../inventory/base.js';

/** Inspector's status for the calling account in one region, overall and per scan type. */
export interface InspectorRegion extends Resource {
  type: 'AWS::Inspector2::AccountStatus';
  /** `ENABLED`, `ENABLING`, `DISABLED`, `DISABLING`, `SUSPENDED`, `SUSPENDING`. */
  status: string;
  /** Per scan type (`ec2`, `ecr`, `lambda`, `lambdaCode`, `codeRepository`): its status, when reported. */
  resourceStatus: Record<string, string>;
}
