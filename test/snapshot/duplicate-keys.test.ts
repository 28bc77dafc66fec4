// The duplicate-key scan reads offsets in place instead of slicing every key:
// it must find exactly what a plain scan that slices and decodes each key
// finds (the reference below is the scan it replaced), on generated JSON with
// escaped keys, escaped quotes, big objects and nesting. (One fix to the old
// scan, marked below, which crashed on a string after an empty object in a list.)
import { describe, expect, it } from 'vitest';
import { firstDuplicateKey } from '../../src/files.js';

function reference(text: string): { offset: number; key: string; path: (string | number)[] } | undefined {
  const containers: (string[] & { set?: Set<string> })[] | null[] = [];
  const open = containers as ((string[] & { set?: Set<string> }) | null)[];
  const position: (string | number)[] = [];
  const n = text.length;
  let expectKey = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // The closing quote: the next one not preceded by an odd run of backslashes.
      let j = text.indexOf('"', i + 1);
      for (;;) {
        let k = j - 1;
        while (text.charCodeAt(k) === 92) k--;
        if ((j - 1 - k) % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      if (expectKey) {
        const raw = text.slice(i + 1, j);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        const depth = open.length - 1;
        const seen = open[depth]!;
        if (seen.length < 24 ? seen.includes(key) : (seen.set ??= new Set(seen)).has(key)) {
          position[depth] = key;
          return { offset: i, key, path: position.slice() };
        }
        seen.push(key);
        seen.set?.add(key);
        position[depth] = key;
        expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (c === 123) {
      open.push([]);
      position.push('');
      expectKey = true;
    } else if (c === 91) {
      open.push(null);
      position.push(0);
    } else if (c === 125 || c === 93) {
      open.pop();
      position.pop();
      expectKey = false; // the scan it replaced lacked this: `[{}, "x"]` read "x" as a key and threw a TypeError
    } else if (c === 44) {
      const d = open.length - 1;
      if (open[d] === null) (position[d] as number)++;
      else expectKey = true;
    }
    i++;
  }
  return undefined;
}

/** A seeded generator (mulberry32): the same cases every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['a', 'b', 'ab', 'ba', 'Id', 'id', 'x"y', 'x\\y', 'é', '\u00e9', 'Tags', 'k\\"'];

/** JSON text of a random value; keys repeat by chance, and some are written with \u escapes. */
function jsonOf(next: () => number, depth: number): string {
  const r = next();
  if (depth > 4 || r < 0.3) {
    const leaf = next();
    if (leaf < 0.4) return JSON.stringify(KEYS[Math.floor(next() * KEYS.length)]! + '\\"');
    if (leaf < 0.7) return String(Math.floor(next() * 100));
    return leaf < 0.85 ? 'true' : 'null';
  }
  if (r < 0.55) {
    const n = Math.floor(next() * 5);
    return `[${Array.from({ length: n }, () => jsonOf(next, depth + 1)).join(',')}]`;
  }
  const n = Math.floor(next() * (next() < 0.1 ? 40 : 6));
  const members: string[] = [];
  for (let k = 0; k < n; k++) {
    // Mostly distinct generated keys (objects stay valid), sometimes one of KEYS (a chance of a duplicate).
    const key = next() < 0.15 ? KEYS[Math.floor(next() * KEYS.length)]! : `m${k}`;
    let quoted = JSON.stringify(key);
    if (next() < 0.2) quoted = `"${[...key].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`;
    members.push(`${quoted}${next() < 0.2 ? ' : ' : ':'}${jsonOf(next, depth + 1)}`);
  }
  return `{${members.join(next() < 0.2 ? ' ,\n ' : ',')}}`;
}

describe('firstDuplicateKey', () => {
  it('finds what the slicing scan finds, on 3,000 generated documents', () => {
    const next = random(14);
    let duplicates = 0;
    for (let n = 0; n < 3000; n++) {
      const text = jsonOf(next, 0);
      JSON.parse(text);
      const expected = reference(text);
      if (expected) duplicates++;
      expect(firstDuplicateKey(text), text).toEqual(expected);
    }
    // Both outcomes are exercised, not only one.
    expect(duplicates).toBeGreaterThan(200);
    expect(duplicates).toBeLessThan(2800);
  });

  it('names an escaped key that repeats a plain one, with its path and offset', () => {
    const text = '{"a":[{"x":1},{"Id":1,"I\\u0064":2}]}';
    expect(firstDuplicateKey(text)).toEqual({ offset: text.indexOf('"I\\u0064"'), key: 'Id', path: ['a', 1, 'Id'] });
  });

  it('reads a string after an empty object in a list as a value (the old scan threw a TypeError)', () => {
    expect(firstDuplicateKey('[{},"x",{"x":1}]')).toBeUndefined();
    const text = '{"l":[{},"a",{"a":1,"a":2}]}';
    expect(firstDuplicateKey(text)).toEqual({ offset: text.lastIndexOf('"a"'), key: 'a', path: ['l', 2, 'a'] });
  });

  it('finds a repeat among many keys (past the in-place comparison)', () => {
    const keys = Array.from({ length: 100 }, (_, k) => `"k${k}":${k}`);
    const text = `{"m":{${keys.join(',')},"k7":0}}`;
    expect(firstDuplicateKey(text)).toEqual({ offset: text.lastIndexOf('"k7"'), key: 'k7', path: ['m', 'k7'] });
    expect(firstDuplicateKey(`{"m":{${keys.join(',')}}}`)).toBeUndefined();
  });
});
