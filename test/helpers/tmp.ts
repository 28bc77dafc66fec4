import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One temporary directory per test run, removed when the run ends: tests make
 * their scratch directories with `mkdtemp(tmpdir())`, and TMPDIR (which
 * tmpdir() reads, and which the test workers inherit) points here, so a run
 * leaves nothing behind in the machine's /tmp (it used to leave ~50
 * directories, some of 11 MB, per run).
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'archscan-run-'));
  const saved = { TMPDIR: process.env['TMPDIR'], TMP: process.env['TMP'], TEMP: process.env['TEMP'] };
  process.env['TMPDIR'] = process.env['TMP'] = process.env['TEMP'] = root;
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(root, { recursive: true, force: true });
  };
}
