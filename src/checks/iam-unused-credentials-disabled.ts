import type { JSONSchemaType } from 'ajv';
import type { IamUser } from '../inventory/types.js';
import { daysBetween, defineCheck, fail, notApplicable, pass } from './define.js';

interface Params {
  maxUnusedDays: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['maxUnusedDays'],
  properties: { maxUnusedDays: { type: 'integer', minimum: 1 } },
};

/** Which date an age was measured from: last use, or for a never-used credential, its creation. */
type Since = 'lastUsed' | 'passwordLastChanged' | 'userCreated' | 'lastRotated' | 'unknown';

/** One enabled credential and how long it has gone unused. */
type CredentialAge = ({ credential: 'password' } | { credential: 'accessKey'; slot: 1 | 2 }) & {
  since: Since;
  date: string | null;
  ageDays: number | null;
};

function credentials(user: IamUser, now: string): CredentialAge[] {
  const out: CredentialAge[] = [];
  const age = (since: Since, date: string | undefined) =>
    date === undefined
      ? { since: 'unknown' as const, date: null, ageDays: null }
      : { since, date, ageDays: daysBetween(date, now) };
  if (user.passwordEnabled) {
    const measured =
      user.passwordLastUsed !== undefined
        ? age('lastUsed', user.passwordLastUsed)
        : user.passwordLastChanged !== undefined
          ? age('passwordLastChanged', user.passwordLastChanged)
          : age('userCreated', user.createdAt);
    out.push({ credential: 'password', ...measured });
  }
  for (const key of user.accessKeys) {
    if (!key.active) continue;
    const measured = key.lastUsed !== undefined ? age('lastUsed', key.lastUsed) : age('lastRotated', key.lastRotated);
    out.push({ credential: 'accessKey', slot: key.slot, ...measured });
  }
  return out;
}

function label(c: CredentialAge): string {
  const name = c.credential === 'password' ? 'console password' : `access key ${c.slot}`;
  if (c.ageDays === null) return `${name} (no usable date)`;
  return c.since === 'lastUsed' ? `${name} (last used ${c.ageDays} days ago)` : `${name} (never used, ${c.ageDays} days old)`;
}

export default defineCheck<Params>({
  id: 'iam-unused-credentials-disabled',
  title: 'IAM credentials unused for a long time are disabled',
  severity: 'medium',
  resourceType: 'AWS::IAM::User',
  requires: ['iam:GetCredentialReport'],
  rationale:
    'A password or access key nobody uses still works for whoever finds it; leavers, forgotten service accounts and stale keys are a common way in.',
  remediation:
    "Remove the user's console password (delete login profile) and deactivate the unused access keys; delete the user if it is no longer needed.",
  schema,
  defaults: { maxUnusedDays: 45 },
  paramDocs: {
    maxUnusedDays:
      'Maximum whole days since an enabled password or active access key was last used (or, if never used, was set or created)',
  },
  evaluate(inv, { maxUnusedDays }) {
    return inv.iamUsers.map((user) => {
      const creds = credentials(user, inv.collectedAt);
      if (creds.length === 0) return notApplicable(user, `${user.id} has no console password and no active access key`);
      // A credential with no date at all cannot be shown to be in use.
      const unused = creds.filter((c) => c.ageDays === null || c.ageDays > maxUnusedDays);
      if (unused.length === 0) {
        return pass(user, `${user.id} has no enabled credential unused for more than ${maxUnusedDays} days`, {
          maxUnusedDays,
          credentials: creds,
        });
      }
      return fail(
        user,
        `${user.id} has enabled credentials unused for more than ${maxUnusedDays} days: ${unused.map(label).join(', ')}`,
        { maxUnusedDays, unusedCredentials: unused },
      );
    });
  },
});
