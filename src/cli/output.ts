import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

/**
 * Write a whole file or nothing: write a temporary file beside the target,
 * then rename it over. A reader never sees a half-written report.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array, flag = '--output'): Promise<void> {
  const dir = dirname(file);
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw new Error('not a directory');
  } catch {
    throw new InputError(flag, file, `a file in an existing directory ("${dir}" does not exist)`);
  }
  try {
    if ((await stat(file)).isDirectory()) throw new InputError(flag, file, 'a file path, not a directory');
  } catch (e) {
    if (e instanceof InputError) throw e;
  }
  const tmp = join(dir, `.${basename(file)}.archscan-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(tmp, content);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new InputError(flag, file, `a writable path (${(e as Error).message})`);
  }
}
