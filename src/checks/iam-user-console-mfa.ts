import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'iam-user-console-mfa',
  title: 'IAM users with a console password have MFA',
  severity: 'high',
  resourceType: 'AWS::IAM::User',
  requires: ['iam:GetCredentialReport'],
  rationale:
    'A console password alone can be phished, guessed or reused from another breach; MFA stops a stolen password from becoming a console session.',
  remediation:
    "Assign an MFA device to the user (IAM > Users > Security credentials), and enforce it with a policy that denies actions when aws:MultiFactorAuthPresent is false; or remove the user's console password if it is not needed.",
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.iamUsers.map((user) => {
      const evidence = { passwordEnabled: user.passwordEnabled, mfaActive: user.mfaActive };
      if (!user.passwordEnabled) return notApplicable(user, `${user.id} has no console password`, evidence);
      if (user.mfaActive) return pass(user, `${user.id} has a console password and MFA`, evidence);
      return fail(user, `${user.id} has a console password and no MFA`, evidence);
    });
  },
});
