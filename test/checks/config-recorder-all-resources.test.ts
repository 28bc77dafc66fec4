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

/** The evidence row of a recorder. */
const row = (name: string, o: Partial<ConfigRecorder> & { lacks?: string[] } = {}) => ({
  name,
  allSupported: o.allSupported ?? true,
  includeGlobalResourceTypes: o.includeGlobalResourceTypes ?? true,
  recording: o.recording ?? true,
  lastStatus: o.lastStatus === undefined ? 'SUCCESS' : o.lastStatus,
  lacks: o.lacks ?? [],
});

type Case = {
  name: string;
  regions?: string[];
  config: ConfigRegion[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'recording all supported resources, global types included, with a delivery channel',
    config: [configRegion([recorder('default')])],
    expected: [{ status: 'pass', arn: arn(), evidence: { qualifyingRecorders: ['default'], deliveryChannels: ['default'], globalResourceTypesRecordedIn: [REGION] } }],
  },
  {
    // Before issue 12 this passed: allSupported alone, so IAM users, groups, roles and policies were recorded nowhere.
    name: 'global resource types recorded in no scanned region',
    config: [configRegion([recorder('default', { includeGlobalResourceTypes: false })])],
    expected: [
      {
        status: 'fail',
        arn: arn(),
        evidence: {
          missing: ['globalResourceTypes'],
          recorders: [row('default', { includeGlobalResourceTypes: false })],
          deliveryChannels: ['default'],
          globalResourceTypesRecordedIn: [],
        },
      },
    ],
  },
  {
    name: 'global resource types recorded in one region are enough for every region',
    regions: [OTHER, REGION],
    config: [configRegion([recorder('default')]), configRegion([recorder('default', { includeGlobalResourceTypes: false })], ['default'], OTHER)],
    expected: [
      { status: 'pass', arn: arn(REGION), evidence: { qualifyingRecorders: ['default'], deliveryChannels: ['default'], globalResourceTypesRecordedIn: [REGION] } },
      { status: 'pass', arn: arn(OTHER), evidence: { qualifyingRecorders: ['default'], deliveryChannels: ['default'], globalResourceTypesRecordedIn: [REGION] } },
    ],
  },
  {
    // Before issue 12 this passed: recording true was enough, whatever the last delivery did.
    name: 'recorder whose lastStatus is FAILURE',
    config: [configRegion([recorder('default', { lastStatus: 'FAILURE' })])],
    expected: [
      {
        status: 'fail',
        arn: arn(),
        evidence: {
          missing: ['recorder', 'globalResourceTypes'],
          recorders: [row('default', { lastStatus: 'FAILURE', lacks: ['lastStatus'] })],
          deliveryChannels: ['default'],
          globalResourceTypesRecordedIn: [],
        },
      },
    ],
  },
  {
    name: 'a failed recorder does not count as the one recording global types',
    regions: [OTHER, REGION],
    config: [configRegion([recorder('default', { lastStatus: 'FAILURE' })]), configRegion([recorder('default', { includeGlobalResourceTypes: false })], ['default'], OTHER)],
    expected: [
      { status: 'fail', arn: arn(REGION) },
      {
        status: 'fail',
        arn: arn(OTHER),
        evidence: {
          missing: ['globalResourceTypes'],
          recorders: [row('default', { includeGlobalResourceTypes: false })],
          deliveryChannels: ['default'],
          globalResourceTypesRecordedIn: [],
        },
      },
    ],
  },
  {
    name: 'lastStatus PENDING (never delivered yet) or absent is not a failure',
    config: [configRegion([recorder('b', { lastStatus: 'PENDING' }), { name: 'a', allSupported: true, includeGlobalResourceTypes: true, recording: true }])],
    expected: [{ status: 'pass', arn: arn(), evidence: { qualifyingRecorders: ['a', 'b'], deliveryChannels: ['default'], globalResourceTypesRecordedIn: [REGION] } }],
  },
  {
    name: 'no recorder, no delivery channel',
    config: [configRegion([], [])],
    expected: [{ status: 'fail', arn: arn(), evidence: { missing: ['recorder', 'deliveryChannel', 'globalResourceTypes'], recorders: [], deliveryChannels: [], globalResourceTypesRecordedIn: [] } }],
  },
  {
    name: 'recorder limited to some resource types',
    config: [configRegion([recorder('default', { allSupported: false })])],
    expected: [
      {
        status: 'fail',
        arn: arn(),
        evidence: {
          missing: ['recorder', 'globalResourceTypes'],
          recorders: [row('default', { allSupported: false, lacks: ['allSupported'] })],
          deliveryChannels: ['default'],
          globalResourceTypesRecordedIn: [],
        },
      },
    ],
  },
  {
    name: 'recorder stopped',
    regions: [OTHER, REGION],
    config: [configRegion([recorder('default', { recording: false })]), configRegion([recorder('default')], ['default'], OTHER)],
    expected: [
      {
        status: 'fail',
        arn: arn(REGION),
        evidence: {
          missing: ['recorder'],
          recorders: [row('default', { recording: false, lacks: ['recording'] })],
          deliveryChannels: ['default'],
          globalResourceTypesRecordedIn: [OTHER],
        },
      },
      { status: 'pass', arn: arn(OTHER) },
    ],
  },
  {
    name: 'good recorder but no delivery channel',
    config: [configRegion([recorder('default')], [])],
    expected: [
      {
        status: 'fail',
        arn: arn(),
        evidence: { missing: ['deliveryChannel'], recorders: [row('default')], deliveryChannels: [], globalResourceTypesRecordedIn: [REGION] },
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
          missing: ['recorder', 'globalResourceTypes'],
          recorders: [row('a', { allSupported: false, lacks: ['allSupported'] }), row('b', { recording: false, lacks: ['recording'] })],
          deliveryChannels: ['c', 'z'],
          globalResourceTypesRecordedIn: [],
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
    name: 'global types recorded nowhere readable, and another region unreadable: not a fail',
    regions: [OTHER, REGION],
    config: [configRegion([recorder('default', { includeGlobalResourceTypes: false })]), configRegion([], [], OTHER)],
    failed: [{ op: 'config:DescribeConfigurationRecorders', region: OTHER }],
    expected: [
      { status: 'error', arn: arn(REGION), evidence: { failedCalls: [expect.objectContaining({ call: 'config:DescribeConfigurationRecorders', region: OTHER })] } },
      { status: 'error', arn: arn(OTHER) },
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
      { status: 'fail', arn: arn(OTHER), evidence: { missing: ['recorder', 'deliveryChannel'], recorders: [], deliveryChannels: [], globalResourceTypesRecordedIn: [REGION] } },
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
