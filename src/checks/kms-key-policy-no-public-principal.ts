import type { JSONSchemaType } from 'ajv';
import { publicAllowStatements } from '../inventory/policy.js';
import type { KmsKey } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

function label(key: KmsKey): string {
  return key.name !== undefined ? `${key.name} (${key.id})` : key.id;
}

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

export default defineCheck<Params>({
  id: 'kms-key-policy-no-public-principal',
  title: 'Customer-managed KMS key policies grant nothing to a public principal',
  severity: 'critical',
  resourceType: 'AWS::KMS::Key',
  requires: ['kms:ListKeys', 'kms:DescribeKey', 'kms:GetKeyPolicy'],
  rationale:
    'A key policy statement that allows Principal "*" without a condition lets any AWS account use (or manage) the key, so data encrypted under it is only as private as its ciphertext.',
  remediation:
    'Edit the key policy (console: KMS > Customer managed keys > the key > Key policy > Edit; or aws kms get-key-policy --key-id <key> --policy-name default, fix, then aws kms put-key-policy --key-id <key> --policy-name default --policy file://policy.json): name specific account or role ARNs as principals, or add a condition such as aws:PrincipalOrgID or kms:CallerAccount.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.kmsKeys.map((key) => {
      if (!key.metadata.ok) return error(key, key.metadata.error);
      if (key.metadata.value.manager === 'AWS') {
        return notApplicable(key, `KMS key ${label(key)} is AWS-managed.`, { keyManager: 'AWS' });
      }
      if (!key.policy.ok) return error(key, key.policy.error);
      const doc = key.policy.value;
      const open = new Set(publicAllowStatements(doc));
      const publicStatements = doc.statements.flatMap((s, index) =>
        open.has(s) ? [{ index, principals: sorted(s.principals), actions: sorted(s.actions), notActions: sorted(s.notActions) }] : [],
      );
      if (publicStatements.length === 0) {
        return pass(key, `KMS key ${label(key)} has no policy statement that allows a public principal.`, { publicStatements });
      }
      const grants = publicStatements.map((s) =>
        s.notActions.length > 0 ? `every action except ${s.notActions.join(', ')}` : s.actions.join(', '),
      );
      return fail(key, `KMS key ${label(key)} allows any principal ${[...new Set(grants)].join('; ')} without a condition.`, {
        publicStatements,
      });
    });
  },
});
