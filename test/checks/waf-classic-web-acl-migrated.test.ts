import check from '../../src/checks/waf-classic-web-acl-migrated.js';
import { ACCOUNT, classicWebAcl, deniedCall, distribution, runTable } from '../helpers/check-harness.js';

const ID = '473e64fd-f30b-4765-81a0-62ad96dd167a';
const arn = `arn:aws:waf::${ACCOUNT}:webacl/${ID}`;
const rules = [
  { ruleId: 'r1', name: 'Generic-mitigate-sqli', priority: 1, action: 'BLOCK', ruleType: 'REGULAR' },
  { ruleId: 'r2', name: 'Generic-mitigate-xss', priority: 2, action: 'BLOCK', ruleType: 'REGULAR' },
];

runTable(check, [
  { name: 'no WAF Classic web ACL', input: {}, expected: [{ status: 'pass', arn: `arn:aws:waf::${ACCOUNT}:webacl/*`, evidence: { classicWebAcls: 0 } }] },
  {
    name: 'a Classic web ACL still protecting a distribution',
    input: { classicWebAcls: [classicWebAcl(ID, 'ctx-owasp-classic', rules)], distributions: [distribution('E2CLASSIC', ID)] },
    expected: [
      {
        status: 'fail',
        arn,
        evidence: { endOfSupport: '2025-09-30', rules: ['Generic-mitigate-sqli', 'Generic-mitigate-xss'], defaultAction: 'ALLOW', cloudFrontDistributions: ['E2CLASSIC'] },
        message: 'AWS WAF Classic web ACL ctx-owasp-classic (2 rules) is past end of support (2025-09-30) and still protects CloudFront distribution(s) E2CLASSIC: migrate it to AWS WAF.',
      },
    ],
  },
  { name: 'an unused Classic web ACL is still left to migrate', input: { classicWebAcls: [classicWebAcl(ID, 'old', [])] }, expected: [{ status: 'fail', arn, evidence: { endOfSupport: '2025-09-30', rules: [], defaultAction: 'ALLOW', cloudFrontDistributions: [] } }] },
  { name: 'web ACL could not be read', input: { classicWebAcls: [classicWebAcl(ID, 'x', 'failed')] }, expected: [{ status: 'error', arn, evidence: { failedCalls: [deniedCall('waf:GetWebACL', ID, 'global')] } }] },
  { name: 'ListWebACLs denied', input: { failed: ['waf:ListWebACLs'] }, expected: [{ status: 'error', arn: `arn:aws:waf::${ACCOUNT}:webacl/*` }] },
], { neverNotApplicable: 'the account has Classic web ACLs or it has none: either is decided' });
