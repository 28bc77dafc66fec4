/** Amazon EKS clusters in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

export interface EksClusterDetail {
  version: string;
  status?: string;
  platformVersion?: string;
  endpointPublicAccess: boolean;
  endpointPrivateAccess: boolean;
  /** The CIDRs allowed to reach a public endpoint (EKS defaults to 0.0.0.0/0). */
  publicAccessCidrs: string[];
  /** The control-plane log types enabled (api, audit, authenticator, controllerManager, scheduler). */
  enabledLogTypes: string[];
  /** Envelope encryption: the resources encrypted (secrets) and the KMS key. */
  encryption: { resources: string[]; keyArn: string }[];
}

export interface EksCluster extends Resource {
  type: 'AWS::EKS::Cluster';
  detail: Observed<EksClusterDetail>;
}
