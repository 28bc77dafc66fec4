/**
 * Typed errors thrown by library code. Only the CLI maps them to exit codes
 * and prints them; library code never prints or exits.
 */

/** The collection could not start: no identity, so no account to collect (exit 3). */
export class CollectError extends Error {
  override readonly name = 'CollectError';
}

/** A user mistake in a file or flag: exit code 2, one line, no stack trace. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** The file (or `--flag`) at fault. */
    readonly source: string,
    /** Where in it: a JSON path such as `/regions/ap-south-1`, or `line 12`. */
    readonly location: string,
    /** What was expected there. */
    readonly expected: string,
  ) {
    super(`${source}${location ? `: ${location}` : ''}: ${expected}`);
  }
}
