import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  paginateListAliases,
  paginateListKeys,
} from '@aws-sdk/client-kms';
import type { ClientConfig } from './clients.js';
import { allPages } from './paginate.js';
import type { Recorder } from './recorder.js';

/** Keys, aliases, and per key its metadata and (for keys that can rotate) rotation status. */
export async function collectKms(rec: Recorder, region: string, config: ClientConfig): Promise<void> {
  const client = new KMSClient(config);
  const [keys, aliases] = await Promise.all([
    rec.call(region, 'kms:ListKeys', () => allPages(paginateListKeys({ client, pageSize: 1000 }, {}))),
    rec.call(region, 'kms:ListAliases', () => allPages(paginateListAliases({ client, pageSize: 100 }, {}))),
  ]);
  if (aliases) rec.put(region, 'kms:ListAliases', aliases);
  if (keys) {
    rec.put(region, 'kms:ListKeys', keys);
    await Promise.all(
      (keys.Keys ?? []).map(async ({ KeyId }) => {
        if (!KeyId) return;
        const described = await rec.call(region, 'kms:DescribeKey', () => client.send(new DescribeKeyCommand({ KeyId })), KeyId);
        if (!described) return;
        rec.putResource(region, 'kms:DescribeKey', KeyId, described);
        const m = described.KeyMetadata;
        if (m?.KeyManager !== 'CUSTOMER') return;
        const policy = await rec.call(region, 'kms:GetKeyPolicy', () => client.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' })), KeyId);
        if (policy) rec.putResource(region, 'kms:GetKeyPolicy', KeyId, policy);
        // Automatic rotation exists only for customer-managed symmetric keys with AWS key material.
        if (m.KeySpec !== 'SYMMETRIC_DEFAULT' || m.Origin !== 'AWS_KMS') return;
        const rotation = await rec.call(
          region,
          'kms:GetKeyRotationStatus',
          () => client.send(new GetKeyRotationStatusCommand({ KeyId })),
          KeyId,
        );
        if (rotation) rec.putResource(region, 'kms:GetKeyRotationStatus', KeyId, rotation);
      }),
    );
  }
  client.destroy();
}
