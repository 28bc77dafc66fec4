/** AWS STS: who the credentials are (the account id and partition of a collection). */
import type { OperationSpec } from '../spec.js';

export const SDK = { sts: '@aws-sdk/client-sts' } as const;

export const OPERATIONS = [
  { key: 'sts:GetCallerIdentity', scope: 'global', support: 'the account id and partition of the credentials' },
] as const satisfies readonly OperationSpec[];
