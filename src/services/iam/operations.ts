/** IAM: account-wide, read once (global). */
import type { OperationSpec } from '../spec.js';

export const SDK = { iam: '@aws-sdk/client-iam' } as const;

export const OPERATIONS = [
  {
    key: 'iam:GenerateCredentialReport',
    scope: 'global',
    support: 'asks IAM to (re)build the credential report that GetCredentialReport reads',
  },
  {
    key: 'iam:GetCredentialReport',
    scope: 'global',
    needs: { GetCredentialReportResponse: ['Content'] },
  },
  {
    key: 'iam:GetAccountPasswordPolicy',
    scope: 'global',
    absentCodes: ['NoSuchEntity'],
    // Expiry and reuse prevention are absent when not set.
    unset: { PasswordPolicy: ['MaxPasswordAge', 'PasswordReusePrevention', 'HardExpiry'] },
    needs: {
      GetAccountPasswordPolicyResponse: ['PasswordPolicy'],
      PasswordPolicy: ['MinimumPasswordLength', 'RequireSymbols', 'RequireNumbers', 'RequireUppercaseCharacters', 'RequireLowercaseCharacters', 'ExpirePasswords'],
    },
  },
  {
    key: 'iam:GetAccountAuthorizationDetails',
    scope: 'global',
    request: 'Filter=[User, Group, Role, LocalManagedPolicy]',
    records: [
      { path: 'UserDetailList/*', type: 'AWS::IAM::User', arn: 'Arn' },
      { path: 'GroupDetailList/*', type: 'AWS::IAM::Group', arn: 'Arn' },
      { path: 'RoleDetailList/*', type: 'AWS::IAM::Role', arn: 'Arn' },
      { path: 'Policies/*', type: 'AWS::IAM::ManagedPolicy', arn: 'Arn' },
    ],
    needs: {
      GetAccountAuthorizationDetailsResponse: ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'],
      // AWS lists every principal's policies, empty lists included; one left out would hide a grant.
      UserDetail: ['Arn', 'UserName', 'AttachedManagedPolicies', 'UserPolicyList', 'GroupList'],
      GroupDetail: ['Arn', 'GroupName', 'AttachedManagedPolicies', 'GroupPolicyList'],
      RoleDetail: ['Arn', 'RoleName', 'AssumeRolePolicyDocument', 'AttachedManagedPolicies', 'RolePolicyList'],
      ManagedPolicyDetail: ['Arn', 'PolicyName', 'AttachmentCount', 'PolicyVersionList'],
      PolicyVersion: ['Document', 'IsDefaultVersion'],
      AttachedPolicy: ['PolicyArn'],
      PolicyDetail: ['PolicyName', 'PolicyDocument'],
    },
  },
  {
    key: 'iam:ListVirtualMFADevices',
    scope: 'global',
    // Only devices assigned to someone: root's shows whether its MFA is virtual (the credential report cannot tell).
    request: 'AssignmentStatus=Assigned',
    needs: { ListVirtualMFADevicesResponse: ['VirtualMFADevices'], VirtualMFADevice: ['SerialNumber', 'User'], User: ['Arn'] },
  },
] as const satisfies readonly OperationSpec[];
