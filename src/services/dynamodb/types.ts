/** Amazon DynamoDB tables in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

export interface DynamoTableDetails {
  status: string;
  /**
   * Server-side encryption: `AWS_OWNED` (no SSEDescription: DynamoDB's own
   * key), or `KMS` with the key (AWS managed aws/dynamodb or customer managed).
   */
  encryption: { type: 'AWS_OWNED' | 'KMS' | string; status?: string; kmsKeyArn?: string };
  /** Regions of the table's global-table replicas (its own region excluded), sorted. */
  replicaRegions: string[];
  deletionProtection: boolean;
}

export interface DynamoTable extends Resource {
  type: 'AWS::DynamoDB::Table';
  details: Observed<DynamoTableDetails>;
  /** Point-in-time recovery (DescribeContinuousBackups). */
  pointInTimeRecovery: Observed<{ enabled: boolean; recoveryPeriodDays?: number }>;
}
