/** AWS Backup in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

export interface BackupVault extends Resource {
  type: 'AWS::Backup::BackupVault';
  /** Vault Lock (compliance or governance mode) is on. */
  locked: boolean;
  encryptionKeyArn?: string;
}

/** A resource AWS Backup holds recovery points of (ListProtectedResources, in the region it was listed). */
export interface ProtectedResource {
  resourceArn: string;
  /** `EBS`, `RDS`, `Aurora`, `DynamoDB`, `EFS`, `EC2`, ... */
  resourceType: string;
  lastBackupTime: string;
  lastBackupVaultArn?: string;
  /** The region whose listing named it. */
  listedIn: string;
}

/** Protected resources of one region. */
export interface BackupRegion {
  region: string;
  protectedResources: Observed<ProtectedResource[]>;
}

export interface BackupPlan extends Resource {
  type: 'AWS::Backup::BackupPlan';
  /** The plan's rules: where each keeps its recovery points and where it copies them. */
  rules: Observed<{ name: string; targetVault: string; copyDestinations: string[] }[]>;
}
