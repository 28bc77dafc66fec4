import type {
  AttachedPolicy as RawAttachedPolicy,
  GetAccountAuthorizationDetailsCommandOutput,
  GetAccountPasswordPolicyCommandOutput,
  GetCredentialReportCommandOutput,
  PolicyDetail,
} from '@aws-sdk/client-iam';
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { GLOBAL_REGION } from '../snapshot/types.js';
import { parsePolicy } from './policy.js';
import type { CallSource, Json, Raw } from './source.js';
import type { AccessKeyInfo, AttachedPolicy, Grants, IamGroup, IamRole, IamUser, Observed, PasswordPolicy, PolicyDocument, RootUser } from './types.js';

const REPORT_PATH = '/global/calls/iam:GetCredentialReport/Content';
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
  users: IamUser[];
  roles: IamRole[];
  groups: IamGroup[];
  passwordPolicy: PasswordPolicy;
}

const DETAILS_PATH = '/global/calls/iam:GetAccountAuthorizationDetails';

/** Policies from GetAccountAuthorizationDetails, parsed once. */
class AuthorizationDetails {
  private readonly managed = new Map<string, PolicyDocument | undefined>();

  constructor(
    readonly raw: Raw<GetAccountAuthorizationDetailsCommandOutput>,
    private readonly file: string,
  ) {
    (raw.Policies ?? []).forEach((p, i) => {
      const version = (p.PolicyVersionList ?? []).find((v) => v.IsDefaultVersion) ?? (p.PolicyVersionList ?? [])[0];
      this.managed.set(p.Arn!, version?.Document ? this.parse(version.Document, `${DETAILS_PATH}/Policies/${i}`) : undefined);
    });
  }

  parse(document: unknown, path: string): PolicyDocument {
    try {
      return parsePolicy(document);
    } catch {
      throw new InputError(this.file, path, 'a JSON policy document (URL-encoded or plain)');
    }
  }

  attached(list: Json<RawAttachedPolicy>[] | undefined): AttachedPolicy[] {
    return (list ?? [])
      .map((a) => {
        const arn = a.PolicyArn!;
        const policy: AttachedPolicy = { arn, name: a.PolicyName ?? arn.split('/').pop()!, awsManaged: /^arn:[^:]+:iam::aws:policy\//.test(arn) };
        const doc = this.managed.get(arn);
        if (doc) policy.document = doc;
        return policy;
      })
      .sort((x, y) => (x.arn < y.arn ? -1 : 1));
  }

  grants(attached: Json<RawAttachedPolicy>[] | undefined, inline: Json<PolicyDetail>[] | undefined, path: string): Grants {
    return {
      attached: this.attached(attached),
      inline: (inline ?? [])
        .map((p, i) => ({ name: p.PolicyName ?? '', document: this.parse(p.PolicyDocument, `${path}/${i}/PolicyDocument`) }))
        .sort((x, y) => (x.name < y.name ? -1 : 1)),
    };
  }
}

/** `file` names the snapshot in errors about a report that cannot be parsed. */
export function buildIam(src: CallSource, partition: string, file: string): IamInventory {
  const account = src.accountId;
  const out: IamInventory = { users: [], roles: [], groups: [], passwordPolicy: passwordPolicy(src, partition) };
  const detailsRaw = src.call<Raw<GetAccountAuthorizationDetailsCommandOutput>>(GLOBAL_REGION, 'iam:GetAccountAuthorizationDetails');
  const details = detailsRaw.ok && detailsRaw.value ? new AuthorizationDetails(detailsRaw.value, file) : undefined;
  const userGrants = new Map<string, Grants & { groups: string[] }>();
  if (details) {
    (details.raw.UserDetailList ?? []).forEach((u, i) => {
      userGrants.set(u.Arn!, {
        ...details.grants(u.AttachedManagedPolicies, u.UserPolicyList, `${DETAILS_PATH}/UserDetailList/${i}/UserPolicyList`),
        groups: [...(u.GroupList ?? [])].sort(),
      });
    });
    out.roles = (details.raw.RoleDetailList ?? []).map((r, i): IamRole => {
      const role: IamRole = {
        type: 'AWS::IAM::Role',
        arn: r.Arn!,
        id: r.RoleName!,
        name: r.RoleName!,
        account,
        region: GLOBAL_REGION,
        tags: Object.fromEntries((r.Tags ?? []).map((t) => [t.Key!, t.Value ?? ''])),
        path: r.Path ?? '/',
        grants: details.grants(r.AttachedManagedPolicies, r.RolePolicyList, `${DETAILS_PATH}/RoleDetailList/${i}/RolePolicyList`),
      };
      if (r.AssumeRolePolicyDocument) role.trustPolicy = details.parse(r.AssumeRolePolicyDocument, `${DETAILS_PATH}/RoleDetailList/${i}/AssumeRolePolicyDocument`);
      return role;
    });
    out.groups = (details.raw.GroupDetailList ?? []).map((g, i): IamGroup => ({
      type: 'AWS::IAM::Group',
      arn: g.Arn!,
      id: g.GroupName!,
      name: g.GroupName!,
      account,
      region: GLOBAL_REGION,
      tags: {},
      grants: details.grants(g.AttachedManagedPolicies, g.GroupPolicyList, `${DETAILS_PATH}/GroupDetailList/${i}/GroupPolicyList`),
    }));
  }
  const grantsOf = (arn: string): Observed<Grants & { groups: string[] }> => {
    if (!detailsRaw.ok) return detailsRaw;
    return { ok: true, value: userGrants.get(arn) ?? { attached: [], inline: [], groups: [] } };
  };
  const report = src.call<Raw<GetCredentialReportCommandOutput>>(GLOBAL_REGION, 'iam:GetCredentialReport');
  if (!report.ok || report.value === null) return out;

  const rows = parseReport(String(report.value.Content ?? ''), file);
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
    out.users.push(user);
  }
  if (!out.root) {
    throw new InputError(file, REPORT_PATH, 'an IAM credential report with a <root_account> row (every real report has one)');
  }
  out.users.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
  out.roles.sort((a, b) => (a.arn < b.arn ? -1 : 1));
  out.groups.sort((a, b) => (a.arn < b.arn ? -1 : 1));
  return out;
}

function parseReport(base64: string, file: string): Row[] {
  const csv = Buffer.from(base64, 'base64').toString('utf8');
  let rows: Row[];
  try {
    rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true }) as Row[];
  } catch (e) {
    throw new InputError(file, REPORT_PATH, `a base64-encoded IAM credential report in CSV (${(e as Error).message})`);
  }
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (rows.length === 0 || missing.length > 0) {
    throw new InputError(
      file,
      REPORT_PATH,
      `a base64-encoded IAM credential report in CSV with the columns ${REQUIRED_COLUMNS.join(',')}` +
        (missing.length ? ` (missing: ${missing.join(', ')})` : ' (no rows)'),
    );
  }
  return rows;
}

function passwordPolicy(src: CallSource, partition: string): PasswordPolicy {
  const raw = src.call<Raw<GetAccountPasswordPolicyCommandOutput>>(GLOBAL_REGION, 'iam:GetAccountPasswordPolicy');
  const base = {
    type: 'AWS::IAM::PasswordPolicy' as const,
    arn: `arn:${partition}:iam::${src.accountId}:account-password-policy`,
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
