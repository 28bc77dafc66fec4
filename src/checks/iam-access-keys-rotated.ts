import type { JSONSchemaType } from 'ajv';
import { daysBetween, defineCheck, fail, notApplicable, pass } from './define.js';

interface Params {
  maxAgeDays: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['maxAgeDays'],
  properties: { maxAgeDays: { type: 'integer', minimum: 1 } },
};

/** An active key and its age; `null` when the report gives no rotation date. */
interface KeyAge {
  slot: 1 | 2;
  lastRotated: string | null;
  ageDays: number | null;
}

export default defineCheck<Params>({
  id: 'iam-access-keys-rotated',
  title: 'Active IAM access keys are rotated regularly',
  severity: 'medium',
  resourceType: 'AWS::IAM::User',
  requires: ['iam:GetCredentialReport'],
  rationale:
    'Access keys are long-lived secrets; the longer a key lives, the more copies of it exist in scripts, CI and laptops, and the longer a leaked key stays useful.',
  remediation:
    'Create a second access key, move every consumer to it, then deactivate and delete the old key; better, replace the key with an IAM role or IAM Identity Center credentials.',
  schema,
  defaults: { maxAgeDays: 90 },
  paramDocs: { maxAgeDays: 'Maximum age in whole days since an active access key was last rotated' },
  evaluate(inv, { maxAgeDays }) {
    return inv.iamUsers.map((user) => {
      const keys: KeyAge[] = user.accessKeys
        .filter((k) => k.active)
        .map((k) => ({
          slot: k.slot,
          lastRotated: k.lastRotated ?? null,
          ageDays: k.lastRotated === undefined ? null : daysBetween(k.lastRotated, inv.collectedAt),
        }));
      if (keys.length === 0) return notApplicable(user, `${user.id} has no active access key`);
      // A key whose rotation date is unknown cannot be shown to be fresh.
      const stale = keys.filter((k) => k.ageDays === null || k.ageDays > maxAgeDays);
      if (stale.length === 0) {
        return pass(user, `${user.id} has no active access key older than ${maxAgeDays} days`, { maxAgeDays, activeKeys: keys });
      }
      const parts = stale.map((k) =>
        k.ageDays === null ? `key ${k.slot} (rotation date unknown)` : `key ${k.slot} (${k.ageDays} days)`,
      );
      return fail(user, `${user.id} has active access ${parts.join(' and ')} not rotated within ${maxAgeDays} days`, {
        maxAgeDays,
        staleKeys: stale,
      });
    });
  },
});
