/**
 * Exit codes, part of the interface (README "Exit codes"): 0 the gate passed,
 * 1 the gate failed, 2 bad usage or input, 3 the scan is incomplete, 4 an
 * internal error (a bug in archscan).
 */
export const EXIT = { ok: 0, gateFailed: 1, badInput: 2, incomplete: 3, internal: 4 } as const;

/** A gate's verdict: the exit code a pipeline gates on, with the reasons for it. */
export interface GateVerdict {
  /** 0 passed, 1 gate failed, 3 scan incomplete (takes precedence: an incomplete scan proves nothing). */
  exitCode: 0 | 1 | 3;
  reasons: string[];
}
