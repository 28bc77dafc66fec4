import type { BatchGetAccountStatusCommandOutput } from '@aws-sdk/client-inspector2';
import type { Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { InspectorRegion } from './types.js';

const KEY = 'inspector2:BatchGetAccountStatus';

/** The calling account's Inspector status in one region; undefined when it could not be read (its checks say error). */
function buildStatus(src: ServiceSource, region: string): InspectorRegion | undefined {
  const got = src.call<Raw<BatchGetAccountStatusCommandOutput>>(region, KEY);
  if (!got.ok || got.value === null) return undefined;
  const accounts = got.value.accounts!;
  const i = accounts.findIndex((a) => a.accountId === src.accountId);
  if (i < 0) {
    // Asked about no account but the caller's: an answer without it (a failedAccounts entry) says nothing.
    src.unusable(KEY, region, '/accounts', `the status of account ${src.accountId}`);
    return undefined;
  }
  const a = accounts[i]!;
  const resourceStatus: Record<string, string> = {};
  for (const [type, state] of Object.entries(a.resourceState!)) if (state?.status !== undefined) resourceStatus[type] = String(state.status);
  return {
    type: 'AWS::Inspector2::AccountStatus',
    arn: `arn:${src.partition}:inspector2:${region}:${src.accountId}:account-status`,
    id: `inspector2/${region}`,
    account: src.accountId,
    region,
    tags: {},
    status: String(a.state!.status),
    resourceStatus,
  };
}

export default defineService<{ inspectorStatus: InspectorRegion[] }>({
  name: 'inspector2',
  title: 'Amazon Inspector',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ inspectorStatus: src.regions.flatMap((r) => buildStatus(src, r) ?? []) }),
  empty: () => ({ inspectorStatus: [] }),
  collector: async () => (await import('./collect.js')).default,
});
