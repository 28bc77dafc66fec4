/** A loaded, validated rule set. */

export interface RuleSetSource {
  document: string;
  publisher: string;
  date: string;
  url?: string;
  note?: string;
}

/** One check evaluated for a control, with its params merged over the check's defaults. */
export interface ControlCheck {
  checkId: string;
  params: Record<string, unknown>;
  /** Identifies the (check, params) evaluation: the check id, plus a params hash when not the defaults. */
  evaluationKey: string;
  /** The params whose values differ from the check's defaults (empty when it runs with its defaults). */
  changedParams: Record<string, unknown>;
}

/** What an auditor collects for a control that no AWS check can evidence. */
export interface ManualEvidence {
  collect: string;
}

/** What an auditor collects for the part of a partially evidenced control that its checks do not show. */
export interface PartialEvidence {
  collect: string;
}

/**
 * How a control is evidenced: `automated` (its checks show the requirement),
 * `partial` (its checks show only part of it: supporting evidence or a weak
 * proxy, the note says what is missing) or `manual` (no check can).
 */
export type EvidenceKind = 'automated' | 'partial' | 'manual';
export const EVIDENCE_KINDS = ['automated', 'partial', 'manual'] as const satisfies readonly EvidenceKind[];

/** What names and cites a control, as every report of it repeats. */
export type ControlIdentity = Pick<Control, 'id' | 'title' | 'source' | 'group' | 'appliesTo' | 'verified' | 'note'>;

export interface Control {
  id: string;
  title: string;
  source: string;
  group?: string;
  appliesTo?: string[];
  /** False when the clause number could not be checked against the regulator's text. */
  verified: boolean;
  note?: string;
  /** The checks that evidence the control; empty for a manual control. */
  checks: ControlCheck[];
  /** Present on a manual control (then `checks` is empty): no check can evidence it. */
  manual?: ManualEvidence;
  /** Present on a partially evidenced control (then `checks` is not empty and `note` says what they do not show). */
  partial?: PartialEvidence;
}

/** A control's evidence kind, from which of `manual` / `partial` it carries. */
export function evidenceOf(c: Pick<Control, 'manual' | 'partial'>): EvidenceKind {
  return c.manual ? 'manual' : c.partial ? 'partial' : 'automated';
}

/**
 * Attested: the clause is verified and the checks fully evidence it. Only
 * attested controls count in a framework's `scoreAttested`.
 */
export function isAttested(c: Pick<Control, 'manual' | 'partial' | 'verified'>): boolean {
  return c.verified && evidenceOf(c) === 'automated';
}

export interface RuleSet {
  id: string;
  title: string;
  version: string;
  description?: string;
  source: RuleSetSource;
  /** The file it came from, for messages. */
  file: string;
  builtin: boolean;
  controls: Control[];
}
