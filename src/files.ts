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
 */
export function firstDuplicateKey(text: string): { offset: number; key: string; path: (string | number)[] } | undefined {
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
    } else if (c === 44) {
      const d = open.length - 1;
      if (open[d] === null) (position[d] as number)++;
      else expectKey = true;
    }
    i++;
  }
  return undefined;
}

/** "line L, column C" of a character offset. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}
