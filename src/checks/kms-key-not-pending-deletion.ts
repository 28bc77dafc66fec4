import type { JSONSchemaType } from 'ajv';
import type { KmsKey } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

const PENDING = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

function label(key: KmsKey): string {
  return key.name !== undefined ? `${key.name} (${key.id})` : key.id;
}

export default defineCheck<Params>({
  id: 'kms-key-not-pending-deletion',
  title: 'Customer-managed KMS keys are not scheduled for deletion',
  severity: 'high',
  resourceType: 'AWS::KMS::Key',
  requires: ['kms:ListKeys', 'kms:DescribeKey'],
  rationale:
    'Once a KMS key is deleted, everything encrypted under it is unrecoverable; a key pending deletion is usually a mistake or an attack that can still be cancelled.',
  remediation:
    'If the key is still needed, cancel the deletion (aws kms cancel-key-deletion --key-id <key>) and re-enable it; otherwise confirm nothing depends on it before the waiting period ends.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.kmsKeys.map((key) => {
      if (!key.metadata.ok) return error(key, key.metadata.error);
      const m = key.metadata.value;
      if (m.manager === 'AWS') return notApplicable(key, `KMS key ${label(key)} is AWS-managed.`, { keyManager: m.manager });
      const keyState = m.state ?? null;
      if (m.state !== undefined && PENDING.has(m.state)) {
        const deletionDate = m.deletionDate ?? null;
        const when = deletionDate !== null ? ` on ${deletionDate}` : '';
        return fail(key, `KMS key ${label(key)} is scheduled for deletion${when} (${m.state}).`, { keyState, deletionDate });
      }
      return pass(key, `KMS key ${label(key)} is not scheduled for deletion.`, { keyState });
    });
  },
});
