/**
 * Amazon Inspector (v2): which resource types this account scans in each
 * region. BatchGetAccountStatus, with no account ids, answers for the
 * calling account; an account that never enabled Inspector answers status
 * DISABLED (data, not an error).
 */
import type { OperationSpec } from '../spec.js';

export const SDK = { inspector2: '@aws-sdk/client-inspector2' } as const;

export const OPERATIONS = [
  {
    key: 'inspector2:BatchGetAccountStatus',
    scope: 'regional',
    // Scan types added after an account enabled Inspector (Lambda code, code repositories) may be left out.
    unset: { ResourceState: ['lambda', 'lambdaCode', 'codeRepository'] },
    needs: {
      BatchGetAccountStatusResponse: ['accounts'],
      AccountState: ['accountId', 'state', 'resourceState'],
      ResourceState: ['ec2', 'ecr'],
      State: ['status'],
    },
  },
] as const satisfies readonly OperationSpec[];
