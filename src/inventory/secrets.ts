import type { ListSecretsCommandOutput } from '@aws-sdk/client-secrets-manager';
import type { CallSource, Raw } from './source.js';
import type { Secret } from './types.js';

export function buildSecrets(src: CallSource, region: string): Secret[] {
  const listed = src.call<Raw<ListSecretsCommandOutput>>(region, 'secretsmanager:ListSecrets');
  return (listed.ok && listed.value ? (listed.value.SecretList ?? []) : []).map((s) => {
    const secret: Secret = {
      type: 'AWS::SecretsManager::Secret',
      arn: s.ARN!,
      id: s.Name ?? s.ARN!,
      name: s.Name ?? s.ARN!,
      account: src.accountId,
      region,
      tags: Object.fromEntries((s.Tags ?? []).map((t) => [t.Key!, t.Value ?? ''])),
      rotationEnabled: s.RotationEnabled === true,
    };
    if (s.RotationRules?.AutomaticallyAfterDays !== undefined) secret.rotationDays = s.RotationRules.AutomaticallyAfterDays;
    if (s.LastRotatedDate !== undefined) secret.lastRotated = s.LastRotatedDate;
    if (s.LastChangedDate !== undefined) secret.lastChanged = s.LastChangedDate;
    if (s.CreatedDate !== undefined) secret.createdAt = s.CreatedDate;
    return secret;
  });
}
