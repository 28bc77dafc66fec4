import { logUpdateStderr } from 'log-update';
import type { Progress } from '../collect/recorder.js';
import type { Io } from './io.js';

/**
 * Collection progress on stderr: one live line on a terminal, nothing in CI,
 * on a pipe or with --quiet (the summary at the end says what failed).
 */
export function progressFor(io: Io, quiet: boolean, stderrIsTty: boolean): Progress & { finish(): void } {
  if (quiet || !stderrIsTty || io.env['CI']) return { done: () => {}, finish: () => {} };
  const update = logUpdateStderr;
  let units = 0;
  let failed = 0;
  return {
    done(region, service, failedCalls) {
      units++;
      failed += failedCalls > 0 ? 1 : 0;
      update(`archscan: collected ${units} region/service units (last: ${service} in ${region})${failed ? `, ${failed} with failed calls` : ''}`);
    },
    finish() {
      update.clear();
      update.done();
    },
  };
}
