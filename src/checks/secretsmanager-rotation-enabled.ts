import type { JSONSchemaType } from 'ajv';
import { daysBetween, defineCheck, fail, pass } from './define.js';

interface Params {
  maxAgeDays: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['maxAgeDays'],
  properties: { maxAgeDays: { type: 'integer', minimum: 1 } },
};

export default defineCheck<Params>({
  id: 'secretsmanager-rotation-enabled',
  title: 'Secrets Manager secrets rotate automatically and are not overdue',
  severity: 'medium',
  resourceType: 'AWS::SecretsManager::Secret',
  requires: ['secretsmanager:ListSecrets'],
  rationale:
    'Database passwords, API keys and tokens that never change stay useful to anyone who ever copied them; automatic rotation bounds that window, and a rotation that silently stopped (failing Lambda, broken schedule) is as bad as none.',
  remediation:
    'Turn on rotation (console: Secrets Manager > the secret > Rotation > Edit rotation, with a managed rotation or a rotation Lambda; or aws secretsmanager rotate-secret --secret-id <id> --rotation-rules AutomaticallyAfterDays=<n> --rotation-lambda-arn <arn>); for an overdue secret, check the rotation function\'s CloudWatch logs, fix it and run aws secretsmanager rotate-secret --secret-id <id>.',
  schema,
  defaults: { maxAgeDays: 90 },
  paramDocs: { maxAgeDays: 'Maximum whole days since the secret was last rotated (or created, if never rotated)' },
  evaluate(inv, { maxAgeDays }) {
    return inv.secrets.map((s) => {
      const since = s.lastRotated ?? s.createdAt;
      const evidence = {
        rotationEnabled: s.rotationEnabled,
        rotationDays: s.rotationDays ?? null,
        lastRotated: s.lastRotated ?? null,
        createdAt: s.createdAt ?? null,
        ageDays: since === undefined ? null : daysBetween(since, inv.collectedAt),
        maxAgeDays,
      };
      const name = `Secret ${s.id}`;
      if (!s.rotationEnabled) return fail(s, `${name} does not rotate automatically.`, evidence);
      const { ageDays } = evidence;
      // Neither a rotation nor a creation date: freshness cannot be shown.
      if (ageDays === null) return fail(s, `${name} rotates automatically, but when it last rotated is unknown.`, evidence);
      const when = s.lastRotated !== undefined ? `was last rotated ${ageDays} days ago` : `has not rotated yet and was created ${ageDays} days ago`;
      if (ageDays > maxAgeDays) return fail(s, `${name} ${when}, more than ${maxAgeDays} days.`, evidence);
      return pass(s, `${name} rotates automatically; it ${when}.`, evidence);
    });
  },
});
