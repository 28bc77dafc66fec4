import { paginateListSecrets, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { ClientConfig } from './clients.js';
import { allPages } from './paginate.js';
import type { Recorder } from './recorder.js';

/** Secrets Manager secrets of one region: metadata only (ListSecrets never returns secret values). */
export async function collectSecrets(rec: Recorder, region: string, config: ClientConfig): Promise<void> {
  const client = new SecretsManagerClient(config);
  await rec.record(region, [['secretsmanager:ListSecrets', () => allPages(paginateListSecrets({ client, pageSize: 100 }, {}))]]);
  client.destroy();
}
