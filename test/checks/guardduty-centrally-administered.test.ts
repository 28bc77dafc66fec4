import check from '../../src/checks/guardduty-centrally-administered.js';
import type { GuardDutyDetector } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, deniedCall, failedCall, guardDuty, runTable } from '../helpers/check-harness.js';

const ARN = `arn:aws:guardduty:${REGION}:${ACCOUNT}:detector`;
const region = (d: Partial<GuardDutyDetector>, status: 'ENABLED' | 'DISABLED' = 'ENABLED') => {
  const gd = guardDuty([{ id: 'd1', status }]);
  return { ...gd, detectors: [{ ...gd.detectors[0]!, ...d }] };
};
const ok = <T>(value: T) => ({ ok: true as const, value });

runTable(check, [
  {
    name: 'member of an administrator account',
    input: { guardDuty: [region({ administrator: ok({ accountId: '999999999999', relationshipStatus: 'Enabled' }) })] },
    expected: [{ status: 'pass', arn: ARN, evidence: { detectors: [{ detector: 'd1', administrator: { accountId: '999999999999', relationshipStatus: 'Enabled' }, enabledMembers: 0 }] } }],
  },
  {
    name: 'the administrator of member accounts',
    input: { guardDuty: [region({ administrator: ok(null), members: ok([{ accountId: '111111111111', relationshipStatus: 'Enabled' }, { accountId: '222222222222', relationshipStatus: 'Removed' }]) })] },
    expected: [{ status: 'pass', arn: ARN, evidence: { detectors: [{ detector: 'd1', administrator: null, enabledMembers: 1 }] } }],
  },
  {
    name: 'invited but never accepted',
    input: { guardDuty: [region({ administrator: ok({ accountId: '999999999999', relationshipStatus: 'Invited' }) })] },
    expected: [
      {
        status: 'fail',
        arn: ARN,
        evidence: { detectors: [{ detector: 'd1', administrator: { accountId: '999999999999', relationshipStatus: 'Invited' }, enabledMembers: 0 }] },
        message: `GuardDuty in ${REGION} is not an enabled member of administrator account 999999999999 (relationship Invited).`,
      },
    ],
  },
  { name: 'standalone detector', input: { guardDuty: [region({ administrator: ok(null), members: ok([]) })] }, expected: [{ status: 'fail', arn: ARN, evidence: { detectors: [{ detector: 'd1', administrator: null, enabledMembers: 0 }] } }] },
  {
    name: 'administrator relationship could not be read',
    input: { guardDuty: [region({ administrator: failedCall('guardduty:GetAdministratorAccount', 'd1') })] },
    expected: [{ status: 'error', arn: ARN, evidence: { failedCalls: [deniedCall('guardduty:GetAdministratorAccount', 'd1')] } }],
  },
  { name: 'no enabled detector', input: { guardDuty: [region({}, 'DISABLED')] }, expected: [{ status: 'not_applicable', arn: ARN, evidence: { detectors: [] } }] },
  { name: 'ListMembers denied region-wide', input: { guardDuty: [region({})], failed: ['guardduty:ListMembers'] }, expected: [{ status: 'error', arn: ARN }] },
]);
