/** How KMS's operations are sent (loaded only for a live collection). */
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  paginateListAliases,
  paginateListKeys,
  type DescribeKeyCommandOutput,
  type ListKeysCommandOutput,
} from '@aws-sdk/client-kms';
import type { ServiceCollector } from '../define.js';

const metadata = (feed: unknown) => (feed as DescribeKeyCommandOutput | undefined)?.KeyMetadata;

const collector: ServiceCollector = {
  bindings: {
    'kms:ListKeys': { client: KMSClient, command: ListKeysCommand, paginator: paginateListKeys, pageSize: 1000 },
    'kms:ListAliases': { client: KMSClient, command: ListAliasesCommand, paginator: paginateListAliases, pageSize: 100 },
    'kms:DescribeKey': {
      client: KMSClient,
      command: DescribeKeyCommand,
      ids: (feed) => ((feed as ListKeysCommandOutput | undefined)?.Keys ?? []).flatMap((k) => (k.KeyId ? [k.KeyId] : [])),
      input: (KeyId) => ({ KeyId }),
    },
    'kms:GetKeyPolicy': {
      client: KMSClient,
      command: GetKeyPolicyCommand,
      ids: (feed, ctx) => (metadata(feed)?.KeyManager === 'CUSTOMER' && ctx.feedId ? [ctx.feedId] : []),
      input: (KeyId) => ({ KeyId, PolicyName: 'default' }),
    },
    'kms:GetKeyRotationStatus': {
      client: KMSClient,
      command: GetKeyRotationStatusCommand,
      // Automatic rotation exists only for customer-managed symmetric keys with AWS key material.
      ids: (feed, ctx) => {
        const m = metadata(feed);
        return m?.KeyManager === 'CUSTOMER' && m.KeySpec === 'SYMMETRIC_DEFAULT' && m.Origin === 'AWS_KMS' && ctx.feedId ? [ctx.feedId] : [];
      },
      input: (KeyId) => ({ KeyId }),
    },
  },
};

export default collector;
