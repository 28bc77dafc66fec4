import type { Assessment } from '../assess/types.js';

export interface ReporterOptions {
  /** Colour (ANSI) output; the CLI decides from the TTY and NO_COLOR / FORCE_COLOR. */
  color: boolean;
  /** Full detail where a format has a short default (text: every framework and control); others ignore it. */
  verbose?: boolean;
  /**
   * SARIF `automationDetails.id` (GitHub's category); `false` leaves it out so
   * the upload action's `category:` input applies. Default `archscan/<account>/`.
   */
  sarifCategory?: string | false;
  /** When the report was made (ISO 8601): the pack's only wall-clock value; the CLI passes it, tests pin it. */
  generatedAt?: string;
  /** SHA-256 (hex) of the snapshot file's bytes as the CLI read them; absent for a live scan not yet written. */
  snapshotSha256?: string;
}

export interface Rendered {
  /** The output in chunks, iterated afresh on each call: the CLI writes them as they come. */
  chunks(): Iterable<string>;
  /** The whole output as one string, for tests and small outputs; never for a report of a large account. */
  readonly text: string;
  /** What the CLI should tell the user on stderr (e.g. results cut to fit a consumer's limits). */
  warnings: string[];
}

/** Pure: assessment in, text out. No clock, no I/O. */
export type Reporter = (assessment: Assessment, options: ReporterOptions) => Rendered;
