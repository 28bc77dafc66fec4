import type { Assessment } from '../assess/types.js';

export interface ReporterOptions {
  /** Colour (ANSI) output; the CLI decides from the TTY and NO_COLOR / FORCE_COLOR. */
  color: boolean;
  /** Full detail where a format has a short default (text: every framework and control); others ignore it. */
  verbose?: boolean;
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
