/** Secrets Manager: secret metadata only (ListSecrets never returns secret values). */
import type { OperationSpec } from '../define.js';

export const SDK = { secretsmanager: '@aws-sdk/client-secrets-manager' } as const;

export const OPERATIONS = [
  {
    key: 'secretsmanager:ListSecrets',
    scope: 'regional',
    records: [{ path: 'SecretList/*', type: 'AWS::SecretsManager::Secret', arn: 'ARN' }],
    needs: { ListSecretsResponse: ['SecretList'], SecretListEntry: ['ARN'] },
  },
] as const satisfies readonly OperationSpec[];
