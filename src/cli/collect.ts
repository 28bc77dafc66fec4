import { gzipSync } from 'node:zlib';
import { EXIT } from '../exit.js';
import type { Io } from './io.js';
import { collectLive, failedCalls, type AwsFlags } from './live.js';
import { writeFileAtomic } from './output.js';
import { isOrgRun, runOrgCollect, type OrgFlags } from './org.js';

/** `archscan collect`: a live account into a snapshot file; exit 3 when any call failed. */
export async function runCollect(opts: AwsFlags & OrgFlags & { output: string }, io: Io): Promise<number> {
  if (await isOrgRun(opts)) return runOrgCollect(opts, io);
  const snapshot = await collectLive(opts, io, io.stderrIsTty === true);
  const gz = opts.output.endsWith('.gz');
  const text = gz ? JSON.stringify(snapshot) : `${JSON.stringify(snapshot, null, 2)}\n`;
  await writeFileAtomic(opts.output, gz ? gzipSync(text) : text);
  return failedCalls(snapshot).length > 0 ? EXIT.incomplete : EXIT.ok;
}
