/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one run,
 * one rule per check, frameworks as taxonomies, one result per failing
 * (check, resource), failed calls as tool notifications. Manual controls are
 * taxa with `properties.manual` and the evidence to collect, and no results.
 */
import { gzipSync } from 'node:zlib';
import type {
  Invocation,
  Log,
  Notification,
  ReportingDescriptor,
  ReportingDescriptorReference,
  Result,
  Run,
  ToolComponent,
} from 'sarif';
import { describeCallError } from '../assess/call-errors.js';
import { findingFingerprint } from '../assess/identity.js';
import type { Assessment, ControlAssessment, Evaluation, WaiverOutcome } from '../assess/types.js';
import type { CheckResult, Severity } from '../checks/types.js';
import { rendered } from './stream.js';
import type { Reporter } from './types.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/archscan/archscan';

/**
 * GitHub's documented ingestion limits, as of 2026-12:
 * - results per run 25,000 (hard: the upload is rejected), of which "only the
 *   top 5,000 results will be included, prioritized by severity"; tags per
 *   rule 20: https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit
 * - 10 MB per gzip-compressed upload:
 *   https://docs.github.com/en/code-security/how-tos/scan-code-for-vulnerabilities/troubleshooting/troubleshooting-sarif-uploads/file-too-large
 */
export const GITHUB_LIMITS = {
  resultsPerRun: 25_000,
  resultsShownPerRun: 5_000,
  gzippedBytes: 10 * 1024 * 1024,
  tagsPerRule: 20,
} as const;

/** GitHub maps security-severity ≥ 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, < 4.0 low. */
export const SECURITY_SEVERITY = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' } as const satisfies Record<Severity, string>;
const LEVEL = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' } as const satisfies Record<Severity, Result.level>;
const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** The fingerprint key; bump the version only if the identity below changes. */
export const FINGERPRINT_KEY = 'archscanResource/v1';

// The identity lives in assess/ so `archscan diff` matches findings exactly as SARIF fingerprints them.
export { findingFingerprint };

/** primaryLocationLineHash of a finding whose fingerprint is already made. */
const lineHashOf = (fingerprint: string) => `${fingerprint.slice(0, 16)}:1`;

/**
 * `primaryLocationLineHash`, the key GitHub code scanning matches alerts by,
 * in the shape github/codeql-action writes (src/fingerprints.ts): a 64-bit
 * hash in hex, `:`, the occurrence number. The action hashes a source line;
 * our location is not a file, so the action computes nothing and keeps ours.
 * Ours is the first 64 bits of the finding's identity hash (check id + ARN),
 * and `:1` since one (check, resource) is one result.
 */
export function primaryLocationLineHash(checkId: string, arn: string): string {
  return lineHashOf(findingFingerprint(checkId, arn));
}

/** Where each rule is documented: its anchor in docs/checks.md (written by scripts/check-index.mjs). */
export const DOCS_URI = `${INFORMATION_URI}/blob/main/docs/checks.md`;
export const helpUri = (checkId: string) => `${DOCS_URI}#${checkId}`;

/**
 * The default category: one per account, never the framework list, so
 * `--framework` choices share alerts. The upload action's `category:` input
 * applies only to runs without `automationDetails` (it sets the id when it is
 * undefined), so `sarifCategory: false` leaves it out for the action to fill.
 */
export const defaultCategory = (accountId: string) => `archscan/${accountId}/`;

/** `aws/<account>/<region>/<service>/<type>/<id>`: a relative pseudo-path GitHub accepts as a location. */
export function resourceUri(r: CheckResult['resource']): string {
  const [, service = 'aws', type = 'resource'] = r.type.split('::');
  const kebab = type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
  return ['aws', r.account, r.region, service.toLowerCase(), kebab, r.id].map(encodeURIComponent).join('/');
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function evidenceText(evidence: Record<string, unknown>): string {
  const entries = Object.entries(evidence);
  return entries.length === 0 ? '' : ` Evidence: ${entries.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('; ')}`;
}

interface ControlRef {
  framework: string;
  frameworkIndex: number;
  control: string;
  controlIndex: number;
  /** ` (partial evidence; clause unverified)` for a control that is not attested, else empty. */
  caveat: string;
}

/** ` (partial evidence; clause unverified)`, or '' for an attested control. */
function caveatOf(c: ControlAssessment): string {
  const marks = [...(c.evidence === 'partial' ? ['partial evidence'] : []), ...(c.verified ? [] : ['clause unverified'])];
  return marks.length > 0 ? ` (${marks.join('; ')})` : '';
}

/** Which controls each evaluation evidences. */
function controlsByEvaluation(a: Assessment): Map<string, ControlRef[]> {
  const map = new Map<string, ControlRef[]>();
  a.frameworks.forEach((f, frameworkIndex) =>
    f.controls.forEach((c, controlIndex) => {
      for (const key of c.evaluations) {
        const list = map.get(key) ?? [];
        list.push({ framework: f.id, frameworkIndex, control: c.id, controlIndex, caveat: caveatOf(c) });
        map.set(key, list);
      }
    }),
  );
  return map;
}

const taxonRef = (c: ControlRef): ReportingDescriptorReference => ({
  id: c.control,
  index: c.controlIndex,
  toolComponent: { name: c.framework, index: c.frameworkIndex },
});

const uniqueRefs = (refs: ControlRef[]) =>
  [...new Map(refs.map((r) => [`${r.frameworkIndex}/${r.controlIndex}`, r])).values()].sort(
    (x, y) => x.frameworkIndex - y.frameworkIndex || x.controlIndex - y.controlIndex,
  );

/** One finding per (check, resource), merging the evaluations (param sets) that failed it. */
interface Finding {
  checkId: string;
  severity: Severity;
  result: CheckResult;
  /** The controls of each merged evaluation: shared lists, flattened only for the results written. */
  controlLists: ControlRef[][];
  evaluations: string[];
  /** True while every merged result is waived everywhere: then the finding is a suppression. */
  waived: boolean;
  waiverRefs: string[];
  /** findingFingerprint(checkId, arn), made when the finding is first rendered (it is rendered twice: to measure, then to write). */
  fingerprint?: string;
}

function groupFindings(a: Assessment, status: 'fail' | 'error', controls: Map<string, ControlRef[]>): Finding[] {
  const byId = new Map<string, Finding>();
  for (const ev of a.evaluations) {
    for (const result of ev.results) {
      if (result.status !== status) continue;
      const id = `${ev.checkId}\n${result.resource.arn}`;
      const f = byId.get(id);
      const waived = result.waiver?.everywhere === true;
      const refs = result.waiver?.refs ?? [];
      if (f) {
        f.controlLists.push(controls.get(ev.key) ?? []);
        f.evaluations.push(ev.key);
        f.waived &&= waived;
        f.waiverRefs.push(...refs);
      } else {
        byId.set(id, { checkId: ev.checkId, severity: result.severity ?? ev.severity, result, controlLists: [controls.get(ev.key) ?? []], evaluations: [ev.key], waived, waiverRefs: [...refs] });
      }
    }
  }
  return [...byId.values()].sort(
    (x, y) =>
      SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity] ||
      (x.checkId < y.checkId ? -1 : x.checkId > y.checkId ? 1 : 0) ||
      (x.result.resource.arn < y.result.resource.arn ? -1 : x.result.resource.arn > y.result.resource.arn ? 1 : 0),
  );
}

function rules(a: Assessment, controls: Map<string, ControlRef[]>, evaluations: Evaluation[]): ReportingDescriptor[] {
  return a.checks.map((check) => {
    const refs = uniqueRefs(evaluations.filter((e) => e.checkId === check.id).flatMap((e) => controls.get(e.key) ?? []));
    const tags = ['security', 'aws', ...check.frameworks].slice(0, GITHUB_LIMITS.tagsPerRule);
    const citations = refs.map((r) => `${r.framework} ${r.control}${r.caveat}`).join(', ');
    return {
      id: check.id,
      name: pascal(check.id),
      shortDescription: { text: check.title },
      fullDescription: { text: check.rationale },
      helpUri: helpUri(check.id),
      help: {
        text: `${check.rationale}\n\nRemediation: ${check.remediation}\n\nEvidences: ${citations}`,
        markdown: `${check.rationale}\n\n**Remediation:** ${check.remediation}\n\n**Evidences:** ${citations}\n\nResource type: \`${check.resourceType}\``,
      },
      defaultConfiguration: { level: LEVEL[check.severity] },
      relationships: refs.map((r) => ({ target: taxonRef(r), kinds: ['relevant'] })),
      properties: { tags, 'security-severity': SECURITY_SEVERITY[check.severity], precision: 'high', severity: check.severity },
    };
  });
}

function taxonomies(a: Assessment): ToolComponent[] {
  return a.frameworks.map((f) => {
    const component: ToolComponent = {
      name: f.id,
      fullName: f.title,
      version: f.version,
      organization: f.source.publisher,
      shortDescription: { text: f.source.document },
      isComprehensive: false,
      taxa: f.controls.map((c) => ({
        id: c.id,
        name: c.title,
        shortDescription: { text: c.title },
        // A control that is not attested says why, in the rule file's words.
        fullDescription: { text: c.note !== undefined && !c.attested ? `${c.source}. Note: ${c.note}` : c.source },
        properties: {
          verified: c.verified,
          evidence: c.evidence,
          attested: c.attested,
          status: c.status,
          ...(c.note !== undefined ? { note: c.note } : {}),
          ...(c.partial ? { partialCollect: c.partial.collect } : {}),
          ...(c.group ? { group: c.group } : {}),
          ...(c.appliesTo ? { appliesTo: c.appliesTo } : {}),
          // A manual control: no rule, no result; the evidence to collect travels with the taxon.
          ...(c.manual ? { manual: true, collect: c.manual.collect } : {}),
        },
      })),
    };
    if (f.source.url) component.informationUri = f.source.url;
    return component;
  });
}

/** SARIF suppressions for a finding every control waives: accepted, with the waivers' justification. */
function suppressions(f: Finding, waivers: Map<string, WaiverOutcome>): Result['suppressions'] {
  if (!f.waived) return undefined;
  return [...new Set(f.waiverRefs)].sort().map((ref) => {
    const w = waivers.get(ref)!;
    return {
      kind: 'external',
      status: 'accepted',
      justification: `${w.reason} (approved by ${w.approver}; expires ${w.expires})`,
      properties: { waiver: ref, approver: w.approver, expires: w.expires },
    };
  });
}

function toResult(f: Finding, ruleIndex: number, waivers: Map<string, WaiverOutcome>): Result {
  const r = f.result;
  const fingerprint = (f.fingerprint ??= findingFingerprint(f.checkId, r.resource.arn));
  const suppressed = suppressions(f, waivers);
  const refs = uniqueRefs(f.controlLists.flat());
  const citations = refs.map((c) => `${c.framework} ${c.control}${c.caveat}`).join(', ');
  return {
    ruleId: f.checkId,
    ruleIndex,
    level: LEVEL[f.severity],
    kind: 'fail',
    message: { text: `${r.message}.${evidenceText(r.evidence)} Controls: ${citations}.` },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: resourceUri(r.resource) }, region: { startLine: 1 } },
        logicalLocations: [{ name: r.resource.id, fullyQualifiedName: r.resource.arn, kind: 'resource' }],
      },
    ],
    partialFingerprints: {
      [FINGERPRINT_KEY]: fingerprint,
      primaryLocationLineHash: lineHashOf(fingerprint),
    },
    taxa: refs.map(taxonRef),
    ...(suppressed ? { suppressions: suppressed } : {}),
    properties: {
      resourceType: r.resource.type,
      region: r.resource.region,
      evidence: r.evidence,
      evaluations: [...new Set(f.evaluations)].sort(),
    },
  };
}

function invocation(a: Assessment, errors: Finding[]): Invocation {
  const notifications: Notification[] = [
    ...errors.map(
      (f): Notification => ({
        level: 'error',
        message: { text: `${f.checkId} could not decide ${f.result.resource.arn}: ${f.result.message}` },
        descriptor: { id: f.checkId },
        properties: { resource: f.result.resource.arn, evidence: f.result.evidence },
      }),
    ),
    ...a.callErrors.map(
      (e): Notification => ({
        level: 'warning',
        message: { text: describeCallError(e) },
        properties: { call: `${e.service}:${e.operation}`, region: e.region, code: e.code },
      }),
    ),
  ];
  return { executionSuccessful: a.complete, toolExecutionNotifications: notifications };
}

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const bySeverity = (fs: readonly Finding[]) => {
  const n: Partial<Record<Severity, number>> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of fs) n[f.severity] = (n[f.severity] ?? 0) + 1;
  return n;
};
const severityText = (n: Partial<Record<Severity, number>>) =>
  SEVERITIES.filter((s) => (n[s] ?? 0) > 0).map((s) => `${n[s]} ${s}`).join(', ');

/**
 * Results are items of `runs[0].results` (8 spaces deep in the pretty-printed
 * log), one compact line each, as the JSON report writes them: a third of the
 * bytes, and still one line per finding in a diff.
 */
const RESULT_INDENT = '        ';
const RESULTS_MARK = '\u0000results\u0000';
const resultText = (r: Result) => RESULT_INDENT + JSON.stringify(r);

/** Results per gzip block of the size estimate: far more than deflate's 32 KB window, so blocks compress almost as the whole does. */
const ESTIMATE_BLOCK = 256;
/** Verify the estimate with one real gzip when it comes within this share of the limit. */
const VERIFY_ABOVE = 0.8;

/**
 * How many of `count` result texts (most severe first; `textAt(i)` renders
 * the i-th) fit in `budget` gzipped bytes, estimated from blocks compressed
 * once each (linear; no re-render). Texts are rendered here only to be
 * measured: at 100k resources, holding 25,000 of them cost 35 MB until the
 * report was written.
 */
function fitGzip(count: number, textAt: (i: number) => string, budget: number): { kept: number; estimate: number } {
  let raw = 0;
  let used = 0;
  let overflow: { kept: number; estimate: number } | undefined;
  for (let start = 0; start < count; start += ESTIMATE_BLOCK) {
    const block: string[] = [];
    for (let i = start; i < Math.min(count, start + ESTIMATE_BLOCK); i++) block.push(textAt(i));
    for (const t of block) raw += Buffer.byteLength(t) + 2;
    if (overflow) continue;
    // Level 1: several times faster than the default the upload action uses, and never smaller in practice; verified below.
    const size = gzipSync(block.join(',\n'), { level: 1 }).length;
    if (used + size <= budget) {
      used += size;
      continue;
    }
    // The block that overflows: take its share that fits, at its own average size per result.
    const fits = Math.floor(((budget - used) / size) * block.length);
    overflow = { kept: start + fits, estimate: used + (size * fits) / block.length };
  }
  // Gzip never shrinks text by less than its own size minus a few bytes: under the budget raw, it fits gzipped.
  if (raw + 1024 <= budget) return { kept: count, estimate: raw };
  return overflow ?? { kept: count, estimate: used };
}

export const renderSarif: Reporter = (a, options) => {
  const controls = controlsByEvaluation(a);
  const ruleList = rules(a, controls, a.evaluations);
  const ruleIndex = new Map(ruleList.map((r, i) => [r.id, i]));
  const failures = groupFindings(a, 'fail', controls);
  // Grouped once: the skeleton is rendered more than once when results are cut.
  const errors = groupFindings(a, 'error', controls);
  const waiverRefs = new Map((a.waivers?.entries ?? []).map((w) => [w.ref, w]));
  const warnings: string[] = [];
  const category = options.sarifCategory === undefined ? defaultCategory(a.snapshot.accountId) : options.sarifCategory;

  const skeleton = (kept: number): string[] => {
    const total = failures.length;
    const shown = Math.min(kept, GITHUB_LIMITS.resultsShownPerRun);
    const run: Run = {
      tool: {
        driver: {
          name: 'archscan',
          version: a.tool.version,
          semanticVersion: a.tool.version,
          informationUri: INFORMATION_URI,
          rules: ruleList,
          supportedTaxonomies: a.frameworks.map((f, index) => ({ name: f.id, index })),
        },
      },
      taxonomies: taxonomies(a),
      ...(category === false ? {} : { automationDetails: { id: category.endsWith('/') ? category : `${category}/` } }),
      invocations: [invocation(a, errors)],
      results: kept > 0 ? [RESULTS_MARK as unknown as Result] : [],
      properties: {
        account: a.snapshot.accountId,
        regions: a.snapshot.regions,
        snapshotCollectedAt: a.snapshot.collectedAt,
        scores: Object.fromEntries(a.frameworks.map((f) => [f.id, f.score])),
        scoresAttested: Object.fromEntries(a.frameworks.map((f) => [f.id, f.scoreAttested])),
        scope: Object.fromEntries(a.frameworks.map((f) => [f.id, f.scope])),
        // Nothing is cut or hidden without the run saying so (and stderr, below).
        ...(kept < total ? { truncated: { kept, total, cut: bySeverity(failures.slice(kept)) } } : {}),
        ...(shown < kept ? { githubShows: { shown, stored: kept, notShown: bySeverity(failures.slice(shown, kept)) } } : {}),
        ...(a.filters ? { filters: a.filters } : {}),
      },
    };
    const text = `${JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] } satisfies Log, null, 2)}\n`;
    if (kept === 0) return [text];
    const at = text.indexOf(`${RESULT_INDENT}${JSON.stringify(RESULTS_MARK)}`);
    const end = at + RESULT_INDENT.length + JSON.stringify(RESULTS_MARK).length;
    return [text.slice(0, at), text.slice(end)];
  };

  // At most 25,000 results, however large the account; each is rendered to be measured, then again as it is written.
  const candidates = Math.min(failures.length, GITHUB_LIMITS.resultsPerRun);
  const textAt = (i: number) => resultText(toResult(failures[i]!, ruleIndex.get(failures[i]!.checkId)!, waiverRefs));
  const frame = skeleton(candidates);
  const frameBytes = gzipSync(frame.join('')).length;
  let { kept, estimate } = fitGzip(candidates, textAt, GITHUB_LIMITS.gzippedBytes - frameBytes);
  let parts = skeleton(kept);
  function* pieces(): Generator<string> {
    if (kept === 0) {
      yield* parts;
      return;
    }
    yield parts[0]!;
    for (let i = 0; i < kept; i++) yield i < kept - 1 ? `${textAt(i)},\n` : textAt(i);
    yield parts[1]!;
  }
  if (estimate + frameBytes > GITHUB_LIMITS.gzippedBytes * VERIFY_ABOVE) {
    // Near the limit: measure the real output, and step back until it fits (rarely more than once).
    while (kept > 0 && gzipSync([...pieces()].join('')).length > GITHUB_LIMITS.gzippedBytes) {
      kept = Math.floor(kept * 0.95);
      parts = skeleton(kept);
    }
  }

  const total = failures.length;
  if (kept < total) {
    const why =
      kept < Math.min(total, GITHUB_LIMITS.resultsPerRun)
        ? `${GITHUB_LIMITS.gzippedBytes / 1024 / 1024} MB gzipped per upload`
        : `${GITHUB_LIMITS.resultsPerRun.toLocaleString('en-US')} results per run`;
    warnings.push(
      `SARIF holds ${kept} of ${total} failing results: GitHub accepts at most ${why}; ` +
        `cut ${total - kept}, least severe first (${severityText(bySeverity(failures.slice(kept)))}; run property "truncated"). ` +
        'Every result is in --format json; or scan fewer regions per job, each with its own --sarif-category (docs/ci.md).',
    );
  }
  if (kept > GITHUB_LIMITS.resultsShownPerRun) {
    warnings.push(
      `GitHub code scanning keeps only the ${GITHUB_LIMITS.resultsShownPerRun.toLocaleString('en-US')} most severe results of a run: ` +
        `${kept - GITHUB_LIMITS.resultsShownPerRun} of the ${kept} in this SARIF will not be shown ` +
        `(${severityText(bySeverity(failures.slice(GITHUB_LIMITS.resultsShownPerRun, kept)))}; run property "githubShows").`,
    );
  }
  return rendered(pieces, warnings);
};
