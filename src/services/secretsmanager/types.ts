/** Secrets Manager secrets in the typed inventory. */
import type { Resource } from '../../inventory/base.js';

export interface Secret extends Resource {
  type: 'AWS::SecretsManager::Secret';
  rotationEnabled: boolean;
  rotationDays?: number;
  lastRotated?: string;
  lastChanged?: string;
  createdAt?: string;
}
