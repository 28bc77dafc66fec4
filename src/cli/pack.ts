/**
 * An evidence pack (`scan --output-dir DIR`): one file per format, the
 * inputs that shaped them, and manifest.json (schemas/manifest.schema.json)
 * with the SHA-256 and size of every file and of the snapshot, the tool and
 * rule-set versions, the settings, and the generation time (the only clock
 * value: it is in the manifest, never in a report).
 *
 * All or nothing: everything is written into a temporary directory beside
 * DIR, the manifest last, and the directory is then renamed into place. DIR
 * must be new, empty, or an earlier pack (it has a manifest.json), which is
 * replaced whole; a failure leaves no half pack.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Assessment } from '../assess/types.js';
import { InputError } from '../errors.js';
import { REPORTERS, type Format } from '../reporters/index.js';
import type { Snapshot } from '../snapshot/types.js';
import type { ScanSettings } from './scan-options.js';
import { VERSION } from './version.js';

export const MANIFEST = 'manifest.json';
export const PACK_SNAPSHOT = 'snapshot.json';

/** File name of each format in a pack. */
export const PACK_FILES = {
  text: 'report.txt',
  json: 'report.json',
  sarif: 'report.sarif',
  junit: 'report.junit.xml',
  markdown: 'report.md',
  html: 'report.html',
  csv: 'report.csv',
  asff: 'report.asff.json',
  ocsf: 'report.ocsf.json',
} as const satisfies Record<Format, string>;

export interface PackFile {
  /** Path inside the pack, `/`-separated. */
  name: string;
  /** report (a format), snapshot (written for a live scan) or input (a rule set, waiver or baseline file the scan read). */
  role: 'report' | 'snapshot' | 'input';
  format?: Format;
  sha256: string;
  size: number;
}

export interface Manifest {
  manifestVersion: 1;
  tool: { name: 'archscan'; version: string };
  /** When the pack was written (ISO 8601, UTC): the only wall-clock value, never in a report. */
  generatedAt: string;
  snapshot: {
    /** The pack's snapshot.json (a live scan), or the name of the file the scan read. */
    file: string;
    inPack: boolean;
    /** Of the bytes read (a .gz file: the compressed bytes), or of the pack's snapshot.json. */
    sha256: string;
    size: number;
    accountId: string;
    collectedAt: string;
  };
  ruleSets: { id: string; title: string; version: string; builtin: boolean }[];
  /** What shaped the reports, with files as paths inside the pack: what `verify` replays. */
  settings: {
    formats: Format[];
    frameworks?: string[];
    rules: string[];
    waivers?: string;
    asOf?: string;
    baseline?: string;
    arch?: string;
    sarifCategory?: string | false;
    filters: ScanSettings['filters'];
  };
  /** The same settings as flags a user would type (file flags name the pack's copies). */
  flags: string[];
  files: PackFile[];
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Write chunks to a file, hashing them on the way. */
async function writeHashed(file: string, chunks: Iterable<string>): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  function* tee() {
    for (const c of chunks) {
      hash.update(c);
      size += Buffer.byteLength(c);
      yield c;
    }
  }
  await writeFile(file, tee());
  return { sha256: hash.digest('hex'), size };
}

/** The flags a manifest's settings stand for. */
export function settingsFlags(s: Manifest['settings']): string[] {
  const f = s.filters;
  return [
    `--format ${s.formats.join(',')}`,
    ...(s.frameworks ? [`--framework ${s.frameworks.join(',')}`] : []),
    ...s.rules.map((r) => `--rules ${r}`),
    ...(s.waivers ? [`--waivers ${s.waivers}`, `--as-of ${s.asOf}`] : []),
    ...(s.baseline ? [`--baseline ${s.baseline}`] : []),
    ...(s.arch ? [`--arch ${s.arch}`] : []),
    ...(s.sarifCategory === false ? ['--no-sarif-category'] : s.sarifCategory !== undefined ? [`--sarif-category ${s.sarifCategory}`] : []),
    ...(f.checks ? [`--checks ${f.checks.join(',')}`] : []),
    ...(f.excludeChecks ? [`--exclude-checks ${f.excludeChecks.join(',')}`] : []),
    ...(f.services ? [`--services ${f.services.join(',')}`] : []),
    ...(f.severity ? [`--severity ${f.severity}`] : []),
  ];
}

/** Render every format of an assessment into `dir`, hashing each file. */
export async function renderInto(dir: string, assessment: Assessment, formats: Format[], render: PackRender, warnings: string[]): Promise<PackFile[]> {
  const files: PackFile[] = [];
  for (const format of formats) {
    const report = REPORTERS[format](assessment, { color: false, ...render });
    const name = PACK_FILES[format];
    files.push({ name, role: 'report', format, ...(await writeHashed(join(dir, name), report.chunks())) });
    warnings.push(...report.warnings.map((w) => `${name}: ${w}`));
  }
  return files;
}

/** Why DIR cannot take a pack, or undefined: new, empty, or an earlier pack. */
async function checkTarget(dir: string): Promise<'new' | 'empty' | 'pack'> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) {
    const parent = await stat(dirname(resolve(dir))).catch(() => undefined);
    if (!parent?.isDirectory()) throw new InputError('--output-dir', dir, `a directory whose parent exists ("${dirname(resolve(dir))}" does not)`);
    return 'new';
  }
  if (!info.isDirectory()) throw new InputError('--output-dir', dir, 'a directory, not a file');
  const entries = await readdir(dir);
  if (entries.length === 0) return 'empty';
  if (entries.includes(MANIFEST)) return 'pack';
  throw new InputError('--output-dir', dir, 'a new or empty directory, or an earlier archscan pack (it has files and no manifest.json)');
}

/** What every report of the pack is rendered with (the CLI's clock or SOURCE_DATE_EPOCH, the snapshot's hash, the SARIF category). */
export interface PackRender {
  generatedAt: string;
  snapshotSha256?: string;
  sarifCategory?: string | false;
}

export interface PackInput {
  formats: Format[];
  settings: ScanSettings;
  render: PackRender;
  assessment: Assessment;
  /** Either the snapshot file scanned, or (a live scan) the collected snapshot, which is then written into the pack. */
  snapshotFile?: string;
  snapshot?: Snapshot;
  /** The rule sets the scan ran (after --framework and --rules). */
  ruleSets: readonly { id: string; title: string; version: string; builtin: boolean }[];
  warnings: string[];
  /** The clock, injectable for tests. */
  now?: Date;
}

export async function writePack(dir: string, p: PackInput): Promise<Manifest> {
  const target = await checkTarget(dir);
  const abs = resolve(dir);
  const tmp = join(dirname(abs), `.${basename(abs)}.archscan-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(tmp);
    const files: PackFile[] = [];
    // Inputs are copied in, so the pack replays on its own.
    const copyIn = async (file: string, name: string): Promise<string> => {
      await mkdir(join(tmp, 'inputs'), { recursive: true });
      const rel = `inputs/${name}`;
      await copyFile(file, join(tmp, rel));
      const bytes = await readFile(join(tmp, rel));
      files.push({ name: rel, role: 'input', sha256: sha256(bytes), size: bytes.length });
      return rel;
    };
    const s = p.settings;
    const rules: string[] = [];
    for (const [i, r] of s.rules.entries()) rules.push(await copyIn(r, `rules-${i + 1}-${basename(r)}`));
    const settings: Manifest['settings'] = {
      formats: p.formats,
      ...(s.frameworks ? { frameworks: s.frameworks } : {}),
      rules,
      ...(s.waivers ? { waivers: await copyIn(s.waivers, `waivers-${basename(s.waivers)}`), asOf: s.asOf! } : {}),
      ...(s.baseline ? { baseline: await copyIn(s.baseline, `baseline-${basename(s.baseline)}`) } : {}),
      ...(s.arch ? { arch: await copyIn(s.arch, `arch-${basename(s.arch)}`) } : {}),
      ...(p.render.sarifCategory !== undefined ? { sarifCategory: p.render.sarifCategory } : {}),
      filters: s.filters,
    };
    let snap: Manifest['snapshot'];
    const base = { accountId: p.assessment.snapshot.accountId, collectedAt: p.assessment.snapshot.collectedAt };
    if (p.snapshotFile === undefined) {
      if (p.snapshot === undefined) throw new Error('writePack: a live scan passes its collected snapshot');
      const text = `${JSON.stringify(p.snapshot, null, 2)}\n`;
      await writeFile(join(tmp, PACK_SNAPSHOT), text);
      const hash = { sha256: sha256(text), size: Buffer.byteLength(text) };
      files.push({ name: PACK_SNAPSHOT, role: 'snapshot', ...hash });
      snap = { file: PACK_SNAPSHOT, inPack: true, ...hash, ...base };
    } else {
      const bytes = await readFile(p.snapshotFile);
      snap = { file: basename(p.snapshotFile), inPack: false, sha256: sha256(bytes), size: bytes.length, ...base };
    }
    files.push(...(await renderInto(tmp, p.assessment, p.formats, p.render, p.warnings)));
    const manifest: Manifest = {
      manifestVersion: 1,
      tool: { name: 'archscan', version: VERSION },
      // The reports carry the same time (the pack's cover says when it was made): verify re-renders with it.
      generatedAt: p.render.generatedAt,
      snapshot: snap,
      ruleSets: p.ruleSets.map((r) => ({ id: r.id, title: r.title, version: r.version, builtin: r.builtin })),
      settings,
      flags: settingsFlags(settings),
      files: files.sort((x, y) => (x.name < y.name ? -1 : 1)),
    };
    await writeFile(join(tmp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    if (target === 'empty') await rm(abs, { recursive: true });
    if (target === 'pack') {
      const old = `${tmp}-old`;
      await rename(abs, old);
      await rename(tmp, abs);
      await rm(old, { recursive: true, force: true });
    } else await rename(tmp, abs);
    return manifest;
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    if (e instanceof InputError) throw e;
    throw new InputError('--output-dir', dir, `a writable directory (${(e as Error).message})`);
  }
}
