import type { GetDetectorCommandOutput, ListDetectorsCommandOutput } from '@aws-sdk/client-guardduty';
import type { Raw } from '../../inventory/base.js';
import type { ServiceSource } from '../source.js';
import type { GuardDutyRegion } from './types.js';

export function buildGuardDuty(src: ServiceSource, region: string): GuardDutyRegion {
  const listed = src.call<Raw<ListDetectorsCommandOutput>>(region, 'guardduty:ListDetectors');
  let ids = listed.ok ? [...(listed.value?.DetectorIds ?? [])].sort() : [];
  const empty = listed.ok ? (listed.value?.DetectorIds ?? []).findIndex((id) => id === '') : -1;
  if (empty >= 0) {
    src.unusable('guardduty:ListDetectors', region, `/DetectorIds/${empty}`, 'a detector id');
    ids = [];
  }
  return {
    type: 'AWS::GuardDuty::RegionSettings',
    arn: `arn:${src.partition}:guardduty:${region}:${src.accountId}:detector`,
    id: `guardduty/${region}`,
    account: src.accountId,
    region,
    tags: {},
    detectors: ids.map((id) => {
      const d = src.perResource<Raw<GetDetectorCommandOutput>>(region, 'guardduty:GetDetector', id);
      return { id, status: d.ok ? { ok: true, value: d.value.Status === 'ENABLED' ? 'ENABLED' : 'DISABLED' } : d };
    }),
  };
}
