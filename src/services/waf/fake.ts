import type { ServiceFake } from '../define.js';

/** One WAF Classic web ACL left over from before the migration to WAFv2, with one rule. */
const fake: ServiceFake = (scope) =>
  scope === 'global'
    ? {
        'waf:ListWebACLs': { WebACLs: [{ WebACLId: '473e64fd-f30b-4765-81a0-62ad96dd167a', Name: 'legacy-owasp' }] },
        'waf:GetWebACL': {
          WebACL: {
            WebACLId: '473e64fd-f30b-4765-81a0-62ad96dd167a',
            Name: 'legacy-owasp',
            MetricName: 'legacyowasp',
            DefaultAction: { Type: 'ALLOW' },
            Rules: [{ Priority: 1, RuleId: '5d7bd8e5-3b6e-4a6c-9a9f-2f5e3c6b1a01', Action: { Type: 'BLOCK' }, Type: 'REGULAR' }],
          },
        },
        'waf:ListRules': { Rules: [{ RuleId: '5d7bd8e5-3b6e-4a6c-9a9f-2f5e3c6b1a01', Name: 'Generic-mitigate-sqli' }] },
      }
    : {};

export default fake;
