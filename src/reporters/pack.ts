/**
 * The VAPT audit pack as data: what the Markdown and HTML reporters both
 * render, in the assessment's own order (already sorted), so the two stay in
 * step and neither recomputes a number the assessment already holds.
 */
import type { AssessedResult, Assessment, CheckInfo, ControlAssessment, ControlStatus, Evaluation, FrameworkAssessment } from '../assess/types.js';
import type { Severity } from '../checks/types.js';
import type { ChangeKind, FindingChange, FindingState, ReportDiff } from '../diff/types.js';
import { isExpectedCallError } from '../assess/call-errors.js';
import type { CallError } from '../snapshot/types.js';
import type { ReporterOptions } from './types.js';

export const STATUS_LABEL = {
  fail: 'FAIL',
  error: 'ERROR',
  pass: 'PASS',
  not_applicable: 'N/A',
  manual: 'MANUAL',
} as const satisfies Record<ControlStatus, string>;

export const CHANGE_LABEL = {
  new: 'New',
  fixed: 'Fixed',
  persisting: 'Persisting',
  newly_waived: 'Newly waived',
  undetermined: 'Undetermined',
} as const satisfies Record<ChangeKind, string>;

export const fmtScore = (s: number | null): string => (s === null ? 'n/a' : s.toFixed(1));

/** A score change with its sign: `+2.5`, `-0.3`, `0.0`. */
export const fmtChange = (d: number | null): string => (d === null ? 'n/a' : d > 0 ? `+${d.toFixed(1)}` : d.toFixed(1));

/** Evidence longer than this is cut in the pack (the JSON and CSV reports keep it whole). */
export const EVIDENCE_MAX = 2000;

/**
 * Failing resources listed per check within a control, and undetermined
 * results listed in all: a pack is read by people, and an account with 100k
 * failures must still give a file a browser opens. The JSON and CSV reports
 * list every one; the pack says how many it left out.
 */
export const PACK_LISTED = 100;
export const PACK_ERRORS_LISTED = 500;

const CUT_MARK = '… (cut; the JSON report has it whole)';

/**
 * Evidence pretty-printed (two-space JSON, a value per line), cut at a line
 * boundary past EVIDENCE_MAX characters so no value is split; only a single
 * line longer than that on its own is cut within, and says so.
 */
export function evidenceJson(evidence: Record<string, unknown>): string {
  const text = prettyJsonText(evidence);
  if (text.length <= EVIDENCE_MAX) return text;
  const end = text.lastIndexOf('\n', EVIDENCE_MAX);
  return end > 0 ? `${text.slice(0, end)}\n${CUT_MARK}` : `${text.slice(0, EVIDENCE_MAX)} ${CUT_MARK}`;
}

/** Evidence lines: a value that fits in this many characters stays on one line. */
const EVIDENCE_WIDTH = 76;

/**
 * JSON with a space after every `:` and `,` (the only places a line may
 * wrap), a key per line, and any object or array that fits in
 * EVIDENCE_WIDTH on one line kept there: short evidence stays short.
 */
export function prettyJsonText(value: unknown, indent = ''): string {
  const flat = inline(value);
  if (flat.length + indent.length <= EVIDENCE_WIDTH || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + prettyJsonText(v ?? null, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettyJsonText(v, inner)}`).join(',\n')}\n${indent}}`;
}

function inline(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => inline(v ?? null)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')}}`;
}

/** Findings in the ranked summary at the top of the pack. */
export const TOP_FINDINGS = 10;

/** A distinct failing (check, resource), with the selected controls it breaks. */
export interface TopFinding {
  check: CheckInfo;
  severity: Severity;
  result: AssessedResult;
  /** `framework:control`, distinct, in assessment order. */
  controls: string[];
}

/** What the pack says about its own making: the only values not from the assessment. */
export interface Provenance {
  /** ISO 8601, from the CLI (SOURCE_DATE_EPOCH pins it). */
  generatedAt?: string;
  /** SHA-256 of the snapshot file the scan read. */
  snapshotSha256?: string;
}

/** The pack's scope statement: what this document is, and what it is not. */
export const SCOPE_STATEMENT = [
  'This pack is a configuration review of one AWS account, made to prepare for a vulnerability assessment and penetration test (VAPT). It is not a VAPT, and not a penetration test.',
  'It was made from a read-only snapshot of AWS API answers (the account\u2019s control-plane configuration) at the collection time above, in the regions and for the services listed per framework. Nothing was probed over the network, scanned for open ports, exploited, or logged into; no operating system, application, container image, database content or source code was examined.',
  'A pass means the configuration read showed the checked state at that time; it does not show that a system is free of vulnerabilities. Controls marked partial or manual need evidence collected by hand (see Manual evidence to collect). Results marked ERROR could not be decided.',
] as const;

/** The lines of the sign-off block, each with space for a name, signature and date. */
export const SIGN_OFF_ROLES = ['Prepared by', 'Reviewed by', 'Accepted by (account owner)'] as const;

/** `2026-09-30` from `2026-09-30T10:00:00Z`: the baseline's own date, for its section title. */
export const dayOf = (iso: string) => (/^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso);

/** The title of the change section: the baseline's own date, never a period name. */
export const baselineTitle = (d: ReportDiff) => `Change since the scan of ${dayOf(d.old.collectedAt)}`;

/** How the pack names a control's evidence kind. */
export const EVIDENCE_LABEL = { automated: 'automated', partial: 'partial', manual: 'manual' } as const satisfies Record<ControlAssessment['evidence'], string>;

/** A control's status as the pack prints it: a partially evidenced pass is never a bare PASS. */
export function statusLabel(c: Pick<ControlAssessment, 'status' | 'evidence'>): string {
  return c.evidence === 'partial' && c.status === 'pass' ? 'PASS (partial)' : STATUS_LABEL[c.status];
}

/** The words after a control's title: partial evidence, unverified clause. */
export function caveatMarks(c: Pick<ControlAssessment, 'evidence' | 'verified'>): string[] {
  return [...(c.evidence === 'partial' ? ['partial evidence'] : []), ...(c.verified ? [] : ['clause unverified'])];
}

/** One failing result shown under a control; `waiver` is the ref of the waiver that applied in this control. */
export interface Finding {
  result: AssessedResult;
  waiver?: string;
}

/** A check's failing results within one control, with the check's rationale and remediation. */
export interface CheckFindings {
  key: string;
  check: CheckInfo;
  severity: Severity;
  /** The first PACK_LISTED failing results. */
  findings: Finding[];
  /** How many results fail (or are waived) in all. */
  total: number;
}

export interface ControlSection {
  control: ControlAssessment;
  /** Check ids evidencing it (distinct, in evaluation order). */
  checkIds: string[];
  /** Only checks with failing (or waived) results. */
  checks: CheckFindings[];
}

export interface FrameworkSection {
  framework: FrameworkAssessment;
  controls: ControlSection[];
  /** Controls with failing or waived results. */
  failing: ControlSection[];
  manual: ControlAssessment[];
  /** Partially evidenced controls: their checks are scored, the rest is collected by hand. */
  partial: ControlAssessment[];
  /** Controls that are not attested (partial evidence, or the clause unverified), shown with the rule file's note. */
  caveats: ControlAssessment[];
}

/** A distinct `error` result: the scan could not decide it. */
export interface ErrorFinding {
  key: string;
  check: CheckInfo;
  result: AssessedResult;
  /** `framework:control` of every selected control it evidences. */
  controls: string[];
}

export interface Change {
  change: FindingChange;
  /** `framework:control` of the controls where the finding changed the same way (new there, fixed there). */
  controls: string[];
}

export interface ChangeSection {
  diff: ReportDiff;
  /** Caveats to print with the comparison. */
  notes: string[];
  /** The first PACK_ERRORS_LISTED new and fixed findings, and how many there are in all. */
  added: Change[];
  fixed: Change[];
  addedTotal: number;
  fixedTotal: number;
}

export interface Pack {
  assessment: Assessment;
  provenance: Provenance;
  /** The TOP_FINDINGS most severe failing findings, breaking most controls first. */
  top: TopFinding[];
  /** How many distinct failing (check, resource) findings there are (waived ones left out). */
  findingTotal: number;
  /** Failed calls that are failures of the scan ("Errors"). */
  callErrors: CallError[];
  /** Failed calls that are answers (does not apply, not set up): notes, never errors. */
  notApplicableCalls: CallError[];
  frameworks: FrameworkSection[];
  /** The first PACK_ERRORS_LISTED undetermined results. */
  errors: ErrorFinding[];
  /** How many results are undetermined in all. */
  errorTotal: number;
  /** Frameworks with manual or partially evidenced controls only (evidence an auditor collects by hand). */
  manual: FrameworkSection[];
  baseline?: ChangeSection;
}

function checkInfo(byId: Map<string, CheckInfo>, ev: Evaluation): CheckInfo {
  // Every evaluated check is in `assessment.checks`; the fallback keeps a hand-built assessment renderable.
  return (
    byId.get(ev.checkId) ?? {
      id: ev.checkId,
      title: ev.checkId,
      severity: ev.severity,
      resourceType: '',
      rationale: '',
      remediation: '',
      frameworks: [],
    }
  );
}

export function buildPack(a: Assessment, options: Partial<ReporterOptions> = {}): Pack {
  const evaluations = new Map(a.evaluations.map((e) => [e.key, e]));
  const checks = new Map(a.checks.map((c) => [c.id, c]));

  const frameworks = a.frameworks.map((framework): FrameworkSection => {
    const controls = framework.controls.map((control): ControlSection => {
      const waived = new Map(control.waivedResults.map((w) => [`${w.evaluation}\n${w.arn}`, w.waiver]));
      const parts = control.evaluations.map((k) => evaluations.get(k)).filter((e): e is Evaluation => e !== undefined);
      const sections: CheckFindings[] = [];
      for (const ev of parts) {
        const findings: Finding[] = [];
        let total = 0;
        for (const result of ev.results) {
          if (result.status !== 'fail') continue;
          total++;
          if (findings.length >= PACK_LISTED) continue;
          const ref = waived.get(`${ev.key}\n${result.resource.arn}`);
          findings.push(ref === undefined ? { result } : { result, waiver: ref });
        }
        if (total > 0) sections.push({ key: ev.key, check: checkInfo(checks, ev), severity: ev.severity, findings, total });
      }
      return { control, checkIds: [...new Set(parts.map((e) => e.checkId))], checks: sections };
    });
    return {
      framework,
      controls,
      failing: controls.filter((c) => c.checks.length > 0),
      manual: framework.controls.filter((c) => c.manual !== undefined),
      partial: framework.controls.filter((c) => c.partial !== undefined),
      caveats: framework.controls.filter((c) => c.evidence === 'partial' || !c.verified),
    };
  });

  // Which selected controls each evaluation evidences, for the error list.
  const citedBy = new Map<string, string[]>();
  for (const f of a.frameworks) {
    for (const c of f.controls) {
      for (const k of c.evaluations) {
        const list = citedBy.get(k);
        if (list) list.push(`${f.id}:${c.id}`);
        else citedBy.set(k, [`${f.id}:${c.id}`]);
      }
    }
  }
  const errors: ErrorFinding[] = [];
  let errorTotal = 0;
  for (const ev of a.evaluations) {
    for (const result of ev.results) {
      if (result.status !== 'error') continue;
      errorTotal++;
      if (errors.length < PACK_ERRORS_LISTED) errors.push({ key: ev.key, check: checkInfo(checks, ev), result, controls: citedBy.get(ev.key) ?? [] });
    }
  }

  const { top, total: findingTotal } = topFindings(a, checks, citedBy);
  const provenance: Provenance = {
    ...(options.generatedAt !== undefined ? { generatedAt: options.generatedAt } : {}),
    ...(options.snapshotSha256 !== undefined ? { snapshotSha256: options.snapshotSha256 } : {}),
  };
  const pack: Pack = {
    assessment: a,
    provenance,
    top,
    findingTotal,
    callErrors: a.callErrors.filter((e) => !isExpectedCallError(e)),
    notApplicableCalls: a.callErrors.filter(isExpectedCallError),
    frameworks,
    errors,
    errorTotal,
    manual: frameworks.filter((f) => f.manual.length > 0 || f.partial.length > 0),
  };
  if (a.baseline) pack.baseline = changeSection(a.baseline);
  return pack;
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/**
 * Distinct failing (check, resource) findings not waived everywhere, ranked
 * by severity, then by how many selected controls they break, then check id
 * and ARN; the first TOP_FINDINGS. One pass, one sort.
 */
function topFindings(a: Assessment, checks: Map<string, CheckInfo>, citedBy: Map<string, string[]>): { top: TopFinding[]; total: number } {
  const byId = new Map<string, { ev: Evaluation; result: AssessedResult; controls: Set<string> }>();
  for (const ev of a.evaluations) {
    const cited = citedBy.get(ev.key) ?? [];
    for (const result of ev.results) {
      if (result.status !== 'fail' || result.waiver?.everywhere === true) continue;
      const id = `${ev.checkId}\n${result.resource.arn}`;
      const f = byId.get(id);
      if (f) for (const c of cited) f.controls.add(c);
      else byId.set(id, { ev, result, controls: new Set(cited) });
    }
  }
  const all = [...byId.values()];
  all.sort(
    (x, y) =>
      SEVERITY_RANK[x.ev.severity] - SEVERITY_RANK[y.ev.severity] ||
      y.controls.size - x.controls.size ||
      (x.ev.checkId < y.ev.checkId ? -1 : x.ev.checkId > y.ev.checkId ? 1 : 0) ||
      (x.result.resource.arn < y.result.resource.arn ? -1 : x.result.resource.arn > y.result.resource.arn ? 1 : 0),
  );
  const top = all.slice(0, TOP_FINDINGS).map((f) => ({ check: checkInfo(checks, f.ev), severity: f.ev.severity, result: f.result, controls: [...f.controls] }));
  return { top, total: all.length };
}

function changeSection(diff: ReportDiff): ChangeSection {
  const rows = (kind: ChangeKind): Change[] => {
    const controls = new Map<string, string[]>();
    for (const f of diff.frameworks) {
      for (const c of f.controls) {
        for (const fp of c.byKind[kind]) controls.set(fp, [...(controls.get(fp) ?? []), `${f.id}:${c.id}`]);
      }
    }
    return diff.findings.filter((c) => c.change === kind).map((change) => ({ change, controls: controls.get(change.fingerprint) ?? [] }));
  };
  const added = rows('new');
  const fixed = rows('fixed');
  return {
    diff,
    notes: comparisonNotes(diff),
    added: added.slice(0, PACK_ERRORS_LISTED),
    fixed: fixed.slice(0, PACK_ERRORS_LISTED),
    addedTotal: added.length,
    fixedTotal: fixed.length,
  };
}

/** Caveats of a comparison: an incomplete side, frameworks in one report only. */
function comparisonNotes(d: ReportDiff): string[] {
  const notes: string[] = [];
  if (!d.old.complete) notes.push('The older scan was incomplete (it had ERROR results): a finding it could not decide may show as new.');
  if (!d.new.complete) notes.push('This scan is incomplete (it has ERROR results): a finding it cannot decide shows as undetermined, not fixed.');
  const only = (ids: string[], where: string) => ids.length > 0 && notes.push(`Not compared, only in ${where}: ${ids.join(', ')}.`);
  only(d.frameworksOnlyIn.old, 'the older report');
  only(d.frameworksOnlyIn.new, 'this report');
  return notes;
}

/** A finding's state in words, for "before → now". */
export const STATE_LABEL = {
  fail: 'fail',
  waived: 'waived',
  error: 'error',
  pass: 'pass',
  not_applicable: 'n/a',
  absent: 'gone',
} as const satisfies Record<FindingState, string>;

/** `id (name)` when the resource has a distinct name. */
/** The line under a list cut at its limit, or undefined when nothing was cut. */
export function notListed(shown: number, total: number): string | undefined {
  return total > shown ? `${total - shown} more not listed here (${shown} of ${total} shown); the JSON and CSV reports list every one.` : undefined;
}

export function resourceLabel(r: AssessedResult['resource']): string {
  return r.name && r.name !== r.id ? `${r.id} (${r.name})` : r.id;
}

/** What a waiver applies to, as one phrase. */
export function waiverScope(w: { check?: string; control?: string }): string {
  if (w.check !== undefined) return `check ${w.check}`;
  if (w.control !== undefined) return `control ${w.control}`;
  return '';
}

/** Regions and services looked at, and what a pass means. */
export function scopeText(f: FrameworkAssessment): string {
  const s = f.scope;
  const skipped = s.regionsNotScanned.length > 0 ? s.regionsNotScanned.map((r) => `${r.region} (${r.reason})`).join('; ') : 'none recorded';
  return `Regions scanned: ${s.regionsScanned.join(', ') || 'none'}. Regions not scanned: ${skipped}. Services read: ${s.servicesRead.join(', ') || 'none'}. ${s.statement}`;
}

/** The counts of controls by evidence, and both scores. */
export function evidenceText(f: FrameworkAssessment): string {
  const e = f.controlEvidence;
  return (
    `${e.attested} attested, ${e.partial} partially evidenced, ${e.unverified} with the clause unverified, ${e.manual} manual. ` +
    `Score over attested controls ${fmtScore(f.scoreAttested)}; over all scored controls ${fmtScore(f.score)}.`
  );
}
