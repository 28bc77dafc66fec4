import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/output.js';
import { chunked, prettyJson, resultText } from '../../src/reporters/stream.js';

describe('streamed JSON', () => {
  it('resultText writes exactly what JSON.stringify writes, sharing each ref', () => {
    const ref = { type: 'AWS::EC2::SecurityGroup', arn: 'arn:aws:ec2:ap-south-1:1:security-group/sg-1', id: 'sg-1', account: '1', region: 'ap-south-1', name: 'é "quoted"\n' };
    const results: object[] = [
      { checkId: 'a', status: 'pass', resource: ref, message: 'ok', evidence: {} },
      { checkId: 'a', status: 'fail', resource: ref, message: 'm\u2028', evidence: { n: [1, null, 'x'], nested: { deep: true } }, severity: 'critical' },
      // Undefined and function values leave their key out, as JSON.stringify does; key order is kept.
      { severity: undefined, checkId: 'b', resource: ref, fn: () => 1, status: 'error', message: '', evidence: { u: undefined }, waiver: { refs: ['W1'], everywhere: true } },
      { resource: null, checkId: 'c' },
      {},
    ];
    const refs = new Map<object, string>();
    for (const r of results) expect(resultText(r, refs)).toBe(JSON.stringify(r));
    expect(refs.size).toBe(1);
  });

  it('prettyJson with a compactText gives the bytes of JSON.stringify(…, 2) with compact items on one line', () => {
    const value = { a: [{ x: 1 }, { y: [2] }], b: { c: 'd' }, e: [] };
    const compact = (p: readonly (string | number)[]) => p.length === 2 && p[0] === 'a';
    const text = [...prettyJson(value, compact, (v) => resultText(v, new Map()))].join('');
    expect(text).toBe('{\n  "a": [\n    {"x":1},\n    {"y":[2]}\n  ],\n  "b": {\n    "c": "d"\n  },\n  "e": []\n}\n');
    expect([...prettyJson(value)].join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it('chunked joins pieces into chunks of about the size asked, losing nothing', () => {
    const pieces = Array.from({ length: 1000 }, (_, i) => `piece ${i};`);
    const chunks = [...chunked(pieces, 100)];
    expect(chunks.join('')).toBe(pieces.join(''));
    expect(chunks.slice(0, -1).every((c) => c.length >= 100 && c.length < 100 + 12)).toBe(true);
  });

  it('writeFileAtomic writes streamed chunks byte for byte: multi-byte text across its 1 MiB batches and chunks larger than one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archscan-stream-'));
    const chunks = ['{"a":"', 'é€😀'.repeat(100_000), 'x'.repeat(3_000_000), 'ü'.repeat(400_000), '"}\n'];
    const file = join(dir, 'out.json');
    await writeFileAtomic(file, chunks);
    expect(readFileSync(file).equals(Buffer.from(chunks.join('')))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writeFileAtomic keeps the order of many batches while one is written and the next filled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archscan-stream-'));
    // About 9 MiB in 9,000 chunks of different lengths: many more batches than the two buffers.
    const chunks = Array.from({ length: 9000 }, (_, i) => `${i}:${'aé€'.repeat(i % 500)}\n`);
    const file = join(dir, 'out.txt');
    await writeFileAtomic(file, chunks);
    expect(readFileSync(file, 'utf8')).toBe(chunks.join(''));
    rmSync(dir, { recursive: true, force: true });
  });

  it.runIf(existsSync('/dev/full'))('writeFileAtomic reports a write that fails while the next batch is filled, as bad output, not a crash', async () => {
    const chunks = Array.from({ length: 4000 }, () => 'x'.repeat(1000));
    await expect(writeFileAtomic('/dev/full', chunks)).rejects.toThrow(/\/dev\/full.*a writable path \(.*ENOSPC/);
  });
});
