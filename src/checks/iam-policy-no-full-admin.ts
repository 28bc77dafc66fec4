import type { JSONSchemaType } from 'ajv';
import { isAdminDocument, isAdminStatement } from '../inventory/policy.js';
import type { InlinePolicy, PolicyDocument, Resource } from '../inventory/types.js';
import { GLOBAL_REGION } from '../snapshot/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';
import type { Outcome, ResourceRef } from './types.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

const INLINE_TYPE = { 'AWS::IAM::User': 'AWS::IAM::UserPolicy', 'AWS::IAM::Group': 'AWS::IAM::GroupPolicy', 'AWS::IAM::Role': 'AWS::IAM::RolePolicy' } as const;

/** An inline policy as a result's resource: IAM gives it no ARN, so it is named under its principal's. */
function inlineRef(principal: Resource & { type: keyof typeof INLINE_TYPE }, policy: InlinePolicy): ResourceRef {
  return {
    type: INLINE_TYPE[principal.type],
    arn: `${principal.arn}/inline-policy/${policy.name}`,
    id: `${principal.id}/${policy.name}`,
    name: policy.name,
    account: principal.account,
    region: GLOBAL_REGION,
  };
}

/** The admin statements of a document, as evidence. */
function adminStatements(doc: PolicyDocument): { actions: string[]; resources: string[] }[] {
  return doc.statements.filter(isAdminStatement).map((s) => ({ actions: [...s.actions].sort(), resources: [...s.resources].sort() }));
}

export default defineCheck<Params>({
  id: 'iam-policy-no-full-admin',
  title: 'No customer-managed or inline IAM policy in use grants "*" on "*"',
  severity: 'high',
  resourceType: 'AWS::IAM::ManagedPolicy',
  // Users (whose inline policies are judged) are listed from the credential report joined with the authorization details.
  requires: ['iam:GetCredentialReport', 'iam:GetAccountAuthorizationDetails'],
  rationale:
    'A policy allowing every action on every resource is full administrator access, whoever holds it: a group a compromised user joins, or a role a workload or partner assumes. ' +
    'CIS AWS Foundations 2.14 judges each such policy, attached to a user, group or role, rather than the principals; least privilege starts from the tasks, not from "*" (PCI DSS 7.2.2).',
  remediation:
    'Replace the policy with one that grants the actions and resources the principals need (IAM Access Analyzer can generate one from CloudTrail activity), detach it (aws iam detach-group-policy / detach-role-policy / detach-user-policy) or delete the inline policy; ' +
    'keep full administrator access on a few roles assumed with MFA, through the AWS managed AdministratorAccess policy so that it is visible as such.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const out: Outcome[] = [];
    for (const p of inv.iamPolicies) {
      const admin = adminStatements(p.document);
      const evidence = { attachmentCount: p.attachmentCount, adminStatements: admin };
      if (p.attachmentCount === 0) {
        out.push(notApplicable(p, `Customer-managed policy ${p.id} is attached to no user, group or role.`, evidence));
      } else if (admin.length > 0) {
        out.push(fail(p, `Customer-managed policy ${p.id} allows "*" on "*" and is attached to ${p.attachmentCount} principal(s).`, evidence));
      } else {
        out.push(pass(p, `Customer-managed policy ${p.id} grants no "*" on "*".`, evidence));
      }
    }
    const inline = (principal: Resource & { type: keyof typeof INLINE_TYPE }, policies: readonly InlinePolicy[]) => {
      for (const policy of policies) {
        const ref = inlineRef(principal, policy);
        const admin = adminStatements(policy.document);
        const evidence = { principal: principal.arn, adminStatements: admin };
        out.push(
          isAdminDocument(policy.document)
            ? fail(ref, `Inline policy ${policy.name} of ${principal.id} allows "*" on "*".`, evidence)
            : pass(ref, `Inline policy ${policy.name} of ${principal.id} grants no "*" on "*".`, evidence),
        );
      }
    };
    for (const user of inv.iamUsers) {
      // A user whose policies could not be read might embed one.
      if (!user.grants.ok) out.push(error(user, user.grants.error));
      else inline(user, user.grants.value.inline);
    }
    for (const group of inv.iamGroups) inline(group, group.grants.inline);
    for (const role of inv.iamRoles) inline(role, role.grants.inline);
    return out;
  },
});
