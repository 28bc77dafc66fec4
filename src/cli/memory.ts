/**
 * A full garbage collection at a stage boundary of a large scan. V8 sizes
 * the heap from what was live at its last full collection; in a large scan
 * that happens while the raw snapshot is still live (building the
 * inventory), so the heap grew to about four times the inventory before it
 * collected again. Collecting once the raw answers are garbage keeps the
 * peak near what is really live (measured at 100k resources: 626 -> 475 MiB
 * peak RSS, no slower). Node has no API for this but its own `--expose-gc`
 * flag, which is set here only for the vm context it creates.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this many resources the heap is small and a full collection buys nothing. */
const LARGE_SCAN = 10_000;

let gc: (() => void) | undefined;

/** Call once the raw snapshot of an inventory of `resources` is garbage (the function that held it has returned). */
export function collectAfterInventory(resources: number): void {
  if (resources >= LARGE_SCAN) collectGarbage();
}

export function collectGarbage(): void {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
