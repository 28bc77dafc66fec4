/** Amazon RDS in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

export interface DbInstance extends Resource {
  type: 'AWS::RDS::DBInstance';
  engine?: string;
  clusterId?: string;
  storageEncrypted: boolean;
  publiclyAccessible: boolean;
  multiAz: boolean;
  backupRetentionDays: number;
  status?: string;
  availabilityZone?: string;
  engineVersion?: string;
  // Read since issue 12; optional only so that older test inventories still type (the adapter always sets them).
  autoMinorVersionUpgrade?: boolean;
  deletionProtection?: boolean;
  iamAuthentication?: boolean;
  /** Log types exported to CloudWatch Logs (EnabledCloudwatchLogsExports), sorted; empty when none. */
  logExports?: string[];
}

export interface DbCluster extends Resource {
  type: 'AWS::RDS::DBCluster';
  engine?: string;
  storageEncrypted: boolean;
  multiAz: boolean;
  backupRetentionDays: number;
  availabilityZones: string[];
  members: string[];
  // Read since issue 12 (see DbInstance).
  deletionProtection?: boolean;
  iamAuthentication?: boolean;
  logExports?: string[];
}

/** A DB snapshot or DB cluster snapshot the account owns. */
export interface DbSnapshot extends Resource {
  type: 'AWS::RDS::DBSnapshot' | 'AWS::RDS::DBClusterSnapshot';
  /** `manual`, `automated`, `awsbackup`, ... */
  snapshotType: string;
  encrypted: boolean;
  engine?: string;
  /** The instance or cluster it was taken from. */
  sourceId?: string;
  /**
   * Who may restore it (the `restore` attribute): `all` means public, otherwise
   * account ids. Read for manual snapshots only (null for the others, which
   * cannot be shared).
   */
  restorableBy: Observed<string[]> | null;
}
