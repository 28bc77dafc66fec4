import type { ListSecretsCommandOutput } from '@aws-sdk/client-secrets-manager';
import type { Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { Secret } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

function buildSecrets(src: ServiceSource, region: string): Secret[] {
  return src.records<Item<Raw<ListSecretsCommandOutput>['SecretList']>, Secret>(region, 'secretsmanager:ListSecrets', 'SecretList/*', (s, at) => {
    at.expect(/^arn:[^:]+:secretsmanager:/.test(s.ARN!), '/ARN', 'a Secrets Manager secret ARN');
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

export default defineService<{ secrets: Secret[] }>({
  name: 'secretsmanager',
  title: 'AWS Secrets Manager',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ secrets: src.regions.flatMap((r) => buildSecrets(src, r)) }),
  empty: () => ({ secrets: [] }),
  collector: async () => (await import('./collect.js')).default,
});
