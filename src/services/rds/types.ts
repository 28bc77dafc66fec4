/** Amazon RDS in the typed inventory. */
import type { Resource } from '../../inventory/base.js';

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
}

export interface DbCluster extends Resource {
  type: 'AWS::RDS::DBCluster';
  engine?: string;
  storageEncrypted: boolean;
  multiAz: boolean;
  backupRetentionDays: number;
  availabilityZones: string[];
  members: string[];
}
