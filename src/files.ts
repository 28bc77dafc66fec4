/**
 * Reading the files users hand archscan (snapshots, reports, rule sets,
 * waivers), with one wording for what went wrong: `what` names what the file
 * should have been, e.g. "a snapshot file".
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { InputError } from './errors.js';

export function fileProblem(e: unknown, what: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${what}, but it does not exist`;
  if (code === 'EISDIR') return `${what}, but this is a directory`;
  if (code === 'EACCES') return `${what} that can be read (permission denied)`;
  return `${what} that can be read (${(e as Error).message})`;
}

/** A UTF-8 text file (rule sets and waiver files). */
export function readTextFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, '', fileProblem(e, what));
  }
}

/**
 * A JSON file as text, gunzipped when it is gzip (by its magic bytes) — `.json`
 * and `.json.gz` alike. A gzip file is decompressed as a stream straight into
 * text: the decompressed bytes are never held whole beside the text made of
 * them (a 100k-resource account is ~40 MB of JSON from ~3 MB of gzip).
 */
export async function readJsonText(file: string, what: string): Promise<string> {
  return (await readJsonFile(file, what)).text;
}

/** As readJsonText, with the SHA-256 of the file's bytes as stored (before gunzip): what `sha256sum FILE` prints. */
export async function readJsonFile(file: string, what: string): Promise<{ text: string; sha256: string }> {
  let gzip: boolean;
  try {
    const handle = await open(file, 'r');
    try {
      const head = Buffer.alloc(2);
      const { bytesRead } = await handle.read(head, 0, 2, 0);
      gzip = bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw new InputError(file, '', fileProblem(e, what));
  }
  if (!gzip && file.endsWith('.gz')) {
    throw new InputError(file, '', `${what}, gzip-compressed (the name ends in .gz but the file is not gzip)`);
  }
  if (!gzip) {
    // A plain file is read whole into one buffer and decoded once: ~50 MB of text at 100k resources, made in
    // one piece outside the young generation instead of ~800 chunk strings the GC copies twice before the join.
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      throw new InputError(file, '', fileProblem(e, what));
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { text: bytes.toString('utf8'), sha256 };
  }
  const decoder = new StringDecoder('utf8');
  const parts: string[] = [];
  const source = createReadStream(file);
  // The hash is of the bytes read, as they come: no second read of the file, no copy held.
  const hash = createHash('sha256');
  try {
    const gunzip = createGunzip();
    source.on('error', (e) => gunzip.destroy(e));
    // pipe() reads the file in flowing mode: a second 'data' listener sees every chunk too.
    source.on('data', (chunk) => hash.update(chunk as Buffer));
    source.pipe(gunzip);
    for await (const chunk of gunzip) parts.push(decoder.write(chunk as Buffer));
  } catch (e) {
    source.destroy();
    if ((e as NodeJS.ErrnoException).code?.startsWith('Z_') || /unexpected end of file|incorrect header check|invalid/i.test((e as Error).message)) {
      throw new InputError(file, '', `${what}, gzip-compressed (the gzip stream is corrupt or truncated)`);
    }
    throw new InputError(file, '', fileProblem(e, what));
  }
  parts.push(decoder.end());
  return { text: parts.join(''), sha256: hash.digest('hex') };
}

/**
 * The first key that appears twice in one object of valid JSON text, with
 * where it is: JSON.parse keeps the last silently, and a snapshot or report
 * edited by hand (or written by another tool) must not lose the first one
 * without a word. One pass over the text; strings are skipped with indexOf.
 *
 * Nothing is allocated per key or per object (a 100k-resource snapshot has
 * millions of both): the keys of the open objects are offsets into the text,
 * compared in place. Only an object with many keys (a Set is then quicker)
 * or with an escaped key (`"\u0061"` is `"a"`) holds its keys as strings.
 */
export function firstDuplicateKey(text: string): { offset: number; key: string; path: (string | number)[] } | undefined {
  // The keys of every open object, innermost last: [start, end) of each key's raw text between its quotes.
  const keyStart: number[] = [];
  const keyEnd: number[] = [];
  // Per open container: where its keys begin in keyStart (-1 for an array), and its current key (index in keyStart) or array index.
  const frameBase: number[] = [];
  const position: number[] = [];
  // Per open object that holds its keys as strings (many keys, or an escaped one); undefined otherwise.
  const decoded: (Set<string> | undefined)[] = [];
  const n = text.length;
  let backslash = text.indexOf('\\');
  if (backslash < 0) backslash = n;
  let expectKey = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // The closing quote: the next one not preceded by an odd run of backslashes.
      let j = text.indexOf('"', i + 1);
      if (backslash < j) {
        for (;;) {
          let k = j - 1;
          while (text.charCodeAt(k) === 92) k--;
          if ((j - 1 - k) % 2 === 0) break;
          j = text.indexOf('"', j + 1);
        }
      }
      if (expectKey) {
        const depth = frameBase.length - 1;
        const base = frameBase[depth]!;
        const escaped = backslash < j;
        let set = decoded[depth];
        if (set === undefined && (escaped || keyStart.length - base >= 24)) {
          set = new Set();
          for (let k = base; k < keyStart.length; k++) set.add(keyText(text, keyStart[k]!, keyEnd[k]!));
          decoded[depth] = set;
        }
        let seen: boolean;
        if (set !== undefined) {
          const key = keyText(text, i + 1, j);
          seen = set.has(key);
          set.add(key);
        } else {
          seen = false;
          const length = j - i - 1;
          for (let k = base; k < keyStart.length && !seen; k++) {
            if (keyEnd[k]! - keyStart[k]! === length && sameText(text, keyStart[k]!, i + 1, length)) seen = true;
          }
        }
        position[depth] = keyStart.length;
        keyStart.push(i + 1);
        keyEnd.push(j);
        if (seen) return { offset: i, key: keyText(text, i + 1, j), path: pathOf(text, frameBase, position, keyStart, keyEnd) };
        expectKey = false;
      }
      i = j + 1;
      if (backslash < i) {
        backslash = text.indexOf('\\', i);
        if (backslash < 0) backslash = n;
      }
      continue;
    }
    if (c === 123) {
      frameBase.push(keyStart.length);
      position.push(-1);
      decoded.push(undefined);
      expectKey = true;
    } else if (c === 91) {
      frameBase.push(-1);
      position.push(0);
      decoded.push(undefined);
    } else if (c === 125 || c === 93) {
      const base = frameBase.pop()!;
      position.pop();
      decoded.pop();
      // An empty object leaves expectKey set: a string after `{}` in a list is a value, not a key.
      expectKey = false;
      if (base >= 0) {
        keyStart.length = base;
        keyEnd.length = base;
      }
    } else if (c === 44) {
      const d = frameBase.length - 1;
      if (frameBase[d] === -1) position[d]!++;
      else expectKey = true;
    }
    i++;
  }
  return undefined;
}

/** A key as JSON.parse reads it, from its raw text between the quotes. */
function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}

function sameText(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/** The path of the key just read, from the open containers (only once a duplicate is found). */
function pathOf(text: string, frameBase: readonly number[], position: readonly number[], keyStart: readonly number[], keyEnd: readonly number[]): (string | number)[] {
  const path: (string | number)[] = [];
  for (let d = 0; d < frameBase.length; d++) {
    const p = position[d]!;
    if (frameBase[d] === -1) path.push(p);
    else path.push(p < 0 ? '' : keyText(text, keyStart[p]!, keyEnd[p]!));
  }
  return path;
}

/** "line L, column C" of a character offset. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}
