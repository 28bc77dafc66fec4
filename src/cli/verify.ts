/**
 * `archscan verify DIR [--snapshot FILE]`: checks an evidence pack. Every
 * file the manifest lists must be there with its SHA-256 and size, and no
 * other file may be; then, given the snapshot (or the pack's own, written
 * for a live scan), the reports are rendered again with the manifest's
 * settings and compared byte for byte. Exit 0 when everything matches, 1 on
 * any mismatch (each named on stdout), 2 when DIR is not a pack.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EXIT } from '../exit.js';
import { InputError } from '../errors.js';
import { jsonErrorLocation, readSnapshot } from '../snapshot/read.js';
import { describeAjvError, validatorFor } from '../schemas.js';
import { REPORTERS } from '../reporters/index.js';
import type { Io } from './io.js';
import { MANIFEST, sha256, type Manifest } from './pack.js';
import { assessPrepared, prepareScan, type ScanSettings } from './scan.js';
import { VERSION } from './version.js';

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await filesUnder(dir, rel)));
    else out.push(rel);
  }
  return out;
}

export async function readManifest(dir: string): Promise<Manifest> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new InputError(dir, '', 'an evidence pack directory (from `archscan scan --output-dir`)');
  const file = join(dir, MANIFEST);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) throw new InputError(dir, '', `an evidence pack directory: it has no ${MANIFEST}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, jsonErrorLocation(text, e as Error), `valid JSON (${(e as Error).message})`);
  }
  const validate = validatorFor('manifest.schema.json');
  if (!validate(data)) {
    const err = validate.errors![0]!;
    throw new InputError(file, err.instancePath || '/', describeAjvError(err));
  }
  return data as Manifest;
}

/** Where a re-rendered report (streamed) first differs from the pack's bytes, or undefined when they are equal. */
function firstDifference(chunks: Iterable<string>, file: Buffer): string | undefined {
  let offset = 0;
  for (const chunk of chunks) {
    const b = Buffer.from(chunk);
    const slice = file.subarray(offset, offset + b.length);
    if (!slice.equals(b)) {
      let i = 0;
      while (i < slice.length && slice[i] === b[i]) i++;
      const at = offset + i;
      let line = 1;
      for (let j = 0; j < at; j++) if (file[j] === 0x0a) line++;
      return at >= file.length ? `the pack's file ends early, at byte ${file.length}` : `first difference at byte ${at} (line ${line})`;
    }
    offset += b.length;
  }
  return offset === file.length ? undefined : `the pack's file has ${file.length - offset} byte(s) more than the re-rendered report`;
}

export async function runVerify(dir: string, opts: { snapshot?: string }, io: Io): Promise<number> {
  const manifest = await readManifest(dir);
  const problems: string[] = [];
  const listed = new Map(manifest.files.map((f) => [f.name, f]));
  const present = new Set((await filesUnder(dir)).filter((f) => f !== MANIFEST));
  for (const f of manifest.files) {
    if (!present.has(f.name)) {
      problems.push(`MISSING ${f.name}: listed in the manifest, not in the pack`);
      continue;
    }
    const bytes = await readFile(join(dir, f.name));
    const hash = sha256(bytes);
    if (hash !== f.sha256 || bytes.length !== f.size) problems.push(`CHANGED ${f.name}: sha256 ${hash} (${bytes.length} bytes), manifest says ${f.sha256} (${f.size} bytes)`);
  }
  for (const name of [...present].sort()) if (!listed.has(name)) problems.push(`EXTRA ${name}: in the pack, not in the manifest`);
  const hashed = manifest.files.length;

  const snapshotFile = opts.snapshot ?? (manifest.snapshot.inPack ? join(dir, manifest.snapshot.file) : undefined);
  let rendered = 0;
  let note: string | undefined;
  if (snapshotFile === undefined) {
    note = `reports not re-rendered: the pack was made from ${manifest.snapshot.file} (sha256 ${manifest.snapshot.sha256}); give it with --snapshot`;
  } else {
    const bytes = await readFile(snapshotFile).catch(() => {
      throw new InputError('--snapshot', snapshotFile, 'a readable snapshot file');
    });
    const hash = sha256(bytes);
    if (hash !== manifest.snapshot.sha256) {
      problems.push(`SNAPSHOT ${snapshotFile}: sha256 ${hash}, the pack was made from ${manifest.snapshot.sha256}: reports not re-rendered`);
    } else {
      const s = manifest.settings;
      const inPack = (f: string) => join(dir, f);
      const settings: ScanSettings = {
        ...(s.frameworks ? { frameworks: s.frameworks } : {}),
        rules: s.rules.map(inPack),
        ...(s.waivers ? { waivers: inPack(s.waivers), asOf: s.asOf! } : {}),
        ...(s.baseline ? { baseline: inPack(s.baseline) } : {}),
        ...(s.arch ? { arch: inPack(s.arch) } : {}),
        filters: s.filters,
      };
      const assessment = assessPrepared(await prepareScan(settings), await readSnapshot(snapshotFile), settings.baseline, snapshotFile);
      const other = manifest.tool.version !== VERSION ? ` (the pack was made by archscan ${manifest.tool.version}, this is ${VERSION})` : '';
      for (const f of manifest.files) {
        if (f.role !== 'report' || !f.format || !present.has(f.name)) continue;
        const render = {
          color: false,
          generatedAt: manifest.generatedAt,
          // A pack of a live scan holds the snapshot it wrote; its reports were made before there was a file to hash.
          ...(manifest.snapshot.inPack ? {} : { snapshotSha256: manifest.snapshot.sha256 }),
          ...(s.sarifCategory !== undefined ? { sarifCategory: s.sarifCategory } : {}),
        };
        const diff = firstDifference(REPORTERS[f.format](assessment, render).chunks(), await readFile(join(dir, f.name)));
        rendered++;
        if (diff) problems.push(`DIFFERS ${f.name}: re-rendered from the snapshot with the manifest's settings, ${diff}${other}`);
      }
    }
  }
  for (const p of problems) io.stdout(`${p}\n`);
  if (note) io.stdout(`note: ${note}\n`);
  const ok = problems.length === 0;
  io.stdout(
    `archscan verify: ${dir}: ${ok ? 'OK' : `${problems.length} problem(s)`}; ${hashed} file hash(es) checked, ${rendered} report(s) re-rendered and compared\n`,
  );
  return ok ? EXIT.ok : EXIT.gateFailed;
}
