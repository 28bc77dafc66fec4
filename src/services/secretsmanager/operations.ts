/** Secrets Manager: secret metadata only (ListSecrets never returns secret values). */
import type { OperationSpec } from '../spec.js';

export const SDK = { secretsmanager: '@aws-sdk/client-secrets-manager' } as const;

export const OPERATIONS = [
  {
    key: 'secretsmanager:ListSecrets',
    scope: 'regional',
    records: [{ path: 'SecretList/*', type: 'AWS::SecretsManager::Secret', arn: 'ARN' }],
    // A secret never set to rotate has no rotation fields.
    unset: { SecretListEntry: ['RotationEnabled', 'RotationRules', 'LastRotatedDate', 'LastChangedDate', 'Tags'] },
    needs: { ListSecretsResponse: ['SecretList'], SecretListEntry: ['ARN', 'Name'], Tag: ['Key'] },
  },
] as const satisfies readonly OperationSpec[];
