import type {
  DescribeKeyCommandOutput,
  GetKeyPolicyCommandOutput,
  GetKeyRotationStatusCommandOutput,
  ListAliasesCommandOutput,
  ListKeysCommandOutput,
} from '@aws-sdk/client-kms';
import type { Observed, Raw } from '../../inventory/base.js';
import { parsePolicy } from '../../inventory/policy.js';
import type { ServiceSource } from '../source.js';
import type { KmsKey, KmsKeyMetadata } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

export function buildKms(src: ServiceSource, region: string): KmsKey[] {
  const account = src.accountId;
  const aliasesByKey = new Map<string, string[]>();
  src.records<Item<Raw<ListAliasesCommandOutput>['Aliases']>, void>(region, 'kms:ListAliases', 'Aliases/*', (a) => {
    if (!a.TargetKeyId) return;
    const names = aliasesByKey.get(a.TargetKeyId) ?? [];
    names.push(a.AliasName!);
    aliasesByKey.set(a.TargetKeyId, names);
  });
  return src.records<Item<Raw<ListKeysCommandOutput>['Keys']>, KmsKey>(region, 'kms:ListKeys', 'Keys/*', (k, at) => {
    const keyId = k.KeyId!;
    at.expect(/^arn:[^:]+:kms:[^:]+:\d{12}:key\/.+$/.test(k.KeyArn!), '/KeyArn', 'a KMS key ARN');
    const described = src.perResource<Raw<DescribeKeyCommandOutput>>(region, 'kms:DescribeKey', keyId);
    const metadata: Observed<KmsKeyMetadata> = described.ok ? { ok: true, value: keyMetadata(described.value) } : described;
    const rotationRaw = src.perResource<Raw<GetKeyRotationStatusCommandOutput>>(region, 'kms:GetKeyRotationStatus', keyId);
    const rotation: KmsKey['rotation'] = rotationRaw.ok
      ? {
          ok: true,
          value: {
            enabled: rotationRaw.value.KeyRotationEnabled!,
            ...(rotationRaw.value.RotationPeriodInDays !== undefined ? { periodDays: rotationRaw.value.RotationPeriodInDays } : {}),
          },
        }
      : rotationRaw;
    const rawPolicy = src.perResource<Raw<GetKeyPolicyCommandOutput>>(region, 'kms:GetKeyPolicy', keyId);
    let policy: KmsKey['policy'];
    if (!rawPolicy.ok) policy = rawPolicy;
    else {
      try {
        policy = { ok: true, value: parsePolicy(rawPolicy.value.Policy!) };
      } catch {
        policy = { ok: false, error: src.unusableResource('kms:GetKeyPolicy', region, keyId, '/Policy', 'a JSON key policy') };
      }
    }
    const keyAliases = (aliasesByKey.get(keyId) ?? []).sort();
    const key: KmsKey = {
      type: 'AWS::KMS::Key',
      arn: k.KeyArn!,
      id: keyId,
      account,
      region,
      tags: {},
      aliases: keyAliases,
      metadata,
      rotation,
      policy,
    };
    if (keyAliases[0] !== undefined) key.name = keyAliases[0];
    return key;
  });
}

function keyMetadata(raw: Raw<DescribeKeyCommandOutput>): KmsKeyMetadata {
  const m = raw.KeyMetadata!;
  const out: KmsKeyMetadata = { manager: m.KeyManager === 'AWS' ? 'AWS' : 'CUSTOMER' };
  if (m.KeyState !== undefined) out.state = m.KeyState;
  if (m.KeySpec !== undefined) out.spec = m.KeySpec;
  if (m.KeyUsage !== undefined) out.usage = m.KeyUsage;
  if (m.Origin !== undefined) out.origin = m.Origin;
  if (m.DeletionDate !== undefined) out.deletionDate = m.DeletionDate;
  if (m.MultiRegion !== undefined) out.multiRegion = m.MultiRegion;
  return out;
}
