import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'iam-root-no-access-keys',
  title: 'The root user has no active access keys',
  severity: 'critical',
  resourceType: 'AWS::IAM::Root',
  requires: ['iam:GetCredentialReport'],
  rationale:
    'A root access key grants unrestricted, policy-proof API access to the whole account and is a long-lived secret that can leak from code, CI or a laptop.',
  remediation:
    'Sign in as root, move any automation to an IAM role, then deactivate and delete the root access keys (Security credentials > Access keys).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const root = inv.root;
    // No root row although the report was read: a malformed report. The runner
    // reports `error` when the call failed; nothing here can be decided.
    if (!root) return [];
    const active = root.accessKeys
      .filter((k) => k.active)
      .map((k) => ({ slot: k.slot, lastRotated: k.lastRotated ?? null, lastUsed: k.lastUsed ?? null }));
    if (active.length === 0) return [pass(root, 'The root user has no active access key', { activeKeys: [] })];
    const slots = active.map((k) => k.slot).join(' and ');
    const noun = active.length === 1 ? 'an active access key in slot' : 'active access keys in slots';
    return [fail(root, `The root user has ${noun} ${slots}`, { activeKeys: active })];
  },
});
