import type { JSONSchemaType } from 'ajv';
import { isAdminDocument, isAdministratorAccessArn } from '../inventory/policy.js';
import type { AttachedPolicy, CallError, IamUser } from '../inventory/types.js';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/** A customer-managed policy attached to the user whose document the snapshot does not hold. */
function missingDocument(user: IamUser, policy: AttachedPolicy): CallError {
  return {
    service: 'iam',
    operation: 'GetAccountAuthorizationDetails',
    region: user.region,
    resource: policy.arn,
    code: 'PolicyDocumentMissing',
    message: `the snapshot holds no document for the customer-managed policy ${policy.arn} attached to ${user.id}`,
  };
}

export default defineCheck<Params>({
  id: 'iam-no-user-admin-policy',
  title: 'No IAM user has an administrator policy attached or inline',
  severity: 'high',
  resourceType: 'AWS::IAM::User',
  requires: ['iam:GetCredentialReport', 'iam:GetAccountAuthorizationDetails'],
  rationale:
    'Full administrator rights on a long-lived IAM user turn one leaked password or access key into a complete account takeover; admin access belongs to roles assumed briefly, with MFA and an audit trail.',
  remediation:
    'Detach AdministratorAccess and any customer policy allowing "*" on "*" from the user (aws iam detach-user-policy / delete-user-policy, or IAM > Users > Permissions), grant the user only the permissions it needs through a group, and give administrators a role (or IAM Identity Center permission set) they assume with MFA.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.iamUsers.map((user) => {
      if (!user.grants.ok) return error(user, user.grants.error);
      const { attached, inline } = user.grants.value;
      const attachedAdmin: string[] = [];
      let unreadable: AttachedPolicy | undefined;
      for (const p of attached) {
        if (isAdministratorAccessArn(p.arn) || (p.document !== undefined && isAdminDocument(p.document))) attachedAdmin.push(p.arn);
        else if (!p.awsManaged && p.document === undefined) unreadable ??= p;
      }
      const inlineAdmin = inline.filter((p) => isAdminDocument(p.document)).map((p) => p.name);
      attachedAdmin.sort();
      inlineAdmin.sort();
      const evidence = { attachedAdminPolicies: attachedAdmin, inlineAdminPolicies: inlineAdmin };
      if (attachedAdmin.length > 0 || inlineAdmin.length > 0) {
        const names = [
          ...attachedAdmin.map((arn) => `${arn.slice(arn.lastIndexOf('/') + 1)} (attached)`),
          ...inlineAdmin.map((name) => `${name} (inline)`),
        ];
        return fail(user, `IAM user ${user.id} has administrator access through ${names.join(', ')}.`, evidence);
      }
      // A customer-managed policy we cannot read could be the admin one: never a pass.
      if (unreadable !== undefined) return error(user, missingDocument(user, unreadable));
      return pass(user, `IAM user ${user.id} has no administrator policy attached or inline.`, evidence);
    });
  },
});
