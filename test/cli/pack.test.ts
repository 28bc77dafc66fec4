import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/reporters/index.js';
import { PACK_FILES } from '../../src/cli/pack.js';
import { validatorFor } from '../../src/schemas.js';
import { ROOT, fixture, runCli, tempDir, writeTemp } from '../helpers/cli.js';

const GIFTCARD = fixture('giftcard-issuer.json');
const ALL = FORMATS.join(',');
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
type Manifest = { generatedAt: string; snapshot: { sha256: string; size: number; inPack: boolean }; tool: { version: string }; files: { name: string; sha256: string; size: number; format?: string; role: string }[]; ruleSets: { id: string; version: string }[]; flags: string[]; settings: Record<string, unknown> };
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

async function pack(...flags: string[]) {
  const dir = join(tempDir(), 'pack');
  const run = await runCli(['scan', '--snapshot', GIFTCARD, '--format', ALL, '--output-dir', dir, '--fail-on', 'none', ...flags]);
  expect(run.code, run.stderr).toBe(0);
  return dir;
}

describe('scan --output-dir: the evidence pack', () => {
  it('writes one file per format, the same bytes as a single-format run, and a manifest that validates', async () => {
    const dir = await pack();
    const m = manifestOf(dir);
    const validate = validatorFor('manifest.schema.json');
    expect(validate(m), JSON.stringify(validate.errors)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([...Object.values(PACK_FILES), 'manifest.json'].sort());
    const snapshot = readFileSync(GIFTCARD);
    expect(m.snapshot).toMatchObject({ sha256: sha(snapshot), size: snapshot.length, inPack: false });
    expect(m.files.map((f) => f.format)).toEqual(expect.arrayContaining([...FORMATS]));
    for (const f of m.files) {
      const bytes = readFileSync(join(dir, f.name));
      expect([f.sha256, f.size], f.name).toEqual([sha(bytes), bytes.length]);
    }
    expect(m.ruleSets.map((r) => r.id)).toEqual(['aws-well-architected', 'cis-aws-foundations', 'mas-trm', 'pci-dss-v4', 'rbi-pso-ppi']);
    expect(Date.now() - Date.parse(m.generatedAt)).toBeLessThan(120_000);
    expect(m.flags).toEqual([`--format ${ALL}`]);
    // The clock is in the manifest only: each report equals a one-format run's output.
    for (const format of ['json', 'sarif', 'csv', 'asff']) {
      const single = await runCli(['scan', '--snapshot', GIFTCARD, '--format', format, '--fail-on', 'none']);
      expect(readFileSync(join(dir, PACK_FILES[format as keyof typeof PACK_FILES]), 'utf8'), format).toBe(single.stdout);
    }
    // Repeated --format works the same as a comma list.
    const dir2 = join(tempDir(), 'p');
    expect((await runCli(['scan', '--snapshot', GIFTCARD, '--format', 'json', '--format', 'sarif,csv', '--output-dir', dir2, '--fail-on', 'none'])).code).toBe(0);
    expect(manifestOf(dir2).files.map((f) => f.name)).toEqual(['report.csv', 'report.json', 'report.sarif']);
    expect(readFileSync(join(dir2, 'report.json'))).toEqual(readFileSync(join(dir, 'report.json')));
  }, 180_000);

  it('verify: OK for an untouched pack, with and without re-rendering', async () => {
    const dir = await pack('--waivers', join(ROOT, 'examples/waivers.yaml'), '--as-of', '2026-06-01');
    const withSnapshot = await runCli(['verify', dir, '--snapshot', GIFTCARD]);
    expect(withSnapshot.code, withSnapshot.stdout).toBe(0);
    expect(withSnapshot.stdout).toMatch(new RegExp(`OK; ${manifestOf(dir).files.length} file hash\\(es\\) checked, ${FORMATS.length} report\\(s\\) re-rendered and compared\\n$`));
    const hashesOnly = await runCli(['verify', dir]);
    expect(hashesOnly.code).toBe(0);
    expect(hashesOnly.stdout).toContain('note: reports not re-rendered: the pack was made from giftcard-issuer.json');
  }, 180_000);

  it('verify: a tampered file, a removed file and an extra file are each named; exit 1', async () => {
    const dir = await pack();
    const csv = join(dir, 'report.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('fail', 'pass'));
    rmSync(join(dir, 'report.sarif'));
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const run = await runCli(['verify', dir]);
    expect(run.code).toBe(1);
    const m = manifestOf(dir);
    const old = m.files.find((f) => f.name === 'report.csv')!;
    expect(run.stdout).toContain(`CHANGED report.csv: sha256 ${sha(readFileSync(csv))} (${readFileSync(csv).length} bytes), manifest says ${old.sha256} (${old.size} bytes)\n`);
    expect(run.stdout).toContain('MISSING report.sarif: listed in the manifest, not in the pack\n');
    expect(run.stdout).toContain('EXTRA notes.txt: in the pack, not in the manifest\n');
    expect(run.stdout).toContain(': 3 problem(s);');
  }, 180_000);

  it('verify: an edited report with its hash recomputed is caught by re-rendering from the snapshot', async () => {
    const dir = await pack();
    const file = join(dir, 'report.json');
    const edited = readFileSync(file, 'utf8').replace(/"score": [0-9.]+/, '"score": 100');
    writeFileSync(file, edited);
    const m = manifestOf(dir);
    const entry = m.files.find((f) => f.name === 'report.json')!;
    entry.sha256 = sha(edited);
    entry.size = Buffer.byteLength(edited);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m, null, 2));
    expect((await runCli(['verify', dir])).code).toBe(0); // the hashes alone agree
    const run = await runCli(['verify', dir, '--snapshot', GIFTCARD]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^DIFFERS report\.json: re-rendered from the snapshot with the manifest's settings, first difference at byte \d+ \(line \d+\)\n/m);
    expect(run.stdout).not.toContain('DIFFERS report.sarif');
    // A different snapshot is named, not compared.
    const other = await runCli(['verify', dir, '--snapshot', fixture('microfinance.json')]);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain(`the pack was made from ${m.snapshot.sha256}: reports not re-rendered`);
  }, 180_000);

  it('all or nothing: a directory that is not a pack is left untouched; an earlier pack is replaced whole', async () => {
    const busy = tempDir();
    writeFileSync(join(busy, 'keep.txt'), 'mine');
    const refused = await runCli(['scan', '--snapshot', GIFTCARD, '--format', 'json,csv', '--output-dir', busy, '--fail-on', 'none']);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringMatching(/^archscan: error: --output-dir: .*: a new or empty directory, or an earlier archscan pack \(it has files and no manifest\.json\)\n$/)]);
    expect(readdirSync(busy)).toEqual(['keep.txt']);
    expect(readdirSync(join(busy, '..')).filter((f) => f.includes('archscan-tmp'))).toEqual([]);
    const dir = join(tempDir(), 'pack');
    expect((await runCli(['scan', '--snapshot', GIFTCARD, '--format', 'json,csv', '--output-dir', dir, '--fail-on', 'none'])).code).toBe(0);
    expect((await runCli(['scan', '--snapshot', GIFTCARD, '--format', 'sarif', '--output-dir', dir, '--fail-on', 'none'])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'report.sarif']);
    expect((await runCli(['verify', dir, '--snapshot', GIFTCARD])).code).toBe(0);
  }, 180_000);

  it('bad input: exit 2 with one line', async () => {
    const tmp = tempDir();
    const cases: [string[], RegExp][] = [
      [['scan', '--snapshot', GIFTCARD, '--format', 'json,sarif'], /^archscan: error: --format: one format, or --output-dir DIR to write json, sarif as one file each\n$/],
      [['scan', '--snapshot', GIFTCARD, '--format', 'json,sarif', '--output', join(tmp, 'r')], /^archscan: error: --output: not with --output-dir|^archscan: error: --format: one format, or --output-dir DIR .*\(--output writes one file\)\n$/],
      [['scan', '--snapshot', GIFTCARD, '--format', 'json', '--output', join(tmp, 'r'), '--output-dir', join(tmp, 'd')], /^archscan: error: --output: not with --output-dir/],
      [['scan', '--snapshot', GIFTCARD, '--format', 'json,pdf', '--output-dir', join(tmp, 'd')], /^archscan: error: option '--format <format>' argument 'json,pdf' is invalid\. Allowed choices are text, json, /],
      [['scan', '--snapshot', GIFTCARD, '--format', 'json', '--output-dir', writeTemp(tmp, 'f', 'x')], /^archscan: error: --output-dir: .*\/f: a directory, not a file\n$/],
      [['verify', tmp], /^archscan: error: .*: an evidence pack directory: it has no manifest\.json\n$/],
    ];
    writeFileSync(join(tmp, 'x'), '');
    for (const [args, message] of cases) {
      const run = await runCli(args);
      expect([run.code, run.stderr], args.join(' ')).toEqual([2, expect.stringMatching(message)]);
    }
    expect(existsSync(join(tmp, 'd'))).toBe(false);
    const bad = join(tempDir(), 'pack');
    await runCli(['scan', '--snapshot', GIFTCARD, '--format', 'json', '--output-dir', bad, '--fail-on', 'none']);
    writeFileSync(join(bad, 'manifest.json'), '{"manifestVersion": 1, "files": 3}');
    const run = await runCli(['verify', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^archscan: error: .*manifest\.json: \/: .*\n$/);
  }, 180_000);
});
