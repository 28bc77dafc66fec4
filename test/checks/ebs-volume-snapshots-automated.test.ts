import { describe, expect, it } from 'vitest';
import check from '../../src/checks/ebs-volume-snapshots-automated.js';
import type { Status } from '../../src/checks/types.js';
import type { Instance } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, runCheck, volume, type InventoryInput } from '../helpers/check-harness.js';
import { backupRegion, dlmPolicy, protectedResource } from '../helpers/data-stores.js';

const tagged = volume('vol-sql', true, { tags: { Backup: 'daily' }, attachedInstanceIds: ['i-sql'] });
const plain = volume('vol-ntp', true, { attachedInstanceIds: ['i-ntp'] });
const instance = (id: string, tags: Record<string, string>): Instance => ({
  type: 'AWS::EC2::Instance',
  arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/${id}`,
  id,
  account: ACCOUNT,
  region: REGION,
  tags,
  state: 'running',
  securityGroupIds: [],
});
const byTag = dlmPolicy('policy-daily', { resourceTypes: ['VOLUME'], targetTags: ['Backup=daily'] });

type Case = { name: string; input: InventoryInput; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  {
    name: 'an enabled DLM policy targets the volume\'s tag; another volume is not covered',
    input: { volumes: [tagged, plain], dlmPolicies: [byTag], backupRegions: [backupRegion([])] },
    expected: [
      { status: 'fail', arn: plain.arn, evidence: { dlmPolicies: [], awsBackupLastBackup: null, notes: [] } },
      { status: 'pass', arn: tagged.arn, evidence: { dlmPolicies: ['policy policy-daily (volume tag)'], awsBackupLastBackup: null, notes: [] } },
    ],
  },
  {
    name: 'an instance policy covers the volumes of tagged instances',
    input: { volumes: [plain], instances: [instance('i-ntp', { Snapshot: 'yes' })], dlmPolicies: [dlmPolicy('p-inst', { resourceTypes: ['INSTANCE'], targetTags: ['Snapshot=yes'] })], backupRegions: [backupRegion([])] },
    expected: [{ status: 'pass', arn: plain.arn }],
  },
  { name: 'a disabled policy does not count', input: { volumes: [tagged], dlmPolicies: [dlmPolicy('p', { targetTags: ['Backup=daily'] }, 'DISABLED')], backupRegions: [backupRegion([])] }, expected: [{ status: 'fail', arn: tagged.arn }] },
  { name: 'an AMI policy does not snapshot volumes', input: { volumes: [tagged], dlmPolicies: [dlmPolicy('p', { policyType: 'IMAGE_MANAGEMENT', resourceTypes: ['INSTANCE'], targetTags: ['Backup=daily'] })], backupRegions: [backupRegion([])] }, expected: [{ status: 'fail', arn: tagged.arn }] },
  { name: 'the default policy covers every volume', input: { volumes: [plain], dlmPolicies: [dlmPolicy('p-default', { defaultPolicy: true })], backupRegions: [backupRegion([])] }, expected: [{ status: 'pass', arn: plain.arn }] },
  {
    name: 'a default policy excluding boot volumes cannot be matched: not counted, and said so',
    input: { volumes: [plain], dlmPolicies: [dlmPolicy('p-default', { defaultPolicy: true, excludeBootVolumes: true })], backupRegions: [backupRegion([])] },
    expected: [{ status: 'fail', arn: plain.arn, evidence: { dlmPolicies: [], awsBackupLastBackup: null, notes: ['default policy p-default excludes boot volumes or volume types, which the inventory cannot match to this volume'] } }],
  },
  { name: 'a policy excluding the volume by tag', input: { volumes: [tagged], dlmPolicies: [dlmPolicy('p-default', { defaultPolicy: true, excludeTags: ['Backup=daily'] })], backupRegions: [backupRegion([])] }, expected: [{ status: 'fail', arn: tagged.arn }] },
  { name: 'an AWS Backup recovery point this week counts', input: { volumes: [plain], backupRegions: [backupRegion([protectedResource(plain.arn, '2026-11-18T00:00:00Z')])] }, expected: [{ status: 'pass', arn: plain.arn }] },
  { name: 'an old AWS Backup recovery point does not', input: { volumes: [plain], backupRegions: [backupRegion([protectedResource(plain.arn, '2026-09-01T00:00:00Z')])] }, expected: [{ status: 'fail', arn: plain.arn }] },
  { name: 'a policy whose details could not be read might cover it', input: { volumes: [plain], dlmPolicies: [dlmPolicy('p', 'failed')], backupRegions: [backupRegion([])] }, expected: [{ status: 'error', arn: plain.arn }] },
  { name: 'GetLifecyclePolicies denied', input: { volumes: [tagged], backupRegions: [backupRegion([])], failed: ['dlm:GetLifecyclePolicies'] }, expected: [{ status: 'error', arn: tagged.arn }] },
  { name: 'no volume', input: { backupRegions: [backupRegion([])] }, expected: [{ status: 'not_applicable', arn: `arn:aws:ec2::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, expected }) => {
    const results = runCheck(check, input);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
