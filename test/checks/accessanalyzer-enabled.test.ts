import { describe, expect, it } from 'vitest';
import check from '../../src/checks/accessanalyzer-enabled.js';
import type { Status } from '../../src/checks/types.js';
import type { AccessAnalyzerRegion } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, accessAnalyzerRegion, runCheck, type Failure } from '../helpers/check-harness.js';

const OTHER = 'eu-west-1';
const arn = (region = REGION) => `arn:aws:access-analyzer:${region}:${ACCOUNT}:analyzer`;

type Case = {
  name: string;
  regions?: string[];
  analyzers: AccessAnalyzerRegion[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown; message?: string }[];
};

const cases: Case[] = [
  {
    name: 'an active account analyzer',
    analyzers: [accessAnalyzerRegion([{ name: 'default', type: 'ACCOUNT', status: 'ACTIVE' }])],
    expected: [{ status: 'pass', arn: arn(), evidence: { activeAnalyzers: ['default'] }, message: `IAM Access Analyzer is active in ${REGION} (analyzer default).` }],
  },
  {
    name: 'an active organization analyzer beside others',
    analyzers: [
      accessAnalyzerRegion([
        { name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE' },
        { name: 'org', type: 'ORGANIZATION', status: 'ACTIVE' },
        { name: 'acct', type: 'ACCOUNT', status: 'CREATING' },
      ]),
    ],
    expected: [{ status: 'pass', arn: arn(), evidence: { activeAnalyzers: ['org'] } }],
  },
  {
    name: 'no analyzer',
    analyzers: [accessAnalyzerRegion([])],
    expected: [{ status: 'fail', arn: arn(), evidence: { analyzers: [] }, message: `IAM Access Analyzer has no analyzer in ${REGION}.` }],
  },
  {
    name: 'only unused-access analyzers and a failed one',
    analyzers: [
      accessAnalyzerRegion([
        { name: 'z-failed', type: 'ACCOUNT', status: 'FAILED' },
        { name: 'a-unused', type: 'ORGANIZATION_UNUSED_ACCESS', status: 'ACTIVE' },
      ]),
    ],
    expected: [
      {
        status: 'fail',
        arn: arn(),
        evidence: {
          analyzers: [
            { name: 'a-unused', type: 'ORGANIZATION_UNUSED_ACCESS', status: 'ACTIVE' },
            { name: 'z-failed', type: 'ACCOUNT', status: 'FAILED' },
          ],
        },
        message: `IAM Access Analyzer has no active account or organization analyzer in ${REGION}.`,
      },
    ],
  },
  {
    name: 'ListAnalyzers denied: an empty region is not a fail',
    analyzers: [accessAnalyzerRegion([])],
    failed: ['accessanalyzer:ListAnalyzers'],
    expected: [
      {
        status: 'error',
        arn: arn(),
        evidence: {
          failedCalls: [
            {
              call: 'accessanalyzer:ListAnalyzers',
              region: REGION,
              code: 'AccessDenied',
              message: 'User is not authorized to perform: accessanalyzer:ListAnalyzers',
              requiredPermission: 'access-analyzer:ListAnalyzers',
            },
          ],
          unverifiedOutcome: 'fail',
        },
      },
    ],
  },
  {
    name: 'one result per scanned region; a denial affects only its region',
    regions: [REGION, OTHER],
    analyzers: [accessAnalyzerRegion([{ name: 'default', type: 'ACCOUNT', status: 'ACTIVE' }]), accessAnalyzerRegion([], OTHER)],
    failed: [{ op: 'accessanalyzer:ListAnalyzers', region: OTHER }],
    expected: [
      { status: 'pass', arn: arn(REGION) },
      { status: 'error', arn: arn(OTHER) },
    ],
  },
  {
    name: 'no scanned region: nothing in scope',
    regions: [],
    analyzers: [],
    expected: [{ status: 'not_applicable', arn: `arn:aws:accessanalyzer::${ACCOUNT}:*` }],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ regions, analyzers, failed, expected }) => {
    const results = runCheck(check, { accessAnalyzer: analyzers, ...(regions ? { regions } : {}), ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
      if (e.message !== undefined) expect(results[i]?.message).toBe(e.message);
    });
  });
});
