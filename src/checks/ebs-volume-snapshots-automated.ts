import type { JSONSchemaType } from 'ajv';
import type { CallError, DlmPolicy, Instance, ProtectedResource, Volume } from '../inventory/types.js';
import { defineCheck, error, fail, pass } from './define.js';
import type { Outcome } from './types.js';

interface Params {
  maxAgeDays: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['maxAgeDays'],
  properties: { maxAgeDays: { type: 'integer', minimum: 1, maximum: 366 } },
};

const tagPairs = (tags: Record<string, string>) => new Set(Object.entries(tags).map(([k, v]) => `${k}=${v}`));

/** Whether an enabled snapshot policy targets the volume: a reason, or why it does not. */
function targets(policy: DlmPolicy, volume: Volume, instances: readonly Instance[]): { covers: true; how: string } | { covers: false; why?: string } {
  if (!policy.details.ok) return { covers: false };
  const d = policy.details.value;
  if (d.policyType !== 'EBS_SNAPSHOT_MANAGEMENT' || !d.hasSchedules) return { covers: false };
  const volumeTags = tagPairs(volume.tags);
  if (d.excludeTags.some((t) => volumeTags.has(t))) return { covers: false, why: `${policy.id} excludes it by tag` };
  if (d.defaultPolicy) {
    if (d.excludeBootVolumes || d.excludeVolumeTypes.length > 0) {
      return { covers: false, why: `default policy ${policy.id} excludes boot volumes or volume types, which the inventory cannot match to this volume` };
    }
    return { covers: true, how: `default policy ${policy.id}` };
  }
  const wanted = new Set(d.targetTags);
  if (d.resourceTypes.includes('VOLUME') && [...volumeTags].some((t) => wanted.has(t))) return { covers: true, how: `policy ${policy.id} (volume tag)` };
  if (d.resourceTypes.includes('INSTANCE')) {
    const tagged = instances.filter((i) => volume.attachedInstanceIds.includes(i.id) && [...tagPairs(i.tags)].some((t) => wanted.has(t)));
    if (tagged.length > 0) {
      if (d.excludeBootVolumes) return { covers: false, why: `policy ${policy.id} targets instance ${tagged[0]!.id} but excludes boot volumes, which the inventory cannot tell apart` };
      return { covers: true, how: `policy ${policy.id} (instance ${tagged[0]!.id})` };
    }
  }
  return { covers: false };
}

export default defineCheck<Params>({
  id: 'ebs-volume-snapshots-automated',
  title: 'Every EBS volume is snapshotted automatically (Data Lifecycle Manager or AWS Backup)',
  severity: 'medium',
  resourceType: 'AWS::EC2::Volume',
  requires: ['ec2:DescribeVolumes', 'ec2:DescribeInstances', 'dlm:GetLifecyclePolicies', 'dlm:GetLifecyclePolicy', 'backup:ListProtectedResources'],
  rationale:
    'Servers whose data lives on EBS (SQL Server on EC2, file servers, application state) are recoverable only from snapshots; taken by hand they stop being taken. ' +
    'An enabled Data Lifecycle Manager snapshot policy that targets the volume (by its tags or its instance\'s), or a recent AWS Backup recovery point, shows the snapshots are automated.',
  remediation:
    'Create a DLM policy (aws dlm create-lifecycle-policy) targeting the volumes\' or instances\' tags with a schedule and retention matching the RPO, or the DLM default policy for EBS snapshots, or add the volumes to an AWS Backup plan.',
  schema,
  defaults: { maxAgeDays: 7 },
  paramDocs: { maxAgeDays: 'Oldest an AWS Backup recovery point may be to count, in days (default 7); a DLM policy counts when it is enabled and targets the volume' },
  evaluate(inv, { maxAgeDays }) {
    const backups = new Map<string, ProtectedResource>();
    const backupUnknown: CallError[] = [];
    for (const r of inv.backupRegions) {
      if (!r.protectedResources.ok) backupUnknown.push(r.protectedResources.error);
      else for (const p of r.protectedResources.value) if (!backups.has(p.resourceArn) || backups.get(p.resourceArn)!.lastBackupTime < p.lastBackupTime) backups.set(p.resourceArn, p);
    }
    return inv.volumes
      .filter((v) => v.state !== 'deleting' && v.state !== 'deleted')
      .map((v): Outcome => {
        const policies = inv.dlmPolicies.filter((p) => p.region === v.region && p.state === 'ENABLED');
        const judged = policies.map((p) => ({ p, t: targets(p, v, inv.instances) }));
        const covering = judged.flatMap((j) => (j.t.covers ? [j.t.how] : []));
        const notes = judged.flatMap((j) => (!j.t.covers && j.t.why ? [j.t.why] : []));
        const b = backups.get(v.arn);
        const ageDays = b ? Math.floor((Date.parse(inv.collectedAt) - Date.parse(b.lastBackupTime)) / 86_400_000) : null;
        const evidence = { dlmPolicies: covering, awsBackupLastBackup: b?.lastBackupTime ?? null, notes };
        if (covering.length > 0) return pass(v, `EBS volume ${v.id} is snapshotted by ${covering.join(', ')}.`, evidence);
        if (b && ageDays !== null && ageDays <= maxAgeDays) return pass(v, `EBS volume ${v.id} was backed up by AWS Backup ${ageDays} day(s) before collection.`, evidence);
        // A policy or a backup listing that could not be read might cover it.
        const unreadable = policies.find((p) => !p.details.ok);
        if (unreadable && !unreadable.details.ok) return error(v, unreadable.details.error);
        if (!b && backupUnknown[0] !== undefined) return error(v, backupUnknown[0]);
        const why = b ? `its last AWS Backup recovery point is ${ageDays} days old` : 'no enabled Data Lifecycle Manager policy targets it and AWS Backup holds no recovery point of it';
        return fail(v, `EBS volume ${v.id} is not snapshotted automatically: ${why}.`, evidence);
      });
  },
});
