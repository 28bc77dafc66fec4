/** How Secrets Manager's operations are sent (loaded only for a live collection). */
import { ListSecretsCommand, paginateListSecrets, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'secretsmanager:ListSecrets': { client: SecretsManagerClient, command: ListSecretsCommand, paginator: paginateListSecrets, pageSize: 100 },
  },
};

export default collector;
