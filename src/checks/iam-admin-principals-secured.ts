import type { JSONSchemaType } from 'ajv';
import { isAdminDocument, isAdministratorAccessArn } from '../inventory/policy.js';
import type { CallError, Grants, IamRole, IamUser, PolicyStatement, Resource } from '../inventory/types.js';
import { defineCheck, error, fail, pass } from './define.js';
import type { Outcome } from './types.js';

interface Params {
  allowAccessKeys: boolean;
  requireMfaToAssume: boolean;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['allowAccessKeys', 'requireMfaToAssume'],
  properties: { allowAccessKeys: { type: 'boolean' }, requireMfaToAssume: { type: 'boolean' } },
};

/** How a grant set gives full administrator access: the policies that do, or the first one that could not be read. */
function adminGrants(g: Grants): { via: string[]; unreadable?: string } {
  const via: string[] = [];
  let unreadable: string | undefined;
  for (const p of g.attached) {
    if (isAdministratorAccessArn(p.arn) || (p.document !== undefined && isAdminDocument(p.document))) via.push(`${p.name} (attached)`);
    else if (!p.awsManaged && p.document === undefined) unreadable ??= p.arn;
  }
  for (const p of g.inline) if (isAdminDocument(p.document)) via.push(`${p.name} (inline)`);
  return unreadable === undefined ? { via } : { via, unreadable };
}

/** A policy (or group) the snapshot does not describe: the principal might be an administrator, so never a pass. */
function unreadablePolicy(principal: Resource, what: string): CallError {
  const group = what.startsWith('group ');
  return {
    service: 'iam',
    operation: 'GetAccountAuthorizationDetails',
    region: principal.region,
    resource: group ? what.slice(6) : what,
    code: group ? 'GroupDetailsMissing' : 'PolicyDocumentMissing',
    message: group
      ? `the snapshot holds no details of the group ${what.slice(6)} that ${principal.id} belongs to`
      : `the snapshot holds no document for the customer-managed policy ${what} granted to ${principal.id}`,
  };
}

/** True when an Allow statement of a trust policy only lets principals in after MFA. */
function requiresMfa(s: PolicyStatement): boolean {
  return Object.entries(s.conditions).some(
    ([op, kv]) =>
      (op === 'Bool' && Object.entries(kv).some(([k, v]) => k.toLowerCase() === 'aws:multifactorauthpresent' && v.every((x) => x.toLowerCase() === 'true'))) ||
      (/^NumericLessThan(Equals)?$/.test(op) && Object.keys(kv).some((k) => k.toLowerCase() === 'aws:multifactorauthage')),
  );
}

/**
 * The principals an admin role's trust policy lets in without the protection
 * the check asks for: anyone (`*`) without a condition, and AWS principals
 * (accounts, users, roles) without an MFA condition. Services and identity
 * providers (SAML, OIDC) authenticate on their side.
 */
function unprotectedTrust(role: IamRole, requireMfa: boolean): { publicPrincipals: string[]; withoutMfa: string[] } {
  const publicPrincipals: string[] = [];
  const withoutMfa: string[] = [];
  for (const s of role.trustPolicy?.statements ?? []) {
    if (s.effect !== 'Allow') continue;
    for (const p of s.principals) {
      if ((p === '*' || p === 'AWS:*') && !s.hasCondition) publicPrincipals.push(p);
      else if (requireMfa && (p === '*' || p.startsWith('AWS:')) && !requiresMfa(s)) withoutMfa.push(p);
    }
  }
  return { publicPrincipals: [...new Set(publicPrincipals)].sort(), withoutMfa: [...new Set(withoutMfa)].sort() };
}

export default defineCheck<Params>({
  id: 'iam-admin-principals-secured',
  title: 'Every IAM user and role with full administrator access is secured',
  severity: 'high',
  resourceType: 'AWS::IAM::User',
  requires: ['iam:GetCredentialReport', 'iam:GetAccountAuthorizationDetails'],
  rationale:
    'An administrative account is whoever holds "*" on "*": a user with AdministratorAccess (directly or through a group) or a role with it. ' +
    'A console password without MFA, a long-lived access key, or a role any principal can assume without MFA turns one stolen credential ' +
    'into control of the whole account (MAS Notice 655 para 4.1: every administrative account secured against unauthorised access).',
  remediation:
    'For an administrator user: assign an MFA device and delete its access keys (administer through a role or IAM Identity Center instead). ' +
    'For an administrator role: trust only the principals that need it, and require MFA to assume it ' +
    '("Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}), or reach it through IAM Identity Center; never trust "*".',
  schema,
  defaults: { allowAccessKeys: false, requireMfaToAssume: true },
  paramDocs: {
    allowAccessKeys: 'Whether an administrator user may hold an active access key (default: no)',
    requireMfaToAssume: 'Whether AWS principals (accounts, users, roles) trusted by an administrator role must be conditioned on MFA',
  },
  evaluate(inv, { allowAccessKeys, requireMfaToAssume }) {
    const out: Outcome[] = [];
    const groups = new Map(inv.iamGroups.map((g) => [g.id, g]));

    for (const user of inv.iamUsers) {
      if (!user.grants.ok) {
        out.push(error(user, user.grants.error));
        continue;
      }
      const own = adminGrants(user.grants.value);
      const via = [...own.via];
      let unreadable = own.unreadable;
      for (const name of user.grants.value.groups) {
        const group = groups.get(name);
        if (group === undefined) {
          // The user is in a group the snapshot does not describe: its policies are unknown.
          unreadable ??= `group ${name}`;
          continue;
        }
        const g = adminGrants(group.grants);
        via.push(...g.via.map((v) => `group ${name}: ${v}`));
        unreadable ??= g.unreadable;
      }
      if (via.length === 0) {
        if (unreadable !== undefined) out.push(error(user, unreadablePolicy(user, unreadable)));
        continue;
      }
      out.push(adminUser(user, via.sort(), allowAccessKeys));
    }

    for (const role of inv.iamRoles) {
      const g = adminGrants(role.grants);
      if (g.via.length === 0) {
        if (g.unreadable !== undefined) out.push(error(role, unreadablePolicy(role, g.unreadable)));
        continue;
      }
      const adminVia = [...g.via].sort();
      if (role.trustPolicy === undefined) {
        // Who may assume an administrator role is unknown: never a pass.
        out.push(
          error(role, {
            service: 'iam',
            operation: 'GetAccountAuthorizationDetails',
            region: role.region,
            resource: role.id,
            code: 'TrustPolicyMissing',
            message: `the snapshot holds no trust policy for the administrator role ${role.id}`,
          }),
        );
        continue;
      }
      const { publicPrincipals, withoutMfa } = unprotectedTrust(role, requireMfaToAssume);
      const evidence = { adminVia, publicPrincipals, assumableWithoutMfa: withoutMfa };
      if (publicPrincipals.length > 0) {
        out.push(fail(role, `IAM role ${role.id} has administrator access and anyone (${publicPrincipals.join(', ')}) may assume it.`, evidence));
      } else if (withoutMfa.length > 0) {
        out.push(fail(role, `IAM role ${role.id} has administrator access and ${withoutMfa.join(', ')} may assume it without MFA.`, evidence));
      } else {
        out.push(pass(role, `IAM role ${role.id} has administrator access; only services, identity providers or MFA-authenticated principals may assume it.`, evidence));
      }
    }
    return out;
  },
});

function adminUser(user: IamUser, adminVia: string[], allowAccessKeys: boolean): Outcome {
  const activeAccessKeys = user.accessKeys.filter((k) => k.active).map((k) => k.slot);
  const evidence = { adminVia, passwordEnabled: user.passwordEnabled, mfaActive: user.mfaActive, activeAccessKeys };
  const problems: string[] = [];
  if (user.passwordEnabled && !user.mfaActive) problems.push('a console password without MFA');
  if (!allowAccessKeys && activeAccessKeys.length > 0) problems.push(`${activeAccessKeys.length === 1 ? 'an active access key' : 'active access keys'} (not protected by MFA)`);
  if (problems.length > 0) return fail(user, `IAM user ${user.id} has administrator access and ${problems.join(' and ')}.`, evidence);
  const keys = activeAccessKeys.length === 0 ? 'no active access key' : `${activeAccessKeys.length} active access key(s), allowed by allowAccessKeys`;
  return pass(user, `IAM user ${user.id} has administrator access, ${user.passwordEnabled ? 'signs in with MFA' : 'has no console password'} and ${keys}.`, evidence);
}
