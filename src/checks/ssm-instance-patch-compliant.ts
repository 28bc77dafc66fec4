import type { JSONSchemaType } from 'ajv';
import type { SsmManagedInstance } from '../inventory/types.js';
import { daysBetween, defineCheck, error, fail, notApplicable, pass } from './define.js';

interface Params {
  maxScanAgeDays: number;
  allowPendingReboot: boolean;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['maxScanAgeDays', 'allowPendingReboot'],
  properties: { maxScanAgeDays: { type: 'integer', minimum: 1 }, allowPendingReboot: { type: 'boolean' } },
};

function label(m: SsmManagedInstance): string {
  return m.name !== undefined && m.name !== m.id ? `${m.name} (${m.id})` : m.id;
}

export default defineCheck<Params>({
  id: 'ssm-instance-patch-compliant',
  title: 'Managed nodes have a recent Patch Manager scan with no missing or failed patches',
  severity: 'high',
  resourceType: 'AWS::SSM::ManagedInstance',
  requires: ['ssm:DescribeInstanceInformation', 'ssm:DescribeInstancePatchStates'],
  rationale:
    'Known vulnerabilities are exploited within days of a patch being released; PCI DSS 6.3.3 requires critical and high ' +
    'security patches within one month, MAS Notice 655 para 4.2 and the RBI PSO directions require patches within defined ' +
    'timeframes. Patch Manager\'s state per node is the record that shows it: what the patch baseline approves and is missing, ' +
    'what failed to install, and when the node was last scanned.',
  remediation:
    'Install the missing patches (Systems Manager > Patch Manager > Patch now, or a maintenance window running ' +
    'AWS-RunPatchBaseline with Operation=Install), reboot nodes with patches pending a reboot, fix failed installations, and ' +
    'schedule at least a daily scan (Quick Setup patch policy or State Manager association with Operation=Scan) so the state ' +
    'stays current; make sure the patch baseline approves security patches within your timeframe.',
  schema,
  defaults: { maxScanAgeDays: 7, allowPendingReboot: false },
  paramDocs: {
    maxScanAgeDays: 'the newest patch scan or install must be at most this many days old (an older state says nothing about patches released since)',
    allowPendingReboot: 'accept patches installed but waiting for a reboot (Patch Manager counts them non-compliant by default)',
  },
  evaluate(inv, { maxScanAgeDays, allowPendingReboot }) {
    return inv.ssmManagedInstances.map((m) => {
      if (m.pingStatus === 'Inactive') {
        return notApplicable(m, `Managed node ${label(m)} is Inactive (stopped or deregistered): its patch state is judged when it runs.`, { pingStatus: m.pingStatus });
      }
      if (!m.patchState.ok) return error(m, m.patchState.error);
      const s = m.patchState.value;
      if (s === null) {
        return fail(m, `Managed node ${label(m)} has never been scanned by Patch Manager: no patch compliance record exists.`, { patchState: null });
      }
      const ageDays = daysBetween(s.operationEndTime, inv.collectedAt);
      const evidence = {
        baselineId: s.baselineId,
        patchGroup: s.patchGroup ?? null,
        lastOperation: s.operation,
        lastOperationEnd: s.operationEndTime,
        lastOperationAgeDays: ageDays,
        missing: s.missingCount,
        failed: s.failedCount,
        criticalNonCompliant: s.criticalNonCompliantCount ?? null,
        securityNonCompliant: s.securityNonCompliantCount ?? null,
        installedPendingReboot: s.installedPendingRebootCount ?? null,
      };
      const problems: string[] = [];
      if (s.missingCount > 0) {
        const detail = [s.criticalNonCompliantCount ? `${s.criticalNonCompliantCount} critical` : '', s.securityNonCompliantCount ? `${s.securityNonCompliantCount} security` : ''].filter(Boolean).join(', ');
        problems.push(`${s.missingCount} approved patches missing${detail ? ` (${detail})` : ''}`);
      }
      if (s.failedCount > 0) problems.push(`${s.failedCount} patches failed to install`);
      if (!allowPendingReboot && (s.installedPendingRebootCount ?? 0) > 0) problems.push(`${s.installedPendingRebootCount} patches installed but waiting for a reboot`);
      if (ageDays > maxScanAgeDays) problems.push(`the last ${s.operation} ended ${ageDays} days ago (more than ${maxScanAgeDays})`);
      if (problems.length === 0) {
        return pass(m, `Managed node ${label(m)} was patch-scanned ${ageDays} days ago (${s.operation}) with nothing missing or failed.`, evidence);
      }
      return fail(m, `Managed node ${label(m)} is not patch compliant: ${problems.join('; ')}.`, evidence);
    });
  },
});
