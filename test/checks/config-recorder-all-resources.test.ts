import { describe, expect, it } from 'vitest';
import check from '../../src/checks/config-recorder-all-resources.js';
import type { Status } from '../../src/checks/types.js';
import type { ConfigRecorder, ConfigRegion } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, configRegion, runCheck, type Failure } from '../helpers/check-harness.js';

const OTHER = 'eu-west-1';
const arn = (region = REGION) => `arn:aws:config:${region}:${ACCOUNT}:configuration-recorder`;

function recorder(name: string, o: Partial<ConfigRecorder> = {}): ConfigRecorder {
  return { name, allSupported: true, includeGlobalResourceTypes: true, recording: true, lastStatus: 'SUCCESS', ...o };
}

type Case = {
  name: string;
  regions?: string[];
  config: ConfigRegion[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'recording all supported resources with a delivery channel',
    config: [configRegion([recorder('default')])],
    expected: [{ status: 'pass', arn: arn(), evidence: { qualifyingRecorders: ['default'], deliveryChannels: ['default'] } }],
  },
  {
    name: 'global resource types not included (not required)',
    config: [configRegion([recorder('default', { includeGlobalResourceTypes: false })])],
    expected: [{ status: 'pass', arn: arn(), evidence: { qualifyingRecorders: ['default'], deliveryChannels: ['default'] } }],
  },
  {
    name: 'no recorder, no delivery channel',
    config: [configRegion([], [])],
    expected: [{ status: 'fail', arn: arn(), evidence: { missing: ['recorder', 'deliveryChannel'], recorders: [], deliveryChannels: [] } }],
  },
  {
    name: 'recorder limited to some resource types',
    config: [configRegion([recorder('default', { allSupported: false })])],
    expected: [
      {
        status: 'fail',
        arn: arn(),
        evidence: {
          missing: ['recorder'],
          recorders: [{ name: 'default', allSupported: false, recording: true, lacks: ['allSupported'] }],
          deliveryChannels: ['default'],
        },
      },
    ],
  },
  {
    name: 'recorder stopped',
    config: [configRegion([recorder('default', { recording: false })])],
    expected: [
      {
        status: 'fail',
        arn: arn(),
        evidence: {
          missing: ['recorder'],
          recorders: [{ name: 'default', allSupported: true, recording: false, lacks: ['recording'] }],
          deliveryChannels: ['default'],
        },
      },
    ],
  },
  {
    name: 'good recorder but no delivery channel',
    config: [configRegion([recorder('default')], [])],
    expected: [
      {
        status: 'fail',
        arn: arn(),
        evidence: {
          missing: ['deliveryChannel'],
          recorders: [{ name: 'default', allSupported: true, recording: true, lacks: [] }],
          deliveryChannels: [],
        },
      },
    ],
  },
  {
    name: 'qualities split across recorders',
    config: [configRegion([recorder('b', { recording: false }), recorder('a', { allSupported: false })], ['z', 'c'])],
    expected: [
      {
        status: 'fail',
        arn: arn(),
        evidence: {
          missing: ['recorder'],
          recorders: [
            { name: 'a', allSupported: false, recording: true, lacks: ['allSupported'] },
            { name: 'b', allSupported: true, recording: false, lacks: ['recording'] },
          ],
          deliveryChannels: ['c', 'z'],
        },
      },
    ],
  },
  {
    name: 'recorder status denied: a stopped-looking recorder is not a fail',
    config: [configRegion([recorder('default', { recording: false })])],
    failed: ['config:DescribeConfigurationRecorderStatus'],
    expected: [
      {
        status: 'error',
        arn: arn(),
        evidence: {
          failedCalls: [
            {
              call: 'config:DescribeConfigurationRecorderStatus',
              region: REGION,
              code: 'AccessDenied',
              message: 'User is not authorized to perform: config:DescribeConfigurationRecorderStatus',
              requiredPermission: 'config:DescribeConfigurationRecorderStatus',
            },
          ],
          unverifiedOutcome: 'fail',
        },
      },
    ],
  },
  {
    name: 'delivery channels denied',
    config: [configRegion([recorder('default')], [])],
    failed: ['config:DescribeDeliveryChannels'],
    expected: [{ status: 'error', arn: arn() }],
  },
  {
    name: 'one result per scanned region',
    regions: [REGION, OTHER],
    config: [configRegion([recorder('default')]), configRegion([], [], OTHER)],
    expected: [
      { status: 'pass', arn: arn(REGION) },
      { status: 'fail', arn: arn(OTHER), evidence: { missing: ['recorder', 'deliveryChannel'], recorders: [], deliveryChannels: [] } },
    ],
  },
  {
    name: 'no scanned region: nothing in scope',
    regions: [],
    config: [],
    expected: [{ status: 'not_applicable', arn: `arn:aws:config::${ACCOUNT}:*` }],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ regions, config, failed, expected }) => {
    const results = runCheck(check, { config, ...(regions ? { regions } : {}), ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
