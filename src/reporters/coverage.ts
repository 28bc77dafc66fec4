/**
 * The coverage matrix (`archscan frameworks --coverage`, docs/coverage.md):
 * per framework, each control, whether checks evidence it (automated), evidence
 * part of it (partial: the rest is collected by hand) or an auditor collects
 * the evidence by hand (manual), its checks with the params that differ from
 * the defaults, and whether its clause is verified. Pure: rule sets in, text
 * out; the order is the rule sets' own, so output is stable.
 */
import { evidenceOf, type ControlIdentity, type EvidenceKind, type RuleSet, type RuleSetSource } from '../rules/types.js';

export const COVERAGE_FORMATS = ['text', 'json', 'markdown'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

export interface CoverageCheck {
  id: string;
  /** Only the params that differ from the check's defaults. */
  params: Record<string, unknown>;
}

export interface CoverageControl extends ControlIdentity {
  kind: EvidenceKind;
  /** Empty for a manual control. */
  checks: CoverageCheck[];
  /** On a manual control: what an auditor should collect; on a partial one: what completes its checks. */
  collect?: string;
}

export interface CoverageCounts {
  controls: number;
  automated: number;
  /** Partially evidenced: checks show part of the control, the rest is collected by hand. */
  partial: number;
  manual: number;
  /** Controls whose clause number could not be checked against the regulator's text. */
  unverified: number;
}

export interface CoverageFramework {
  id: string;
  title: string;
  version: string;
  source: RuleSetSource;
  counts: CoverageCounts;
  controls: CoverageControl[];
}

export interface Coverage {
  frameworks: CoverageFramework[];
  totals: CoverageCounts;
}

export function buildCoverage(ruleSets: RuleSet[]): Coverage {
  const frameworks = ruleSets.map((set): CoverageFramework => {
    const controls = set.controls.map((c): CoverageControl => {
      const out: CoverageControl = { id: c.id, title: c.title, source: c.source, verified: c.verified, kind: evidenceOf(c), checks: [] };
      if (c.group !== undefined) out.group = c.group;
      if (c.appliesTo !== undefined) out.appliesTo = [...c.appliesTo];
      if (c.note !== undefined) out.note = c.note;
      // The same (check, params) twice in one control is shown once.
      const seen = new Set<string>();
      for (const k of c.checks) {
        if (seen.has(k.evaluationKey)) continue;
        seen.add(k.evaluationKey);
        out.checks.push({ id: k.checkId, params: { ...k.changedParams } });
      }
      if (c.manual) out.collect = c.manual.collect;
      if (c.partial) out.collect = c.partial.collect;
      return out;
    });
    return { id: set.id, title: set.title, version: set.version, source: { ...set.source }, counts: countsOf(controls), controls };
  });
  return { frameworks, totals: countsOf(frameworks.flatMap((f) => f.controls)) };
}

function countsOf(controls: CoverageControl[]): CoverageCounts {
  const of = (kind: EvidenceKind) => controls.filter((c) => c.kind === kind).length;
  return { controls: controls.length, automated: of('automated'), partial: of('partial'), manual: of('manual'), unverified: controls.filter((c) => !c.verified).length };
}

export function renderCoverage(ruleSets: RuleSet[], format: CoverageFormat): string {
  const coverage = buildCoverage(ruleSets);
  switch (format) {
    case 'json':
      return `${JSON.stringify(coverage, null, 2)}\n`;
    case 'markdown':
      return coverageMarkdown(coverage);
    case 'text':
      return coverageText(coverage);
  }
}

/** `name: value` for each param (keys are sorted by the loader), values as JSON with strings unquoted. */
function paramList(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}

function checkLabel(k: CoverageCheck): string {
  return Object.keys(k.params).length === 0 ? k.id : `${k.id} (${paramList(k.params)})`;
}

const countLine = (n: CoverageCounts) =>
  `${n.controls} controls: ${n.automated} automated, ${n.partial} partial, ${n.manual} manual${n.unverified > 0 ? `; ${n.unverified} with the clause unverified` : ''}`;

function coverageText(coverage: Coverage): string {
  const out: string[] = [];
  for (const f of coverage.frameworks) {
    if (out.length > 0) out.push('');
    out.push(`${f.id}  ${f.title} (${f.version})`);
    out.push(`  ${countLine(f.counts)}`);
    const width = Math.max(...f.controls.map((c) => c.id.length));
    const pad = ' '.repeat(width + 15);
    for (const c of f.controls) {
      out.push(`  ${c.id.padEnd(width)}  ${c.kind.padEnd(9)}  ${c.title}${c.verified ? '' : ' (clause unverified)'}`);
      out.push(`${pad}source: ${c.source}`);
      if (c.group !== undefined) out.push(`${pad}group: ${c.group}`);
      if (c.appliesTo !== undefined) out.push(`${pad}applies to: ${c.appliesTo.join(', ')}`);
      if (c.kind === 'manual') out.push(`${pad}collect: ${c.collect}`);
      else out.push(`${pad}checks: ${c.checks.map(checkLabel).join(', ')}`);
      if (c.kind === 'partial') out.push(`${pad}also collect: ${c.collect}`);
      if ((c.kind === 'partial' || !c.verified) && c.note !== undefined) out.push(`${pad}note: ${c.note}`);
    }
  }
  out.push('');
  out.push(`total  ${countLine(coverage.totals)}`);
  return `${out.join('\n')}\n`;
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').trim();
}

function coverageMarkdown(coverage: Coverage): string {
  const out: string[] = [
    '# Control coverage',
    '',
    '<!-- Generated from rules/*.yaml by `npm run coverage` (the same text as',
    '`archscan frameworks --coverage --format markdown`). Do not edit by hand:',
    'test/coverage.test.ts fails when this file is stale. -->',
    '',
    'For each framework, every control archscan knows: **automated** when checks',
    'evidence it (parameters are shown where they differ from the check\'s defaults,',
    'see [checks.md](checks.md)); **partial** when checks show only part of it',
    '(supporting evidence or a weak proxy: the note says what they do not show, and',
    'the auditor collects the rest); **manual** when no AWS check can, with what an',
    'auditor should collect instead. Manual controls appear in every report with',
    'status `manual`; they are never scored and never count as a pass. Partial',
    'controls are scored, shown as partial in every report, and left out of the',
    'attested score. "Verified: no" means the clause number could not be checked',
    'against the regulator\'s own text (the note says what to look up); such',
    'controls are left out of the attested score too.',
    '',
    '| framework | id | controls | automated | partial | manual | clause unverified |',
    '|---|---|--:|--:|--:|--:|--:|',
  ];
  for (const f of coverage.frameworks) {
    const n = f.counts;
    out.push(`| [${cell(f.title)}](#${f.id}) | \`${f.id}\` | ${n.controls} | ${n.automated} | ${n.partial} | ${n.manual} | ${n.unverified} |`);
  }
  const t = coverage.totals;
  out.push(`| **total** | | ${t.controls} | ${t.automated} | ${t.partial} | ${t.manual} | ${t.unverified} |`);

  for (const f of coverage.frameworks) {
    const groups = f.controls.some((c) => c.group !== undefined);
    const appliesTo = f.controls.some((c) => c.appliesTo !== undefined);
    const src = f.source;
    out.push('', `<a id="${f.id}"></a>`, '', `## ${cell(f.title)}`, '');
    out.push(`Id \`${f.id}\` · version: ${cell(f.version)} · ${countLine(f.counts)}.`, '');
    out.push(`Source: ${cell(src.document)}; ${cell(src.publisher)}, ${src.date}${src.url ? ` (<${src.url}>)` : ''}.`, '');
    const head = ['control', 'title', 'source', ...(groups ? ['group'] : []), ...(appliesTo ? ['applies to'] : []), 'coverage', 'checks, or evidence to collect', 'verified', 'note'];
    out.push(`| ${head.join(' | ')} |`);
    out.push(`|${head.map(() => '---').join('|')}|`);
    for (const c of f.controls) {
      const checks = c.checks.map((k) => `\`${k.id}\`${Object.keys(k.params).length > 0 ? ` (${cell(paramList(k.params))})` : ''}`).join('<br>');
      const evidence =
        c.kind === 'manual' ? `collect: ${cell(c.collect ?? '')}` : c.kind === 'partial' ? `${checks}<br>also collect: ${cell(c.collect ?? '')}` : checks;
      const row = [
        cell(c.id),
        cell(c.title),
        cell(c.source),
        ...(groups ? [cell(c.group ?? '')] : []),
        ...(appliesTo ? [cell((c.appliesTo ?? []).join(', '))] : []),
        c.kind === 'partial' ? '**partial**' : c.kind,
        evidence,
        c.verified ? 'yes' : '**no**',
        cell(c.note ?? ''),
      ];
      out.push(`| ${row.join(' | ')} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
