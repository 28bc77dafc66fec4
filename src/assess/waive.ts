/**
 * Applying waivers to failing results. A check waiver covers its check's
 * failing results in every control; a control waiver (`framework:control`)
 * only within that control, so the same result can still fail another
 * framework's control. Only `fail` results are waived: an `error` is not a
 * known risk that anyone could have accepted.
 */
import { resourceMatches, type Waiver } from '../rules/waivers.js';
import type { Evaluation, ResultWaiver, WaivedResult, WaiverOutcome, WaiverReport, WaiverState } from './types.js';

/** How reports name each state. */
export const WAIVER_STATE_LABEL: Record<WaiverState, string> = { active: 'ACTIVE', expired: 'EXPIRED', stale: 'STALE', out_of_scope: 'OUT OF SCOPE' };

/** One control, as far as waivers care: where it sits and which evaluations evidence it. */
export interface ControlScope {
  framework: string;
  control: string;
  evaluations: string[];
}

export interface WaiverInput {
  waivers: Waiver[];
  /** YYYY-MM-DD: a waiver applies up to and including its `expires` day. */
  asOf: string;
}

export interface WaiverApplication {
  /** `framework:control` → the failing results waived in it. */
  byControl: Map<string, WaivedResult[]>;
  /** `evaluation\narn` → how the result was waived, for results some control waived. */
  byResult: Map<string, ResultWaiver>;
  report: WaiverReport;
}

export const resultKey = (evaluation: string, arn: string) => `${evaluation}\n${arn}`;

export function applyWaivers(scopes: ControlScope[], evaluations: Map<string, Evaluation>, input: WaiverInput): WaiverApplication {
  const active = input.waivers.filter((w) => w.expires >= input.asOf);
  const byControl = new Map<string, WaivedResult[]>();
  // Per waiver (index in file order): the results it waives or, if expired, would waive.
  const matched = input.waivers.map(() => new Set<string>());
  // How many selected controls use each evaluation, and how many of them waive each result.
  const uses = new Map<string, number>();
  const waivedIn = new Map<string, { controls: number; refs: Set<string> }>();

  for (const scope of scopes) {
    const controlRef = `${scope.framework}:${scope.control}`;
    const waived: WaivedResult[] = [];
    for (const key of scope.evaluations) {
      uses.set(key, (uses.get(key) ?? 0) + 1);
      const ev = evaluations.get(key)!;
      const relevant = input.waivers
        .map((w, i) => ({ w, i }))
        .filter(({ w }) => w.check === ev.checkId || w.control === controlRef);
      if (relevant.length === 0 || ev.counts.fail === 0) continue;
      for (const r of ev.results) {
        if (r.status !== 'fail') continue;
        const hits = relevant.filter(({ w }) => resourceMatches(w.resource, r.resource.arn));
        for (const { i } of hits) matched[i]!.add(resultKey(key, r.resource.arn));
        const applied = hits.find(({ w }) => active.includes(w));
        if (!applied) continue;
        waived.push({ evaluation: key, arn: r.resource.arn, waiver: applied.w.ref });
        const k = resultKey(key, r.resource.arn);
        const entry = waivedIn.get(k) ?? { controls: 0, refs: new Set<string>() };
        entry.controls++;
        entry.refs.add(applied.w.ref);
        waivedIn.set(k, entry);
      }
    }
    byControl.set(controlRef, waived);
  }

  const byResult = new Map<string, ResultWaiver>();
  for (const [k, { controls, refs }] of waivedIn) {
    const evaluation = k.slice(0, k.indexOf('\n'));
    byResult.set(k, { refs: [...refs].sort(), everywhere: controls === uses.get(evaluation) });
  }

  // A waiver for a check or control outside the selected frameworks is not stale: it was not looked at.
  const checksInScope = new Set([...uses.keys()].map((k) => evaluations.get(k)!.checkId));
  const controlsInScope = new Set(scopes.map((s) => `${s.framework}:${s.control}`));
  const inScope = (w: Waiver) => (w.check !== undefined ? checksInScope.has(w.check) : controlsInScope.has(w.control!));
  const entries: WaiverOutcome[] = input.waivers.map((w, i) => {
    const { ref, ...rest } = w;
    const count = matched[i]!.size;
    const state: WaiverState = w.expires < input.asOf ? 'expired' : !inScope(w) ? 'out_of_scope' : count === 0 ? 'stale' : 'active';
    return { ref, ...rest, state, matched: count };
  });
  return { byControl, byResult, report: { asOf: input.asOf, entries } };
}
