import type { ServiceFake } from '../define.js';

/** One rotated database secret per region. */
const fake: ServiceFake = (scope, account) =>
  scope === 'global'
    ? {}
    : {
        'secretsmanager:ListSecrets': {
          SecretList: [
            {
              ARN: `arn:aws:secretsmanager:${scope}:${account}:secret:db-AbCdEf`,
              Name: 'db',
              RotationEnabled: true,
              RotationRules: { AutomaticallyAfterDays: 30 },
              LastRotatedDate: new Date('2026-11-01T00:00:00Z'),
            },
          ],
        },
      };

export default fake;
