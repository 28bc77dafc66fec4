import type { JSONSchemaType } from 'ajv';
import type { PasswordPolicySettings } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

interface Params {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireLetters: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
  reusePrevention: number;
  maxAgeDays: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: [
    'minimumLength',
    'requireUppercase',
    'requireLowercase',
    'requireLetters',
    'requireNumbers',
    'requireSymbols',
    'reusePrevention',
    'maxAgeDays',
  ],
  properties: {
    minimumLength: { type: 'integer', minimum: 0, maximum: 128 },
    requireUppercase: { type: 'boolean' },
    requireLowercase: { type: 'boolean' },
    requireLetters: { type: 'boolean' },
    requireNumbers: { type: 'boolean' },
    requireSymbols: { type: 'boolean' },
    reusePrevention: { type: 'integer', minimum: 0, maximum: 24 },
    maxAgeDays: { type: 'integer', minimum: 0, maximum: 1095 },
  },
};

/** One requirement the policy does not meet: the param, its value, and what the policy says. */
interface Unmet {
  requirement: keyof Params;
  wanted: number | boolean;
  actual: number | boolean | null;
}

function unmetRequirements(p: PasswordPolicySettings, want: Params): Unmet[] {
  const unmet: Unmet[] = [];
  const flag = (requirement: keyof Params, wanted: boolean, actual: boolean): void => {
    if (wanted && !actual) unmet.push({ requirement, wanted, actual });
  };
  // Length and reuse are minimums; 0 means "not required".
  const atLeast = (requirement: keyof Params, wanted: number, actual: number | undefined): void => {
    if (wanted > 0 && (actual === undefined || actual < wanted)) unmet.push({ requirement, wanted, actual: actual ?? null });
  };
  atLeast('minimumLength', want.minimumLength, p.minimumLength);
  flag('requireUppercase', want.requireUppercase, p.requireUppercase);
  flag('requireLowercase', want.requireLowercase, p.requireLowercase);
  flag('requireLetters', want.requireLetters, p.requireUppercase || p.requireLowercase);
  flag('requireNumbers', want.requireNumbers, p.requireNumbers);
  flag('requireSymbols', want.requireSymbols, p.requireSymbols);
  atLeast('reusePrevention', want.reusePrevention, p.reusePrevention);
  // Age is a maximum; an absent (or 0) MaxPasswordAge means passwords never expire.
  if (want.maxAgeDays > 0 && (p.maxAgeDays === undefined || p.maxAgeDays <= 0 || p.maxAgeDays > want.maxAgeDays)) {
    unmet.push({ requirement: 'maxAgeDays', wanted: want.maxAgeDays, actual: p.maxAgeDays ?? null });
  }
  return unmet.sort((a, b) => (a.requirement < b.requirement ? -1 : a.requirement > b.requirement ? 1 : 0));
}

/**
 * The requirements a params set judges, in words: a rule set judges one
 * aspect by leaving the others at false / 0 (PCI DSS 8.3.7 judges reuse only).
 */
function judged(p: Params): string {
  const parts: string[] = [];
  if (p.minimumLength > 0) parts.push(`minimumLength >= ${p.minimumLength}`);
  for (const flag of ['requireUppercase', 'requireLowercase', 'requireLetters', 'requireNumbers', 'requireSymbols'] as const) if (p[flag]) parts.push(flag);
  if (p.reusePrevention > 0) parts.push(`reusePrevention >= ${p.reusePrevention}`);
  if (p.maxAgeDays > 0) parts.push(`maxAgeDays <= ${p.maxAgeDays}`);
  return parts.length > 0 ? parts.join(', ') : 'none (every requirement is off)';
}

export default defineCheck<Params>({
  id: 'iam-password-policy-strong',
  title: 'The account password policy is strong',
  severity: 'medium',
  resourceType: 'AWS::IAM::PasswordPolicy',
  requires: ['iam:GetAccountPasswordPolicy', 'iam:GetCredentialReport'],
  rationale:
    'Short, simple, reused or never-expiring console passwords are easy to guess or to replay from other breaches; the account password policy is what enforces their strength.',
  remediation:
    'Set an account password policy (IAM > Account settings > Password policy, or aws iam update-account-password-policy) that meets every requirement listed in the finding.',
  schema,
  defaults: {
    minimumLength: 14,
    requireUppercase: true,
    requireLowercase: true,
    requireLetters: false,
    requireNumbers: true,
    requireSymbols: true,
    reusePrevention: 24,
    maxAgeDays: 90,
  },
  paramDocs: {
    minimumLength: 'Minimum password length the policy must require, 0-128 (0 = not required)',
    requireUppercase: 'The policy must require an uppercase letter',
    requireLowercase: 'The policy must require a lowercase letter',
    requireLetters: 'The policy must require a letter (requiring uppercase or lowercase suffices)',
    requireNumbers: 'The policy must require a number',
    requireSymbols: 'The policy must require a symbol',
    reusePrevention: 'Number of previous passwords the policy must prevent reusing, at least, 0-24 (0 = not required)',
    maxAgeDays: 'Password expiry the policy must set, at most, in days, 0-1095 (0 = not required)',
  },
  evaluate(inv, params) {
    const resource = inv.passwordPolicy;
    const policy = resource.policy;
    if (!policy.ok) return [error(resource, policy.error)];
    const withPassword = inv.iamUsers.filter((u) => u.passwordEnabled).length;
    if (withPassword === 0) {
      return [notApplicable(resource, 'No IAM user has a console password', { usersWithConsolePassword: 0 })];
    }
    if (policy.value === null) return [fail(resource, 'The account has no IAM password policy', { policy: null })];
    const unmet = unmetRequirements(policy.value, params);
    if (unmet.length === 0) {
      return [pass(resource, `The account password policy meets every requirement judged: ${judged(params)}`, { policy: { ...policy.value } })];
    }
    return [
      fail(resource, `The account password policy does not meet ${unmet.map((u) => u.requirement).join(', ')}`, {
        unmetRequirements: unmet,
      }),
    ];
  },
});
