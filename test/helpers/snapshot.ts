/** Small, valid snapshots for tests, built from the operations table. */
import { OPERATIONS } from '../../src/snapshot/operations.js';
import type { Snapshot, SnapshotScope } from '../../src/snapshot/types.js';

export const SNAP_ACCOUNT = '210987654321';

/** The empty response each account-wide operation returns when there is nothing to list. */
const EMPTY: Record<string, unknown> = {
  'iam:GetAccountPasswordPolicy': {
    PasswordPolicy: {
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
    },
  },
  'ec2:DescribeVpcs': { Vpcs: [] },
  'ec2:DescribeSubnets': { Subnets: [] },
  'ec2:DescribeRouteTables': { RouteTables: [] },
  'ec2:DescribeInternetGateways': { InternetGateways: [] },
  'ec2:DescribeSecurityGroups': { SecurityGroups: [] },
  'ec2:DescribeNetworkAcls': { NetworkAcls: [] },
  'ec2:DescribeFlowLogs': { FlowLogs: [] },
  'ec2:DescribeInstances': { Reservations: [] },
  'ec2:DescribeVolumes': { Volumes: [] },
  'ec2:GetEbsEncryptionByDefault': { EbsEncryptionByDefault: true, SseType: 'sse-ebs' },
  'kms:ListKeys': { Keys: [] },
  'kms:ListAliases': { Aliases: [] },
  'cloudtrail:DescribeTrails': { trailList: [] },
  'guardduty:ListDetectors': { DetectorIds: [] },
  'config:DescribeConfigurationRecorders': { ConfigurationRecorders: [] },
  'config:DescribeConfigurationRecorderStatus': { ConfigurationRecordersStatus: [] },
  'config:DescribeDeliveryChannels': { DeliveryChannels: [] },
};

export const REPORT_HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
  'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
  'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
  'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

export function credentialReport(rows: string[], account = SNAP_ACCOUNT): string {
  const root = `<root_account>,arn:aws:iam::${account}:root,2020-01-01T00:00:00+00:00,not_supported,2026-11-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
  return Buffer.from([REPORT_HEADER, root, ...rows].join('\n') + '\n').toString('base64');
}

function scope(kind: 'global' | 'regional'): SnapshotScope {
  const calls: Record<string, unknown> = {};
  for (const op of OPERATIONS) {
    if (op.scope !== kind || op.perResource) continue;
    calls[op.key] = op.key === 'iam:GetCredentialReport' ? { Content: credentialReport([]), ReportFormat: 'text/csv' } : structuredClone(EMPTY[op.key]);
  }
  return { calls, perResource: {} };
}

/** A valid snapshot of an empty account: every operation answered, nothing in it. */
export function emptySnapshot(regions = ['ap-south-1']): Snapshot {
  return {
    metadata: {
      format: 'archscan-snapshot',
      formatVersion: 1,
      accountId: SNAP_ACCOUNT,
      partition: 'aws',
      regions,
      collectedAt: '2026-11-20T06:00:00Z',
      collectorVersion: '0.1.0',
    },
    global: scope('global'),
    regions: Object.fromEntries(regions.map((r) => [r, scope('regional')])),
    errors: [],
  };
}
