import { describe, expect, it } from 'vitest';
import check from '../../src/checks/waf-apigateway-stage-protected.js';
import type { Status } from '../../src/checks/types.js';
import type { ApiStage } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, apiStage, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (api: string, stage: string) => `arn:aws:apigateway:${REGION}::/restapis/${api}/stages/${stage}`;
const ACL = `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/api/11111111-2222-3333-4444-555555555555`;

const withEndpoints = (s: ApiStage, endpointTypes: string[]): ApiStage => ({ ...s, endpointTypes });

type Case = {
  name: string;
  stages: ApiStage[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  { name: 'regional stage with a web ACL', stages: [apiStage('a1', 'prod', ACL)], expected: [{ status: 'pass', arn: arn('a1', 'prod'), evidence: { webAclArn: ACL } }] },
  {
    name: 'edge-optimized stage with a web ACL',
    stages: [withEndpoints(apiStage('a2', 'prod', ACL), ['EDGE'])],
    expected: [{ status: 'pass', arn: arn('a2', 'prod'), evidence: { webAclArn: ACL } }],
  },
  { name: 'regional stage without a web ACL', stages: [apiStage('a3', 'prod', null)], expected: [{ status: 'fail', arn: arn('a3', 'prod'), evidence: { webAclArn: null } }] },
  {
    name: 'edge-optimized stage without a web ACL',
    stages: [withEndpoints(apiStage('a4', 'dev', null), ['EDGE'])],
    expected: [{ status: 'fail', arn: arn('a4', 'dev'), evidence: { webAclArn: null } }],
  },
  {
    name: 'private API',
    stages: [withEndpoints(apiStage('a5', 'prod', null), ['PRIVATE'])],
    expected: [{ status: 'not_applicable', arn: arn('a5', 'prod'), evidence: { endpointTypes: ['PRIVATE'] } }],
  },
  {
    name: 'one result per stage',
    stages: [apiStage('a6', 'prod', null), apiStage('a6', 'dev', ACL)],
    expected: [
      { status: 'pass', arn: arn('a6', 'dev') },
      { status: 'fail', arn: arn('a6', 'prod') },
    ],
  },
  {
    name: 'an API\'s stages could not be read: the region\'s stages are undecided',
    stages: [apiStage('a7', 'prod', ACL)],
    failed: ['apigateway:GetStages'],
    expected: [{ status: 'error', arn: arn('a7', 'prod') }],
  },
  {
    name: 'GetStages failed and no stage was read',
    stages: [],
    failed: ['apigateway:GetStages'],
    expected: [
      {
        status: 'error',
        arn: `arn:aws:apigateway:${REGION}:${ACCOUNT}:*`,
        evidence: {
          failedCalls: [
            {
              call: 'apigateway:GetStages',
              region: REGION,
              code: 'AccessDenied',
              message: 'User is not authorized to perform: apigateway:GetStages',
              requiredPermission: 'apigateway:GET',
            },
          ],
        },
      },
    ],
  },
  {
    name: 'GetRestApis denied',
    stages: [],
    failed: ['apigateway:GetRestApis'],
    expected: [{ status: 'error', arn: `arn:aws:apigateway:${REGION}:${ACCOUNT}:*` }],
  },
  { name: 'no REST API stages: nothing in scope', stages: [], expected: [{ status: 'not_applicable', arn: `arn:aws:apigateway::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ stages, failed, expected }) => {
    const results = runCheck(check, { apiStages: stages, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
