import { GLOBAL_REGION } from '../../snapshot/types.js';
import { defineService } from '../define.js';
import { buildIam, type IamInventory } from './adapter.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';

export default defineService<IamInventory>({
  name: 'iam',
  title: 'AWS Identity and Access Management',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => buildIam(src),
  empty: ({ accountId, partition }) => ({
    iamUsers: [],
    iamRoles: [],
    iamGroups: [],
    iamPolicies: [],
    passwordPolicy: {
      type: 'AWS::IAM::PasswordPolicy',
      arn: `arn:${partition}:iam::${accountId}:account-password-policy`,
      id: 'account-password-policy',
      account: accountId,
      region: GLOBAL_REGION,
      tags: {},
      policy: { ok: true, value: null },
    },
  }),
  collector: async () => (await import('./collect.js')).default,
});
