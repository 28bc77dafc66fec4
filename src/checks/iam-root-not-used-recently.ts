import type { JSONSchemaType } from 'ajv';
import { daysBetween, defineCheck, fail, pass } from './define.js';

interface Params {
  days: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['days'],
  properties: { days: { type: 'integer', minimum: 1 } },
};

/** A root credential that was used, and how many whole days ago. */
type Use = ({ credential: 'password' } | { credential: 'accessKey'; slot: 1 | 2 }) & { lastUsed: string; daysAgo: number };

function label(u: Use): string {
  const name = u.credential === 'password' ? 'signed in with its password' : `used access key ${u.slot}`;
  return `${name} ${u.daysAgo} days ago (${u.lastUsed})`;
}

export default defineCheck<Params>({
  id: 'iam-root-not-used-recently',
  title: 'The root user has not been used recently',
  severity: 'high',
  resourceType: 'AWS::IAM::Root',
  requires: ['iam:GetCredentialReport'],
  rationale:
    'Root cannot be restricted by IAM policies and is needed for only a handful of tasks; routine root sign-ins or API calls mean everyday work runs with unlimited rights, or that root credentials are in someone else\'s hands.',
  remediation:
    'Find out who used root and why (CloudTrail: userIdentity.type = Root), move that work to IAM roles or IAM Identity Center, delete root access keys (Security credentials > Access keys), and keep root behind MFA for break-glass use only, or remove its password with centralised root access in AWS Organizations.',
  schema,
  defaults: { days: 90 },
  paramDocs: { days: 'Whole days within which any root sign-in or root access key use fails the check' },
  evaluate(inv, { days }) {
    const root = inv.root;
    // No root row although the report was read: a malformed report. The runner
    // reports `error` when the call failed; nothing here can be decided.
    if (!root) return [];
    const uses: Use[] = [];
    if (root.passwordLastUsed !== undefined) {
      uses.push({ credential: 'password', lastUsed: root.passwordLastUsed, daysAgo: daysBetween(root.passwordLastUsed, inv.collectedAt) });
    }
    // Every key slot counts, active or not: a key deactivated yesterday was still used as root.
    for (const key of [...root.accessKeys].sort((a, b) => a.slot - b.slot)) {
      if (key.lastUsed === undefined) continue;
      uses.push({ credential: 'accessKey', slot: key.slot, lastUsed: key.lastUsed, daysAgo: daysBetween(key.lastUsed, inv.collectedAt) });
    }
    const recent = uses.filter((u) => u.daysAgo <= days);
    const evidence = {
      days,
      passwordLastUsed: root.passwordLastUsed ?? null,
      accessKeysLastUsed: [...root.accessKeys]
        .sort((a, b) => a.slot - b.slot)
        .map((k) => ({ slot: k.slot, active: k.active, lastUsed: k.lastUsed ?? null })),
      recentUses: recent,
    };
    if (recent.length === 0) {
      const when = uses.length === 0 ? 'has never been used' : `was last used more than ${days} days ago`;
      return [pass(root, `The root user ${when}.`, evidence)];
    }
    return [fail(root, `The root user was used within ${days} days: it ${recent.map(label).join(' and ')}.`, evidence)];
  },
});
