import { subsetParts, type ControlScore } from '../assess/assess.js';
import { addCounts, score, SCORE_FORMULA, SEVERITY_WEIGHTS, statusOf } from '../assess/score.js';
import type { Counts, Evaluation, FrameworkAssessment } from '../assess/types.js';
import { resultKey } from '../assess/waive.js';
import type { OrgAccount, OrgAssessment, OrgFramework } from './types.js';

export const ORG_SCORE_FORMULA =
  'organisation score of a framework = the account score formula over the results of every scanned account together: ' +
  '100 × Σ weight(pass) / Σ weight(pass + fail + error) summed over accounts, so a large account weighs more than a small one; ' +
  'accounts that could not be scanned add no results (the report is then incomplete); null when no account decided anything.';

type Part = { counts: Counts; severity: Evaluation['severity'] };

/** The parts a framework's score is computed from in one account (attested controls only, if asked). */
function frameworkParts(f: FrameworkAssessment, evaluations: ReadonlyMap<string, Evaluation>, attestedOnly: boolean) {
  const controls: ControlScore[] = f.controls
    .filter((c) => !attestedOnly || c.attested)
    .map((c) => ({ keys: c.evaluations, waived: c.waivedResults.map((w) => resultKey(w.evaluation, w.arn)), attested: c.attested }));
  return subsetParts(controls, evaluations);
}

/**
 * The organisation report from its account sections, and nothing else: a
 * single run and a merge of shard reports over the same accounts give the
 * same bytes. Frameworks are those of the scanned accounts (all alike; the
 * caller checks).
 */
export function organizationReport(accounts: readonly OrgAccount[], toolVersion: string): OrgAssessment {
  const sorted = [...accounts].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  const scanned = sorted.flatMap((a) => (a.status === 'scanned' ? [a] : []));
  const first = scanned[0]?.assessment;
  const frameworks: OrgFramework[] = (first?.frameworks ?? []).map((template) => {
    const all: Part[] = [];
    const raw: Part[] = [];
    const attested: Part[] = [];
    let waived = 0;
    const perAccount: OrgFramework['accounts'] = [];
    for (const { accountId, assessment } of scanned) {
      const f = assessment.frameworks.find((x) => x.id === template.id);
      if (!f) continue;
      const evaluations = new Map(assessment.evaluations.map((e) => [e.key, e]));
      const whole = frameworkParts(f, evaluations, false);
      // Pushed one by one: never spread a list of unknown length into push.
      for (const p of whole.parts) all.push(p);
      for (const e of whole.raw) raw.push(e);
      for (const p of frameworkParts(f, evaluations, true).parts) attested.push(p);
      waived += f.waived;
      perAccount.push({ accountId, score: f.score, status: f.status });
    }
    const counts = addCounts(all);
    return {
      id: template.id,
      title: template.title,
      version: template.version,
      status: statusOf(counts),
      score: score(all),
      scoreAttested: score(attested),
      scoreCountingWaived: score(raw),
      counts,
      waived,
      accounts: perAccount,
    };
  });
  const count = (s: OrgAccount['status']) => sorted.filter((a) => a.status === s).length;
  return {
    schemaVersion: 1,
    kind: 'organization',
    tool: { name: 'archscan', version: toolVersion },
    scoring: { formula: SCORE_FORMULA, organizationFormula: ORG_SCORE_FORMULA, weights: { ...SEVERITY_WEIGHTS } },
    complete: sorted.every((a) => a.status !== 'error' && (a.status !== 'scanned' || a.assessment.complete)),
    organization: {
      accounts: { listed: sorted.length, scanned: scanned.length, error: count('error'), skipped: count('skipped') },
      frameworks,
    },
    accounts: sorted,
  };
}
