import { randomBytes } from 'node:crypto';
import { lstat, open, readlink, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

/** Follow a chain of symbolic links to the path they name (which may not exist yet). */
async function linkTarget(file: string): Promise<string> {
  let path = file;
  for (let hops = 0; hops < 40; hops++) {
    let info;
    try {
      info = await lstat(path);
    } catch {
      return path;
    }
    if (!info.isSymbolicLink()) return path;
    path = resolve(dirname(path), await readlink(path));
  }
  throw new InputError('--output', file, 'a path that is not a loop of symbolic links');
}

/** Bytes encoded per write: few system calls, and memory flat however large the report. */
const BATCH = 1 << 20;

/**
 * Write content to a file, chunks (a streamed report) as they come: each is
 * encoded straight into one of two reused buffers, written when full, so a
 * 150 MiB report costs one copy per byte and no Buffer per chunk. While one
 * buffer is written (on libuv's thread pool) the next is filled: rendering
 * does not wait for the disk.
 */
async function writeContent(file: string, content: string | Uint8Array | Iterable<string>): Promise<void> {
  if (typeof content === 'string' || content instanceof Uint8Array) return writeFile(file, content);
  const fh = await open(file, 'w');
  let pending: Promise<void> = Promise.resolve();
  try {
    let buffer = Buffer.allocUnsafe(BATCH);
    let spare = Buffer.allocUnsafe(BATCH);
    let used = 0;
    const writeAll = async (bytes: Buffer, length: number) => {
      let done = 0;
      while (done < length) done += (await fh.write(bytes, done, length - done)).bytesWritten;
    };
    // Start writing the full buffer, after the one before it, and go on filling the other.
    const flush = async () => {
      await pending;
      const full = buffer;
      const length = used;
      pending = writeAll(full, length);
      // Its error is thrown at the next await of it; until then it is not an unhandled rejection.
      pending.catch(() => undefined);
      buffer = spare;
      spare = full;
      used = 0;
    };
    for (const chunk of content) {
      // At most 3 bytes of UTF-8 per UTF-16 unit: flush first unless the chunk surely fits.
      if (used + chunk.length * 3 > BATCH) await flush();
      if (chunk.length * 3 > BATCH) {
        await pending;
        await fh.writeFile(chunk);
      } else used += buffer.write(chunk, used);
    }
    await flush();
    await pending;
  } finally {
    // A write still under way when rendering threw: wait for it before closing (its own error is not the cause).
    await pending.catch(() => undefined);
    await fh.close();
  }
}

/**
 * Write a whole file or nothing: write a temporary file beside the target,
 * then rename it over, so a reader never sees a half-written report. A
 * symbolic link is kept: its target is replaced. A device, FIFO or socket
 * (/dev/null, /dev/stdout, a named pipe) is written in place, never replaced.
 * Content may be chunks (a streamed report), written as they come.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array | Iterable<string>, flag = '--output'): Promise<void> {
  if (file === '') throw new InputError(flag, '', 'a file path, not an empty string');
  const target = await linkTarget(file);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new InputError(flag, file, 'a file path, not a directory');
  if (existing && !existing.isFile()) {
    try {
      await writeContent(target, content);
    } catch (e) {
      throw new InputError(flag, file, `a writable path (${(e as Error).message})`);
    }
    return;
  }
  const dir = dirname(target);
  const dirInfo = await stat(dir).catch(() => undefined);
  if (!dirInfo?.isDirectory()) throw new InputError(flag, file, `a file in an existing directory ("${dir}" does not exist)`);
  const tmp = join(dir, `.${basename(target)}.archscan-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeContent(tmp, content);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new InputError(flag, file, `a writable path (${(e as Error).message})`);
  }
}
