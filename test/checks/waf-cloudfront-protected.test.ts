import { describe, expect, it } from 'vitest';
import check from '../../src/checks/waf-cloudfront-protected.js';
import type { Status } from '../../src/checks/types.js';
import type { Distribution } from '../../src/inventory/types.js';
import { ACCOUNT, classicWebAcl, distribution, runCheck, type Failure } from '../helpers/check-harness.js';
import type { ClassicWebAcl } from '../../src/inventory/types.js';

const arn = (id: string) => `arn:aws:cloudfront::${ACCOUNT}:distribution/${id}`;
const ACL = `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/edge/11111111-2222-3333-4444-555555555555`;

type Case = {
  name: string;
  distributions: Distribution[];
  classicWebAcls?: ClassicWebAcl[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  { name: 'distribution with a web ACL', distributions: [distribution('E1PROT', ACL)], expected: [{ status: 'pass', arn: arn('E1PROT'), evidence: { webAclId: ACL, webAclKind: 'wafv2' } }] },
  {
    name: 'distribution with a classic WAF web ACL id',
    distributions: [distribution('E2CLASSIC', '473e64fd-f30b-4765-81a0-62ad96dd167a')],
    expected: [{ status: 'pass', arn: arn('E2CLASSIC'), evidence: { webAclId: '473e64fd-f30b-4765-81a0-62ad96dd167a', webAclKind: 'waf-classic', webAclName: null } }],
  },
  {
    name: 'a classic WAF web ACL the snapshot lists is named (issue 12: Classic recognised as protection)',
    distributions: [distribution('E2NAMED', '473e64fd-f30b-4765-81a0-62ad96dd167a')],
    classicWebAcls: [classicWebAcl('473e64fd-f30b-4765-81a0-62ad96dd167a', 'owasp-top10-legacy')],
    expected: [{ status: 'pass', arn: arn('E2NAMED'), evidence: { webAclId: '473e64fd-f30b-4765-81a0-62ad96dd167a', webAclKind: 'waf-classic', webAclName: 'owasp-top10-legacy' } }],
  },
  { name: 'distribution without a web ACL', distributions: [distribution('E3OPEN', null)], expected: [{ status: 'fail', arn: arn('E3OPEN'), evidence: { webAclId: null } }] },
  {
    name: 'disabled distribution',
    distributions: [distribution('E4OFF', null, { enabled: false })],
    expected: [{ status: 'not_applicable', arn: arn('E4OFF'), evidence: { enabled: false } }],
  },
  {
    name: 'one result per distribution',
    distributions: [distribution('E6', null), distribution('E5', ACL)],
    expected: [
      { status: 'pass', arn: arn('E5') },
      { status: 'fail', arn: arn('E6') },
    ],
  },
  {
    name: 'ListDistributions denied',
    distributions: [],
    failed: ['cloudfront:ListDistributions'],
    expected: [{ status: 'error', arn: `arn:aws:cloudfront::${ACCOUNT}:*` }],
  },
  { name: 'no distributions: nothing in scope', distributions: [], expected: [{ status: 'not_applicable', arn: `arn:aws:cloudfront::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ distributions, classicWebAcls, failed, expected }) => {
    const results = runCheck(check, { distributions, ...(classicWebAcls ? { classicWebAcls } : {}), ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });

  it('names the distribution and its domain in the message', () => {
    const [r] = runCheck(check, { distributions: [distribution('E3OPEN', null, { domainName: 'd111111abcdef8.cloudfront.net' })] });
    expect(r?.message).toBe('CloudFront distribution E3OPEN (d111111abcdef8.cloudfront.net) has no web ACL.');
  });
});
