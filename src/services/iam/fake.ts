import type { ServiceFake } from '../define.js';

const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
  'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
  'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
  'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

/** The test account's IAM: root with MFA, one console user without MFA in a read-only group, a support role. */
const fake: ServiceFake = (scope, account) => {
  if (scope !== 'global') return {};
  const csv = [
    HEADER,
    `<root_account>,arn:aws:iam::${account}:root,2021-04-01T00:00:00+00:00,not_supported,2026-10-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
    `ops-admin,arn:aws:iam::${account}:user/ops-admin,2024-02-01T00:00:00+00:00,true,2026-11-19T00:00:00+00:00,2026-09-01T00:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  ].join('\n');
  return {
    'iam:GenerateCredentialReport': { State: 'COMPLETE', Description: 'No report exists. Starting a new report generation task' },
    'iam:GetCredentialReport': { Content: new TextEncoder().encode(`${csv}\n`), ReportFormat: 'text/csv', GeneratedTime: new Date('2026-11-20T05:59:00Z') },
    'iam:GetAccountAuthorizationDetails': {
      UserDetailList: [{ UserName: 'ops-admin', Arn: `arn:aws:iam::${account}:user/ops-admin`, Path: '/', GroupList: ['operators'], AttachedManagedPolicies: [], UserPolicyList: [] }],
      GroupDetailList: [
        {
          GroupName: 'operators',
          Arn: `arn:aws:iam::${account}:group/operators`,
          AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
          GroupPolicyList: [],
        },
      ],
      RoleDetailList: [
        {
          RoleName: 'support',
          Arn: `arn:aws:iam::${account}:role/support`,
          Path: '/',
          AssumeRolePolicyDocument: encodeURIComponent(
            JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }] }),
          ),
          AttachedManagedPolicies: [{ PolicyName: 'AWSSupportAccess', PolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' }],
          RolePolicyList: [],
        },
      ],
      Policies: [],
    },
    // Root's MFA is a hardware device: no virtual device is assigned to root.
    'iam:ListVirtualMFADevices': { VirtualMFADevices: [] },
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
  };
};

export default fake;
