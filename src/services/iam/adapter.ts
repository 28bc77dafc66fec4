/**
 * IAM from three account-wide answers: the credential report (users, root,
 * passwords, MFA, access keys), the password policy, and the authorization
 * details (users', groups' and roles' policies).
 */
import type {
  AttachedPolicy as RawAttachedPolicy,
  GetAccountAuthorizationDetailsCommandOutput,
  GetAccountPasswordPolicyCommandOutput,
  GetCredentialReportCommandOutput,
  ListVirtualMFADevicesCommandOutput,
  PolicyDetail,
} from '@aws-sdk/client-iam';
import { parse } from 'csv-parse/sync';
import type { Json, Observed, PolicyDocument, Raw } from '../../inventory/base.js';
import { parsePolicy } from '../../inventory/policy.js';
import { GLOBAL_REGION } from '../../snapshot/types.js';
import type { RecordAt, ServiceSource } from '../source.js';
import type { AccessKeyInfo, AttachedPolicy, Grants, IamGroup, IamManagedPolicy, IamRole, IamUser, PasswordPolicy, RootUser } from './types.js';

const REPORT = 'iam:GetCredentialReport';
const DETAILS = 'iam:GetAccountAuthorizationDetails';
const REQUIRED_COLUMNS = [
  'user',
  'arn',
  'password_enabled',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
] as const;
const FLAGS = ['password_enabled', 'mfa_active', 'access_key_1_active', 'access_key_2_active'] as const;

type Row = Record<string, string>;

/** Credential-report dates: `N/A`, `no_information` and `not_supported` mean "none". */
function date(value: string | undefined): string | undefined {
  if (!value || value === 'N/A' || value === 'no_information' || value === 'not_supported') return undefined;
  return value;
}

function accessKeys(row: Row): AccessKeyInfo[] {
  return ([1, 2] as const).map((slot) => {
    const key: AccessKeyInfo = { slot, active: row[`access_key_${slot}_active`] === 'true' };
    const rotated = date(row[`access_key_${slot}_last_rotated`]);
    const used = date(row[`access_key_${slot}_last_used_date`]);
    if (rotated !== undefined) key.lastRotated = rotated;
    if (used !== undefined) key.lastUsed = used;
    return key;
  });
}

export interface IamInventory {
  root?: RootUser;
  iamUsers: IamUser[];
  iamRoles: IamRole[];
  iamGroups: IamGroup[];
  /** Customer-managed policies, attached or not. */
  iamPolicies: IamManagedPolicy[];
  passwordPolicy: PasswordPolicy;
}

/** A policy document as IAM returns it (URL-encoded JSON), or a RecordError at `member`. */
function documentAt(at: RecordAt, raw: unknown, member: string): PolicyDocument {
  try {
    return parsePolicy(raw);
  } catch {
    at.expect(false, member, 'a JSON policy document (URL-encoded or plain)');
    throw new Error('unreachable');
  }
}

type Details = Raw<GetAccountAuthorizationDetailsCommandOutput>;
type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

function attached(list: Json<RawAttachedPolicy>[] | undefined, managed: ReadonlyMap<string, PolicyDocument | undefined>): AttachedPolicy[] {
  return (list ?? [])
    .map((a) => {
      const arn = a.PolicyArn!;
      const policy: AttachedPolicy = { arn, name: a.PolicyName ?? arn.split('/').pop()!, awsManaged: /^arn:[^:]+:iam::aws:policy\//.test(arn) };
      const doc = managed.get(arn);
      if (doc) policy.document = doc;
      return policy;
    })
    .sort((x, y) => (x.arn < y.arn ? -1 : 1));
}

function grants(
  at: RecordAt,
  managed: ReadonlyMap<string, PolicyDocument | undefined>,
  attachedList: Json<RawAttachedPolicy>[] | undefined,
  inline: Json<PolicyDetail>[] | undefined,
  inlineMember: string,
): Grants {
  return {
    attached: attached(attachedList, managed),
    inline: (inline ?? [])
      .map((p, i) => ({ name: p.PolicyName!, document: documentAt(at, p.PolicyDocument, `/${inlineMember}/${i}/PolicyDocument`) }))
      .sort((x, y) => (x.name < y.name ? -1 : 1)),
  };
}

const tags = (list: { Key?: string; Value?: string }[] | undefined) => Object.fromEntries((list ?? []).map((t) => [t.Key!, t.Value ?? '']));

export function buildIam(src: ServiceSource): IamInventory {
  const account = src.accountId;
  const partition = src.partition;
  const out: IamInventory = { iamUsers: [], iamRoles: [], iamGroups: [], iamPolicies: [], passwordPolicy: passwordPolicy(src) };

  // Customer-managed policies first: principals' grants refer to them by ARN.
  const managed = new Map<string, PolicyDocument | undefined>();
  out.iamPolicies = src.records<Item<Details['Policies']>, IamManagedPolicy>(GLOBAL_REGION, DETAILS, 'Policies/*', (p, at) => {
    const versions = p.PolicyVersionList!;
    const index = versions.findIndex((v) => v.IsDefaultVersion);
    at.expect(index >= 0, '/PolicyVersionList', 'the policy versions, one of them the default (IsDefaultVersion true)');
    at.expect(Number.isInteger(p.AttachmentCount) && p.AttachmentCount! >= 0, '/AttachmentCount', 'a whole number of attachments');
    const document = documentAt(at, versions[index]!.Document, `/PolicyVersionList/${index}/Document`);
    managed.set(p.Arn!, document);
    return {
      type: 'AWS::IAM::ManagedPolicy',
      arn: p.Arn!,
      id: p.PolicyName!,
      name: p.PolicyName!,
      account,
      region: GLOBAL_REGION,
      tags: {},
      attachmentCount: p.AttachmentCount!,
      document,
    };
  });
  const unreadablePolicies = (src.unreadable.get(DETAILS)?.get(GLOBAL_REGION) ?? []).filter((r) => r.recordType === 'AWS::IAM::ManagedPolicy');

  const userGrants = new Map<string, Grants & { groups: string[] }>();
  src.records<Item<Details['UserDetailList']>, void>(GLOBAL_REGION, DETAILS, 'UserDetailList/*', (u, at) => {
    u.GroupList!.forEach((g, i) => at.expect(g !== '', `/GroupList/${i}`, 'the name of a group the user belongs to'));
    userGrants.set(u.Arn!, {
      ...grants(at, managed, u.AttachedManagedPolicies, u.UserPolicyList, 'UserPolicyList'),
      groups: [...(u.GroupList ?? [])].sort(),
    });
  });
  out.iamRoles = src.records<Item<Details['RoleDetailList']>, IamRole>(GLOBAL_REGION, DETAILS, 'RoleDetailList/*', (r, at) => {
    const role: IamRole = {
      type: 'AWS::IAM::Role',
      arn: r.Arn!,
      id: r.RoleName!,
      name: r.RoleName!,
      account,
      region: GLOBAL_REGION,
      tags: tags(r.Tags),
      path: r.Path ?? '/',
      grants: grants(at, managed, r.AttachedManagedPolicies, r.RolePolicyList, 'RolePolicyList'),
    };
    role.trustPolicy = documentAt(at, r.AssumeRolePolicyDocument, '/AssumeRolePolicyDocument');
    return role;
  });
  out.iamGroups = src.records<Item<Details['GroupDetailList']>, IamGroup>(GLOBAL_REGION, DETAILS, 'GroupDetailList/*', (g, at) => ({
    type: 'AWS::IAM::Group',
    arn: g.Arn!,
    id: g.GroupName!,
    name: g.GroupName!,
    account,
    region: GLOBAL_REGION,
    tags: {},
    grants: grants(at, managed, g.AttachedManagedPolicies, g.GroupPolicyList, 'GroupPolicyList'),
  }));

  const details = src.call<Details>(GLOBAL_REGION, DETAILS);
  const unreadableUsers = new Map((src.unreadable.get(DETAILS)?.get(GLOBAL_REGION) ?? []).flatMap((r) => (r.resource && r.recordType === 'AWS::IAM::User' ? [[r.resource.arn, r.error] as const] : [])));
  const grantsOf = (arn: string): Observed<Grants & { groups: string[] }> => {
    if (!details.ok) return details;
    // A user whose own record, or a policy any principal may attach, could not be read: its grants are unknown.
    const bad = unreadableUsers.get(arn) ?? unreadablePolicies[0]?.error;
    if (bad) return { ok: false, error: bad };
    return { ok: true, value: userGrants.get(arn) ?? { attached: [], inline: [], groups: [] } };
  };

  const rows = credentialReport(src);
  if (rows === undefined) return out;
  const rootVirtualMfa = virtualMfaOfRoot(src);
  for (const row of rows) {
    if (row['user'] === '<root_account>') {
      const root: RootUser = {
        type: 'AWS::IAM::Root',
        arn: row['arn'] || `arn:${partition}:iam::${account}:root`,
        id: 'root',
        name: '<root_account>',
        account,
        region: GLOBAL_REGION,
        tags: {},
        // The report says `not_supported` for root's password flag; `false` only once it was removed.
        passwordEnabled: row['password_enabled'] !== 'false',
        mfaActive: row['mfa_active'] === 'true',
        accessKeys: accessKeys(row),
        virtualMfaDevices: rootVirtualMfa,
      };
      const used = date(row['password_last_used']);
      if (used !== undefined) root.passwordLastUsed = used;
      out.root = root;
      continue;
    }
    const user: IamUser = {
      type: 'AWS::IAM::User',
      arn: row['arn']!,
      id: row['user']!,
      name: row['user']!,
      account,
      region: GLOBAL_REGION,
      tags: {},
      passwordEnabled: row['password_enabled'] === 'true',
      mfaActive: row['mfa_active'] === 'true',
      accessKeys: accessKeys(row),
      grants: grantsOf(row['arn']!),
    };
    const created = date(row['user_creation_time']);
    const used = date(row['password_last_used']);
    const changed = date(row['password_last_changed']);
    if (created !== undefined) user.createdAt = created;
    if (used !== undefined) user.passwordLastUsed = used;
    if (changed !== undefined) user.passwordLastChanged = changed;
    out.iamUsers.push(user);
  }
  out.iamUsers.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
  out.iamRoles.sort((a, b) => (a.arn < b.arn ? -1 : 1));
  out.iamGroups.sort((a, b) => (a.arn < b.arn ? -1 : 1));
  out.iamPolicies.sort((a, b) => (a.arn < b.arn ? -1 : 1));
  return out;
}

/** The virtual MFA devices assigned to root (its user ARN is the account's `:root`). */
function virtualMfaOfRoot(src: ServiceSource): Observed<string[]> {
  const raw = src.call<Raw<ListVirtualMFADevicesCommandOutput>>(GLOBAL_REGION, 'iam:ListVirtualMFADevices');
  if (!raw.ok) return raw;
  const devices = raw.value?.VirtualMFADevices ?? [];
  return { ok: true, value: devices.filter((d) => /^arn:[^:]+:iam::\d{12}:root$/.test(d.User!.Arn!)).map((d) => d.SerialNumber!).sort() };
}

/**
 * The credential report's rows, or undefined when it could not be read: the
 * call failed, or its CSV is not a credential report (the whole answer is then
 * unreadable and every check that needs it says `error`).
 */
function credentialReport(src: ServiceSource): Row[] | undefined {
  const report = src.call<Raw<GetCredentialReportCommandOutput>>(GLOBAL_REGION, REPORT);
  if (!report.ok || report.value === null) return undefined;
  const csv = Buffer.from(String(report.value.Content), 'base64').toString('utf8');
  let rows: Row[];
  try {
    rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true }) as Row[];
  } catch (e) {
    src.unusable(REPORT, GLOBAL_REGION, '/Content', `a base64-encoded IAM credential report in CSV (${(e as Error).message})`);
    return undefined;
  }
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (rows.length === 0 || missing.length > 0) {
    src.unusable(
      REPORT,
      GLOBAL_REGION,
      '/Content',
      `a base64-encoded IAM credential report in CSV with the columns ${REQUIRED_COLUMNS.join(',')}` + (missing.length ? ` (missing: ${missing.join(', ')})` : ' (no rows)'),
    );
    return undefined;
  }
  if (!rows.some((r) => r['user'] === '<root_account>')) {
    src.unusable(REPORT, GLOBAL_REGION, '/Content', 'an IAM credential report with a <root_account> row (every real report has one)');
    return undefined;
  }
  for (const [i, row] of rows.entries()) {
    const root = row['user'] === '<root_account>';
    const where = `/Content (CSV row ${i + 2})`;
    if (!row['user'] || !/^arn:[^:]+:iam::\d{12}:(root|user\/.+)$/.test(row['arn'] ?? '')) {
      src.unusable(REPORT, GLOBAL_REGION, where, 'a row with a user name and an IAM user (or root) ARN');
      return undefined;
    }
    for (const flag of FLAGS) {
      const v = row[flag];
      const ok = v === 'true' || v === 'false' || (root && flag === 'password_enabled' && v === 'not_supported');
      if (!ok) {
        src.unusable(REPORT, GLOBAL_REGION, where, `${flag} "true" or "false", not "${v}"`);
        return undefined;
      }
    }
  }
  return rows;
}

function passwordPolicy(src: ServiceSource): PasswordPolicy {
  const raw = src.call<Raw<GetAccountPasswordPolicyCommandOutput>>(GLOBAL_REGION, 'iam:GetAccountPasswordPolicy');
  const base = {
    type: 'AWS::IAM::PasswordPolicy' as const,
    arn: `arn:${src.partition}:iam::${src.accountId}:account-password-policy`,
    id: 'account-password-policy',
    account: src.accountId,
    region: GLOBAL_REGION,
    tags: {},
  };
  if (!raw.ok) return { ...base, policy: raw };
  const p = raw.value?.PasswordPolicy;
  if (!p) return { ...base, policy: { ok: true, value: null } };
  const settings: NonNullable<Extract<PasswordPolicy['policy'], { ok: true }>['value']> = {
    requireSymbols: p.RequireSymbols === true,
    requireNumbers: p.RequireNumbers === true,
    requireUppercase: p.RequireUppercaseCharacters === true,
    requireLowercase: p.RequireLowercaseCharacters === true,
    expirePasswords: p.ExpirePasswords === true,
  };
  if (p.MinimumPasswordLength !== undefined) settings.minimumLength = p.MinimumPasswordLength;
  if (p.MaxPasswordAge !== undefined) settings.maxAgeDays = p.MaxPasswordAge;
  if (p.PasswordReusePrevention !== undefined) settings.reusePrevention = p.PasswordReusePrevention;
  return { ...base, policy: { ok: true, value: settings } };
}
