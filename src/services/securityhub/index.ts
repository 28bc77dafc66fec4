import type { DescribeHubCommandOutput, GetEnabledStandardsCommandOutput } from '@aws-sdk/client-securityhub';
import type { Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { SecurityHubRegion, SecurityHubStandard } from './types.js';

/** Security Hub in one region; undefined when DescribeHub could not be read (its checks say error). */
function buildHub(src: ServiceSource, region: string): SecurityHubRegion | undefined {
  const hub = src.call<Raw<DescribeHubCommandOutput>>(region, 'securityhub:DescribeHub');
  if (!hub.ok) return undefined;
  let hubArn: string | null = null;
  if (hub.value !== null) {
    if (!/^arn:[^:]+:securityhub:[^:]+:\d{12}:hub\/.+$/.test(hub.value.HubArn!)) {
      src.unusable('securityhub:DescribeHub', region, '/HubArn', 'a Security Hub hub ARN');
      return undefined;
    }
    hubArn = hub.value.HubArn!;
  }
  const listed = src.call<Raw<GetEnabledStandardsCommandOutput>>(region, 'securityhub:GetEnabledStandards');
  const standards: SecurityHubStandard[] = [];
  if (listed.ok && listed.value !== null) {
    const list = listed.value.StandardsSubscriptions!;
    const bad = list.findIndex((s) => !s.StandardsArn!.startsWith('arn:'));
    if (bad >= 0) src.unusable('securityhub:GetEnabledStandards', region, `/StandardsSubscriptions/${bad}/StandardsArn`, 'a standards ARN');
    else for (const s of list) standards.push({ standardsArn: s.StandardsArn!, subscriptionArn: s.StandardsSubscriptionArn!, status: String(s.StandardsStatus) });
  }
  standards.sort((a, b) => (a.standardsArn < b.standardsArn ? -1 : a.standardsArn > b.standardsArn ? 1 : 0));
  const out: SecurityHubRegion = {
    type: 'AWS::SecurityHub::Hub',
    arn: hubArn ?? `arn:${src.partition}:securityhub:${region}:${src.accountId}:hub/default`,
    id: `securityhub/${region}`,
    account: src.accountId,
    region,
    tags: {},
    hubArn,
    standards,
  };
  if (hub.value?.SubscribedAt) out.subscribedAt = hub.value.SubscribedAt;
  return out;
}

export default defineService<{ securityHubs: SecurityHubRegion[] }>({
  name: 'securityhub',
  title: 'AWS Security Hub',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ securityHubs: src.regions.flatMap((r) => buildHub(src, r) ?? []) }),
  empty: () => ({ securityHubs: [] }),
  collector: async () => (await import('./collect.js')).default,
});
