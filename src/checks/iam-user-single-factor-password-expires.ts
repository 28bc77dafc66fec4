import type { JSONSchemaType } from 'ajv';
import type { IamUser, PasswordPolicySettings } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

interface Params {
  maxAgeDays: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['maxAgeDays'],
  properties: { maxAgeDays: { type: 'integer', minimum: 1, maximum: 1095 } },
};

/** The policy's expiry in days, or null when passwords never expire (no policy, no MaxPasswordAge, or 0). */
function expiryDays(policy: PasswordPolicySettings | null): number | null {
  if (policy === null || policy.maxAgeDays === undefined || policy.maxAgeDays <= 0) return null;
  return policy.maxAgeDays;
}

export default defineCheck<Params>({
  id: 'iam-user-single-factor-password-expires',
  title: 'Console passwords that are a user\'s only factor expire within the set number of days',
  severity: 'medium',
  resourceType: 'AWS::IAM::User',
  requires: ['iam:GetCredentialReport', 'iam:GetAccountPasswordPolicy'],
  rationale:
    'Where a password is the only factor protecting console access (no MFA), a stolen or guessed password stays usable until it is changed; ' +
    'PCI DSS 8.3.9 therefore asks for a change at least every 90 days for such accounts. A user with MFA does not rely on the password alone, ' +
    'so periodic expiry is not required for them.',
  remediation:
    'Give the user an MFA device (IAM > Users > Security credentials > Assign MFA device), which also meets PCI DSS 8.4; or set the account ' +
    'password policy to expire passwords (aws iam update-account-password-policy --max-password-age 90).',
  schema,
  defaults: { maxAgeDays: 90 },
  paramDocs: { maxAgeDays: 'Days within which the account password policy must expire a password that is the user\'s only factor, 1-1095' },
  evaluate(inv, { maxAgeDays }) {
    const policy = inv.passwordPolicy.policy;
    return inv.iamUsers
      .filter((u) => u.passwordEnabled)
      .map((user: IamUser) => {
        const base = { mfaActive: user.mfaActive, passwordLastChanged: user.passwordLastChanged ?? null, maxAgeDays };
        if (user.mfaActive) {
          return notApplicable(user, `IAM user ${user.id} signs in with MFA: the password is not the only factor.`, base);
        }
        if (!policy.ok) return error(user, policy.error);
        const expiry = expiryDays(policy.value);
        const evidence = { ...base, policyMaxAgeDays: expiry };
        if (expiry === null) {
          const why = policy.value === null ? 'the account has no password policy' : 'the password policy never expires passwords';
          return fail(user, `IAM user ${user.id} signs in with a password only and ${why}.`, evidence);
        }
        if (expiry > maxAgeDays) {
          return fail(user, `IAM user ${user.id} signs in with a password only, which expires after ${expiry} days (more than ${maxAgeDays}).`, evidence);
        }
        return pass(user, `IAM user ${user.id} signs in with a password only, which expires after ${expiry} days.`, evidence);
      });
  },
});
