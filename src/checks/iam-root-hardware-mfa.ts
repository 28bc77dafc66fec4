import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'iam-root-hardware-mfa',
  title: 'The root user signs in with a hardware MFA device, not a virtual one',
  severity: 'medium',
  resourceType: 'AWS::IAM::Root',
  requires: ['iam:GetCredentialReport', 'iam:ListVirtualMFADevices'],
  rationale:
    'A virtual MFA app lives on a phone that is also used for everything else, can be cloned from its seed and is lost with the phone; the root user, which no policy can restrict, ' +
    'should need a dedicated hardware token or FIDO security key kept under dual control (CIS AWS Foundations 2.6). The credential report shows only that MFA is on: ' +
    'a virtual device assigned to root (iam:ListVirtualMFADevices) shows which kind.',
  remediation:
    'Sign in as root, register a hardware TOTP token or a FIDO2 security key (IAM > Security credentials > Assign MFA device), then remove the virtual device; or remove root credentials with centralised root access from AWS Organizations.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const root = inv.root;
    if (!root) return [];
    const devices = root.virtualMfaDevices ?? {
      ok: false as const,
      error: { service: 'iam', operation: 'ListVirtualMFADevices', region: 'global', code: 'NotCollected', message: 'the inventory holds no virtual MFA devices' },
    };
    if (!devices.ok) return [error(root, devices.error)];
    const evidence = { passwordEnabled: root.passwordEnabled, mfaActive: root.mfaActive, virtualMfaDevices: devices.value };
    if (!root.passwordEnabled && !root.mfaActive) return [notApplicable(root, 'The root user has no password (removed with centralised root access).', evidence)];
    if (!root.mfaActive) return [fail(root, 'The root user has no MFA device at all.', evidence)];
    if (devices.value.length > 0) return [fail(root, `The root user's MFA is a virtual device (${devices.value.join(', ')}).`, evidence)];
    return [pass(root, 'The root user has MFA and no virtual MFA device: a hardware token or security key.', evidence)];
  },
});
