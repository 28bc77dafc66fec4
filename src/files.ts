/**
 * Reading the files users hand archscan (snapshots, reports, rule sets,
 * waivers), with one wording for what went wrong: `what` names what the file
 * should have been, e.g. "a snapshot file".
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
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

/** A JSON file as text, gunzipped when it is gzip (by its magic bytes) — `.json` and `.json.gz` alike. */
export async function readJsonText(file: string, what: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new InputError(file, '', fileProblem(e, what));
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new InputError(file, '', `${what}, gzip-compressed (the gzip stream is corrupt or truncated)`);
    }
  } else if (file.endsWith('.gz')) {
    throw new InputError(file, '', `${what}, gzip-compressed (the name ends in .gz but the file is not gzip)`);
  }
  return bytes.toString('utf8');
}
