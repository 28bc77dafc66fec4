import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/cli/memory.js';

describe('collectGarbage (the full collection a large scan makes once the raw snapshot is garbage)', () => {
  it('really collects: an object nothing references is gone afterwards, and it can be called again', async () => {
    let garbage: object | undefined = { raw: new Array(1000).fill('answer') };
    const ref = new WeakRef(garbage);
    garbage = undefined;
    // A WeakRef keeps its target alive until the current job ends.
    await tick();
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    expect(() => collectGarbage()).not.toThrow();
  });

  it('keeps what is still referenced', async () => {
    const kept = { inventory: [1, 2, 3] };
    const ref = new WeakRef(kept);
    await tick();
    collectGarbage();
    expect(ref.deref()).toBe(kept);
  });
});
