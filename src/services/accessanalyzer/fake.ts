import type { ServiceFake } from '../define.js';

/** An active account analyzer per region. */
const fake: ServiceFake = (scope, account) =>
  scope === 'global'
    ? {}
    : {
        'accessanalyzer:ListAnalyzers': {
          analyzers: [{ arn: `arn:aws:access-analyzer:${scope}:${account}:analyzer/account`, name: 'account', type: 'ACCOUNT', status: 'ACTIVE', createdAt: new Date('2025-01-01T00:00:00Z') }],
        },
      };

export default fake;
