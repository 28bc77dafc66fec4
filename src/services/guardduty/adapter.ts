import type { GetAdministratorAccountCommandOutput, GetDetectorCommandOutput, ListDetectorsCommandOutput, ListMembersCommandOutput } from '@aws-sdk/client-guardduty';
import type { Observed, Raw } from '../../inventory/base.js';
import type { ServiceSource } from '../source.js';
import type { GuardDutyDetector, GuardDutyMalwareProtection, GuardDutyRegion, GuardDutyRelationship } from './types.js';

type Detector = Raw<GetDetectorCommandOutput>;

function detectorOf(src: ServiceSource, region: string, id: string): GuardDutyDetector {
  const d = src.perResource<Detector>(region, 'guardduty:GetDetector', id);
  const features: Observed<Record<string, string>> = d.ok ? { ok: true, value: Object.fromEntries((d.value.Features ?? []).map((f) => [String(f.Name), String(f.Status)])) } : d;
  let malwareProtection: Observed<GuardDutyMalwareProtection> = d.ok ? { ok: true, value: {} } : d;
  if (d.ok) {
    const m: GuardDutyMalwareProtection = {};
    const feature = (d.value.Features ?? []).find((f) => f.Name === 'EBS_MALWARE_PROTECTION');
    if (feature) m.feature = String(feature.Status);
    const ebs = d.value.DataSources?.MalwareProtection?.ScanEc2InstanceWithFindings?.EbsVolumes;
    if (ebs) m.dataSource = String(ebs.Status);
    malwareProtection = { ok: true, value: m };
  }
  const admin = src.perResource<Raw<GetAdministratorAccountCommandOutput>>(region, 'guardduty:GetAdministratorAccount', id);
  const administrator: Observed<GuardDutyRelationship | null> = admin.ok
    ? { ok: true, value: admin.value.Administrator ? { accountId: admin.value.Administrator.AccountId!, relationshipStatus: admin.value.Administrator.RelationshipStatus! } : null }
    : admin;
  const listed = src.perResource<Raw<ListMembersCommandOutput>>(region, 'guardduty:ListMembers', id);
  const members: Observed<GuardDutyRelationship[]> = listed.ok
    ? { ok: true, value: (listed.value.Members ?? []).map((m) => ({ accountId: m.AccountId!, relationshipStatus: m.RelationshipStatus! })).sort((a, b) => (a.accountId < b.accountId ? -1 : 1)) }
    : listed;
  return { id, status: d.ok ? { ok: true, value: d.value.Status === 'ENABLED' ? 'ENABLED' : 'DISABLED' } : d, features, malwareProtection, administrator, members };
}

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
    detectors: ids.map((id) => detectorOf(src, region, id)),
  };
}
