/** Small, valid snapshots for tests, built from the service modules' operations. */
import { SERVICES } from '../../src/services/registry.js';
import type { AnyServiceModule } from '../../src/services/define.js';
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
  'ec2:GetEbsEncryptionByDefault': { EbsEncryptionByDefault: true, SseType: 'sse-ebs' },
  's3control:GetPublicAccessBlock': {
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
  },
  'cloudfront:ListDistributions': { DistributionList: { Marker: '', MaxItems: 100, IsTruncated: false, Quantity: 0, Items: [] } },
  // Settings, not lists: an account with the service on and nothing in it.
  'ecr:GetRegistryScanningConfiguration': { registryId: SNAP_ACCOUNT, scanningConfiguration: { scanType: 'BASIC', rules: [] } },
  'inspector2:BatchGetAccountStatus': {
    accounts: [
      {
        accountId: SNAP_ACCOUNT,
        state: { status: 'ENABLED' },
        resourceState: { ec2: { status: 'ENABLED' }, ecr: { status: 'ENABLED' }, lambda: { status: 'ENABLED' }, lambdaCode: { status: 'DISABLED' } },
      },
    ],
    failedAccounts: [],
  },
  'securityhub:DescribeHub': {
    HubArn: `arn:aws:securityhub:ap-south-1:${SNAP_ACCOUNT}:hub/default`,
    SubscribedAt: '2026-01-05T04:00:00.000Z',
    AutoEnableControls: true,
    ControlFindingGenerator: 'SECURITY_CONTROL',
  },
};

/** An answer listing nothing: each needed list member of the output empty (EMPTY for answers that are settings). */
function emptyAnswer(module: AnyServiceModule, key: string): unknown {
  if (key in EMPTY) return structuredClone(EMPTY[key]);
  const output = module.shapes.outputs[key]!;
  const members = module.shapes.structures[output]!;
  const op = module.operations.find((o) => o.key === key)!;
  const needed = op.needs?.[output] ?? [];
  return Object.fromEntries(needed.map((m) => [m, Array.isArray(members[m]) ? [] : {}]));
}

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
  for (const module of SERVICES as readonly AnyServiceModule[]) {
    for (const op of module.operations) {
      if (op.scope !== kind || op.perResource || op.support !== undefined || op.plan !== undefined) continue;
      calls[op.key] = op.key === 'iam:GetCredentialReport' ? { Content: credentialReport([]), ReportFormat: 'text/csv' } : emptyAnswer(module, op.key);
    }
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
