import type { JSONSchemaType } from 'ajv';
import { wildcardGrants } from '../inventory/policy.js';
import type { IamGroup, IamRole, IamUser, InlinePolicy } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';
import type { Outcome } from './types.js';

interface Params {
  services: string[];
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['services'],
  properties: {
    services: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^[A-Za-z0-9-]+$' } },
  },
};

const DEFAULT_SERVICES = ['iam', 'kms', 's3', 'ec2', 'rds', 'secretsmanager', 'cloudtrail', 'organizations', 'sts'];

/** One inline policy granting `*` on one service, and the actions that did it. */
interface WildcardGrant {
  policy: string;
  service: string;
  actions: string[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function kindOf(p: IamUser | IamGroup | IamRole): string {
  return p.type === 'AWS::IAM::User' ? 'IAM user' : p.type === 'AWS::IAM::Group' ? 'IAM group' : 'IAM role';
}

function assess(principal: IamUser | IamGroup | IamRole, inline: InlinePolicy[], services: string[]): Outcome {
  const who = `${kindOf(principal)} ${principal.id}`;
  const policies = inline.map((p) => p.name).sort(cmp);
  if (inline.length === 0) return notApplicable(principal, `${who} has no inline policy.`, { principal: principal.arn, inlinePolicies: [] });
  // policy -> service -> matching actions
  const found = new Map<string, Map<string, Set<string>>>();
  for (const policy of inline) {
    for (const statement of policy.document.statements) {
      for (const { service, action } of wildcardGrants(statement, services)) {
        const byService = found.get(policy.name) ?? new Map<string, Set<string>>();
        const actions = byService.get(service) ?? new Set<string>();
        actions.add(action);
        byService.set(service, actions);
        found.set(policy.name, byService);
      }
    }
  }
  const grants: WildcardGrant[] = [...found]
    .flatMap(([policy, byService]) => [...byService].map(([service, actions]) => ({ policy, service, actions: [...actions].sort(cmp) })))
    .sort((a, b) => cmp(a.policy, b.policy) || cmp(a.service, b.service));
  const evidence = { principal: principal.arn, inlinePolicies: policies, wildcardGrants: grants };
  if (grants.length === 0) {
    return pass(principal, `${who} has no inline policy granting * on a sensitive service.`, evidence);
  }
  const text = [...found]
    .sort(([a], [b]) => cmp(a, b))
    .map(([policy, byService]) => `${policy} (${[...byService.keys()].sort(cmp).join(', ')})`);
  return fail(principal, `${who} has inline policies granting * on sensitive services: ${text.join('; ')}.`, evidence);
}

export default defineCheck<Params>({
  id: 'iam-no-inline-wildcard-sensitive-services',
  title: 'No inline IAM policy grants every action on a sensitive service',
  severity: 'medium',
  // Also IAM groups and roles: each result carries its principal's own type.
  resourceType: 'AWS::IAM::User',
  requires: ['iam:GetCredentialReport', 'iam:GetAccountAuthorizationDetails'],
  rationale:
    'An inline "service:*" on "*" hands out every present and future action of a security-critical service (IAM, KMS, STS, CloudTrail, ...), enough to escalate privileges, read every secret or switch off audit logging; inline policies also escape the review and versioning of managed policies.',
  remediation:
    'Replace the inline policy with a customer-managed policy that lists only the actions and resource ARNs needed (IAM Access Analyzer can generate one from CloudTrail activity), attach that, then delete the inline policy: aws iam delete-user-policy / delete-group-policy / delete-role-policy --policy-name <name>.',
  schema,
  defaults: { services: DEFAULT_SERVICES },
  paramDocs: { services: 'Service prefixes (as in IAM actions, e.g. iam, kms, s3) on which an inline policy must not grant *' },
  evaluate(inv, params) {
    const services = [...new Set(params.services.map((s) => s.toLowerCase()))];
    const out: Outcome[] = [];
    for (const user of inv.iamUsers) {
      out.push(user.grants.ok ? assess(user, user.grants.value.inline, services) : error(user, user.grants.error));
    }
    for (const group of inv.iamGroups) out.push(assess(group, group.grants.inline, services));
    for (const role of inv.iamRoles) out.push(assess(role, role.grants.inline, services));
    return out;
  },
});
