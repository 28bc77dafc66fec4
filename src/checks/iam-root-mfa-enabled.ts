import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'iam-root-mfa-enabled',
  title: 'The root user has MFA enabled',
  severity: 'critical',
  resourceType: 'AWS::IAM::Root',
  requires: ['iam:GetCredentialReport'],
  rationale:
    'The root user has unrestricted access to the account and cannot be limited by IAM policies; a leaked root password without MFA is a full account takeover.',
  remediation:
    'Sign in as root and assign an MFA device (a hardware key or FIDO security key is preferred), or remove the root password with centralised root access from AWS Organizations.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const root = inv.root;
    // No root row although the report was read: a malformed report. The runner
    // reports `error` when the call failed; nothing here can be decided.
    if (!root) return [];
    const evidence = { passwordEnabled: root.passwordEnabled, mfaActive: root.mfaActive };
    if (root.mfaActive) return [pass(root, 'The root user has MFA enabled', evidence)];
    if (root.passwordEnabled) return [fail(root, 'The root user has a password and no MFA', evidence)];
    return [notApplicable(root, 'The root user has no password (removed with centralised root access)', evidence)];
  },
});
