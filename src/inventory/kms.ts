import type {
  DescribeKeyCommandOutput,
  GetKeyPolicyCommandOutput,
  GetKeyRotationStatusCommandOutput,
  ListAliasesCommandOutput,
  ListKeysCommandOutput,
} from '@aws-sdk/client-kms';
import { InputError } from '../errors.js';
import { parsePolicy } from './policy.js';
import type { CallSource, Raw } from './source.js';
import type { KmsKey, KmsKeyMetadata, Observed } from './types.js';

export function buildKms(src: CallSource, region: string, partition: string, file: string): KmsKey[] {
  const account = src.accountId;
  const listed = src.call<Raw<ListKeysCommandOutput>>(region, 'kms:ListKeys');
  if (!listed.ok || listed.value === null) return [];
  const aliases = src.call<Raw<ListAliasesCommandOutput>>(region, 'kms:ListAliases');
  const aliasesByKey = new Map<string, string[]>();
  if (aliases.ok) {
    for (const a of aliases.value?.Aliases ?? []) {
      if (!a.TargetKeyId) continue;
      const names = aliasesByKey.get(a.TargetKeyId) ?? [];
      names.push(a.AliasName!);
      aliasesByKey.set(a.TargetKeyId, names);
    }
  }
  return (listed.value.Keys ?? []).map((k) => {
    const keyId = k.KeyId!;
    const described = src.perResource<Raw<DescribeKeyCommandOutput>>(region, 'kms:DescribeKey', keyId);
    const metadata: Observed<KmsKeyMetadata> = described.ok ? { ok: true, value: keyMetadata(described.value) } : described;
    const rotationRaw = src.perResource<Raw<GetKeyRotationStatusCommandOutput>>(region, 'kms:GetKeyRotationStatus', keyId);
    const rotation: KmsKey['rotation'] = rotationRaw.ok
      ? {
          ok: true,
          value: {
            enabled: rotationRaw.value.KeyRotationEnabled === true,
            ...(rotationRaw.value.RotationPeriodInDays !== undefined ? { periodDays: rotationRaw.value.RotationPeriodInDays } : {}),
          },
        }
      : rotationRaw;
    const rawPolicy = src.perResource<Raw<GetKeyPolicyCommandOutput>>(region, 'kms:GetKeyPolicy', keyId);
    let policy: KmsKey['policy'];
    if (!rawPolicy.ok) policy = rawPolicy;
    else {
      try {
        policy = { ok: true, value: parsePolicy(rawPolicy.value.Policy ?? '{}') };
      } catch {
        throw new InputError(file, `/regions/${region}/perResource/kms:GetKeyPolicy/${keyId}/Policy`, 'a JSON key policy');
      }
    }
    const keyAliases = (aliasesByKey.get(keyId) ?? []).sort();
    const key: KmsKey = {
      type: 'AWS::KMS::Key',
      arn: k.KeyArn ?? `arn:${partition}:kms:${region}:${account}:key/${keyId}`,
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
  const m = raw.KeyMetadata;
  if (!m) return { manager: 'CUSTOMER' };
  const out: KmsKeyMetadata = { manager: m.KeyManager === 'AWS' ? 'AWS' : 'CUSTOMER' };
  if (m.KeyState !== undefined) out.state = m.KeyState;
  if (m.KeySpec !== undefined) out.spec = m.KeySpec;
  if (m.KeyUsage !== undefined) out.usage = m.KeyUsage;
  if (m.Origin !== undefined) out.origin = m.Origin;
  if (m.DeletionDate !== undefined) out.deletionDate = m.DeletionDate;
  if (m.MultiRegion !== undefined) out.multiRegion = m.MultiRegion;
  return out;
}
