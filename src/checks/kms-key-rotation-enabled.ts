import type { JSONSchemaType } from 'ajv';
import type { KmsKey, KmsKeyMetadata } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/** Why a key is out of scope, or undefined when rotation applies to it. */
function outOfScope(m: KmsKeyMetadata): string | undefined {
  if (m.manager === 'AWS') return 'is AWS-managed (AWS rotates it)';
  if (m.spec !== undefined && m.spec !== 'SYMMETRIC_DEFAULT') return `has key spec ${m.spec}, which automatic rotation does not support`;
  if (m.origin !== undefined && m.origin !== 'AWS_KMS') return `has origin ${m.origin}, which automatic rotation does not support`;
  if (m.state !== undefined && m.state !== 'Enabled') return `is in state ${m.state}`;
  return undefined;
}

function label(key: KmsKey): string {
  return key.name !== undefined ? `${key.name} (${key.id})` : key.id;
}

export default defineCheck<Params>({
  id: 'kms-key-rotation-enabled',
  title: 'Customer-managed symmetric KMS keys rotate their key material automatically',
  severity: 'medium',
  resourceType: 'AWS::KMS::Key',
  requires: ['kms:ListKeys', 'kms:DescribeKey', 'kms:GetKeyRotationStatus'],
  rationale:
    'Automatic rotation limits how much data one key version protects and how long a leaked version stays useful, as PCI DSS 3.6 and most key-management policies require.',
  remediation:
    'Enable automatic rotation on the key (aws kms enable-key-rotation --key-id <key>), optionally with a rotation period; keys with imported or custom-store material must be rotated manually.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.kmsKeys.map((key) => {
      if (!key.metadata.ok) return error(key, key.metadata.error);
      const m = key.metadata.value;
      const scope = {
        keyManager: m.manager,
        keySpec: m.spec ?? null,
        origin: m.origin ?? null,
        keyState: m.state ?? null,
      };
      const reason = outOfScope(m);
      if (reason !== undefined) return notApplicable(key, `KMS key ${label(key)} ${reason}.`, scope);
      if (!key.rotation.ok) return error(key, key.rotation.error);
      const { enabled, periodDays } = key.rotation.value;
      const evidence = { rotationEnabled: enabled, rotationPeriodDays: periodDays ?? null };
      if (enabled) {
        const every = periodDays !== undefined ? ` every ${periodDays} days` : '';
        return pass(key, `KMS key ${label(key)} rotates its key material automatically${every}.`, evidence);
      }
      return fail(key, `KMS key ${label(key)} does not rotate its key material automatically.`, evidence);
    });
  },
});
