/** IAM resources in the typed inventory. */
import type { Observed, PolicyDocument, Resource } from '../../inventory/base.js';

export interface AccessKeyInfo {
  /** 1 or 2, as in the credential report. */
  slot: 1 | 2;
  active: boolean;
  lastRotated?: string;
  lastUsed?: string;
}

/** A managed policy attached to a user, group or role. */
export interface AttachedPolicy {
  arn: string;
  name: string;
  /** AWS managed (arn:aws:iam::aws:policy/...): its document is not collected, its name is known. */
  awsManaged: boolean;
  /** The default version's document, for customer-managed policies. */
  document?: PolicyDocument;
}

export interface InlinePolicy {
  name: string;
  document: PolicyDocument;
}

/** What IAM grants a principal directly (GetAccountAuthorizationDetails). */
export interface Grants {
  attached: AttachedPolicy[];
  inline: InlinePolicy[];
}

/** A row of the IAM credential report, joined with the user's policies. */
export interface IamUser extends Resource {
  type: 'AWS::IAM::User';
  createdAt?: string;
  passwordEnabled: boolean;
  passwordLastUsed?: string;
  passwordLastChanged?: string;
  mfaActive: boolean;
  accessKeys: AccessKeyInfo[];
  /** Policies attached to or embedded in the user itself, and its groups' names. */
  grants: Observed<Grants & { groups: string[] }>;
}

export interface IamRole extends Resource {
  type: 'AWS::IAM::Role';
  path: string;
  grants: Grants;
  trustPolicy?: PolicyDocument;
}

export interface IamGroup extends Resource {
  type: 'AWS::IAM::Group';
  grants: Grants;
}

/** The root user's credential-report row. */
export interface RootUser extends Resource {
  type: 'AWS::IAM::Root';
  /** False when the root password was removed (centralised root access). */
  passwordEnabled: boolean;
  passwordLastUsed?: string;
  mfaActive: boolean;
  accessKeys: AccessKeyInfo[];
  /**
   * Serial numbers of the virtual MFA devices assigned to root
   * (iam:ListVirtualMFADevices); empty when its MFA is a hardware device or
   * a security key. Undefined only in inventories built without the call.
   */
  virtualMfaDevices?: Observed<string[]>;
}

/** A customer-managed policy (GetAccountAuthorizationDetails, LocalManagedPolicy). */
export interface IamManagedPolicy extends Resource {
  type: 'AWS::IAM::ManagedPolicy';
  /** How many users, groups and roles it is attached to (IAM's AttachmentCount). */
  attachmentCount: number;
  /** The default version's document. */
  document: PolicyDocument;
}

export interface PasswordPolicySettings {
  minimumLength?: number;
  requireSymbols: boolean;
  requireNumbers: boolean;
  requireUppercase: boolean;
  requireLowercase: boolean;
  maxAgeDays?: number;
  reusePrevention?: number;
  expirePasswords: boolean;
}

export interface PasswordPolicy extends Resource {
  type: 'AWS::IAM::PasswordPolicy';
  /** null: the account has no password policy (IAM answered NoSuchEntity). */
  policy: Observed<PasswordPolicySettings | null>;
}
