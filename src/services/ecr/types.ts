/** Amazon ECR repositories and registry scanning in the typed inventory. */
import type { Observed, PolicyDocument, Resource } from '../../inventory/base.js';

export interface EcrRepository extends Resource {
  type: 'AWS::ECR::Repository';
  /** `MUTABLE`, `IMMUTABLE`, `MUTABLE_WITH_EXCLUSION` or `IMMUTABLE_WITH_EXCLUSION`. */
  tagMutability: string;
  scanOnPush: boolean;
  /** Its repository policy, or null when it has none. */
  policy: Observed<PolicyDocument | null>;
}

export interface EcrScanningRule {
  /** `SCAN_ON_PUSH`, `CONTINUOUS_SCAN` or `MANUAL`. */
  frequency: string;
  /** Repository name filters (`WILDCARD`: `*` matches any run of characters). */
  filters: { filter: string; type: string }[];
}

/** The private registry's scanning configuration in one region. */
export interface EcrRegistryScanning extends Resource {
  type: 'AWS::ECR::RegistryScanningConfiguration';
  /** `BASIC` or `ENHANCED` (Amazon Inspector). */
  scanType: string;
  rules: EcrScanningRule[];
}
