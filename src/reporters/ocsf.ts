/**
 * OCSF 1.8.0 Compliance Finding events (class_uid 2003, category 2
 * Findings, `cloud` profile): a JSON array, one event per line, one event
 * per (check, resource) that was decided or could not be, in the same order
 * and with the same `finding_info.uid` as the ASFF findings (so a SIEM that
 * takes both sees one finding). compliance.status_id: 1 Pass, 3 Fail, 2
 * Warning for an `error` (OCSF: "did not yield a result due to missing
 * information"). Not-applicable results are not findings. The whole
 * evidence, evaluations, waivers and the filter statement go in `unmapped`
 * (OCSF's place for producer data), since OCSF sets no size limits.
 * Validated in tests against schemas/vendor/ocsf-1.8.0-compliance_finding.schema.json.
 */
import type { Assessment } from '../assess/types.js';
import type { Severity, Status } from '../checks/types.js';
import { checkResources, findingId, requirementsByEvaluation, type Merged } from './asff.js';
import { rendered } from './stream.js';
import type { Reporter } from './types.js';

export const OCSF_VERSION = '1.8.0';
const CLASS_UID = 2003;
const CATEGORY_UID = 2;
/** activity 1 Create: every scan states the finding afresh; type_uid = class_uid × 100 + activity_id. */
const ACTIVITY_ID = 1;

/** OCSF severity_id: 1 Informational (a pass), 2 Low, 3 Medium, 4 High, 5 Critical. */
const SEVERITY = { info: [1, 'Informational'], low: [2, 'Low'], medium: [3, 'Medium'], high: [4, 'High'], critical: [5, 'Critical'] } as const satisfies Record<Severity, readonly [number, string]>;

/** compliance.status_id and caption per archscan status (not_applicable is never a finding). */
const COMPLIANCE = { pass: [1, 'Pass'], error: [2, 'Warning'], fail: [3, 'Fail'] } as const satisfies Record<Exclude<Status, 'not_applicable'>, readonly [number, string]>;

export interface OcsfComplianceFinding {
  [key: string]: unknown;
}

function event(a: Assessment, check: Assessment['checks'][number], m: Merged, requirements: Map<string, string[]>, standards: Map<string, string[]>, time: number): OcsfComplianceFinding {
  const r = m.result;
  const status = m.status as Exclude<Status, 'not_applicable'>;
  const waived = status === 'fail' && m.waived;
  const [severityId, severity] = status === 'pass' ? ([1, 'Informational'] as const) : SEVERITY[check.severity];
  const [complianceId, complianceStatus] = COMPLIANCE[status];
  // Finding status: New, Suppressed (waived: an accepted risk) or Resolved (passes now).
  const [statusId, statusName] = status === 'pass' ? ([4, 'Resolved'] as const) : waived ? ([3, 'Suppressed'] as const) : ([1, 'New'] as const);
  const reqs = [...new Set(m.deciding.flatMap((k) => requirements.get(k) ?? []))].sort();
  const stds = [...new Set(m.deciding.flatMap((k) => standards.get(k) ?? []))].sort();
  const region = r.resource.region;
  return {
    activity_id: ACTIVITY_ID,
    activity_name: 'Create',
    category_uid: CATEGORY_UID,
    category_name: 'Findings',
    class_uid: CLASS_UID,
    class_name: 'Compliance Finding',
    type_uid: CLASS_UID * 100 + ACTIVITY_ID,
    type_name: 'Compliance Finding: Create',
    // The snapshot's time, never the clock: the same snapshot gives the same bytes.
    time,
    severity_id: severityId,
    severity,
    status_id: statusId,
    status: statusName,
    message: r.message || check.title,
    metadata: {
      version: OCSF_VERSION,
      profiles: ['cloud'],
      product: { name: 'archscan', vendor_name: 'archscan', version: a.tool.version },
    },
    cloud: {
      provider: 'AWS',
      account: { uid: r.resource.account, type: 'AWS Account', type_id: 10 },
      cloud_partition: a.snapshot.partition,
      ...(region !== 'global' ? { region } : {}),
    },
    finding_info: {
      uid: findingId(check.id, r.resource.arn),
      title: check.title,
      desc: check.rationale,
      types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
      created_time: time,
      analytic: { uid: check.id, name: check.id, type: 'Rule', type_id: 1 },
    },
    compliance: {
      status_id: complianceId,
      status: complianceStatus,
      ...(stds.length > 0 ? { standards: stds } : {}),
      ...(reqs.length > 0 ? { requirements: reqs } : {}),
      ...(status === 'error' ? { status_detail: `Could not be decided: ${r.message}` } : {}),
    },
    resources: [
      {
        uid: r.resource.arn,
        type: r.resource.type,
        cloud_partition: a.snapshot.partition,
        ...(r.resource.name ? { name: r.resource.name } : {}),
        ...(region !== 'global' ? { region } : {}),
      },
    ],
    remediation: { desc: check.remediation },
    unmapped: {
      archscan: {
        checkId: check.id,
        status: m.status,
        evaluations: [...new Set(m.evaluations)].sort(),
        resourceId: r.resource.id,
        evidence: r.evidence,
        ...(m.waiverRefs.size > 0 ? { waivers: [...m.waiverRefs].sort() } : {}),
        ...(a.filters ? { filter: a.filters.statement } : {}),
      },
    },
  };
}

/** Every OCSF event of the assessment, streamed in the ASFF findings' order. */
export function* ocsfFindings(a: Assessment): Generator<OcsfComplianceFinding> {
  const requirements = requirementsByEvaluation(a);
  const standards = new Map<string, string[]>();
  for (const f of a.frameworks) {
    for (const c of f.controls) for (const k of c.evaluations) {
        const list = standards.get(k);
        if (list) list.push(f.title);
        else standards.set(k, [f.title]);
      }
  }
  const time = Date.parse(a.snapshot.collectedAt);
  for (const { check, m } of checkResources(a)) yield event(a, check, m, requirements, standards, time);
}

/** The events as a JSON array, one event per line. */
export const renderOcsf: Reporter = (a) =>
  rendered(function* () {
    let first = true;
    yield '[';
    for (const e of ocsfFindings(a)) {
      yield `${first ? '\n' : ',\n'}  ${JSON.stringify(e)}`;
      first = false;
    }
    yield first ? ']\n' : '\n]\n';
  });
