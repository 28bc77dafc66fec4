import type { JSONSchemaType } from 'ajv';
import type { CallError, GuardDutyDetector } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

const byId = (a: GuardDutyDetector, b: GuardDutyDetector) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export default defineCheck<Params>({
  id: 'guardduty-centrally-administered',
  title: 'GuardDuty findings reach a central administrator account (member with an enabled relationship, or the administrator itself)',
  severity: 'low',
  resourceType: 'AWS::GuardDuty::RegionSettings',
  requires: ['guardduty:ListDetectors', 'guardduty:GetDetector', 'guardduty:GetAdministratorAccount', 'guardduty:ListMembers'],
  rationale:
    'In a multi-account landing zone the security team reviews GuardDuty findings in one administrator account; a detector ' +
    'that is no enabled member of it keeps its findings to itself, where nobody watching the central console sees them.',
  remediation:
    'From the GuardDuty delegated administrator (or administrator) account, add the account as a member (GuardDuty console > ' +
    'Accounts > Add accounts / Auto-enable for the organisation); for an invitation-based member, accept the invitation in ' +
    'this account (`aws guardduty accept-administrator-invitation`).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.guardDuty.map((gd) => {
      const detectors = [...gd.detectors].sort(byId);
      const unreadable: CallError[] = [];
      const seen: { detector: string; administrator: { accountId: string; relationshipStatus: string } | null; enabledMembers: number }[] = [];
      for (const d of detectors) {
        if (!d.status.ok) {
          unreadable.push(d.status.error);
          continue;
        }
        if (d.status.value !== 'ENABLED') continue;
        if (!d.administrator.ok) unreadable.push(d.administrator.error);
        if (!d.members.ok) unreadable.push(d.members.error);
        if (!d.administrator.ok || !d.members.ok) continue;
        seen.push({ detector: d.id, administrator: d.administrator.value, enabledMembers: d.members.value.filter((m) => m.relationshipStatus === 'Enabled').length });
      }
      const member = seen.find((s) => s.administrator?.relationshipStatus === 'Enabled');
      if (member) {
        return pass(gd, `GuardDuty in ${gd.region} reports to administrator account ${member.administrator!.accountId}.`, { detectors: seen });
      }
      const admin = seen.find((s) => s.enabledMembers > 0);
      if (admin) return pass(gd, `GuardDuty in ${gd.region} is the administrator of ${admin.enabledMembers} member account(s).`, { detectors: seen });
      const [first] = unreadable;
      if (first !== undefined) return error(gd, first);
      if (seen.length === 0) return notApplicable(gd, `GuardDuty has no enabled detector in ${gd.region} (see guardduty-enabled).`, { detectors: [] });
      const pending = seen.find((s) => s.administrator !== null);
      if (pending) {
        return fail(gd, `GuardDuty in ${gd.region} is not an enabled member of administrator account ${pending.administrator!.accountId} (relationship ${pending.administrator!.relationshipStatus}).`, { detectors: seen });
      }
      return fail(gd, `GuardDuty in ${gd.region} is standalone: no administrator account and no member accounts.`, { detectors: seen });
    });
  },
});
