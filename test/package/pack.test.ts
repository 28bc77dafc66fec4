/**
 * The npm package as `npm publish` would make it: `npm pack` (its `prepare`
 * script does a clean build) in a copy of the repository, so this suite's own
 * dist/ is never rebuilt under the other tests. Then the tarball's contents,
 * and the demo run from it, installed in an empty directory.
 *
 * Offline install: `npm install --offline archscan-x.tgz` fails with
 * ENOTCACHED, because `npm ci` caches tarballs but not the registry metadata
 * an install from a tarball resolves versions with. So the tarball is
 * unpacked into node_modules/archscan as npm would, and each of the
 * `dependencies` its package.json declares is linked from this repository's
 * node_modules (the versions the lockfile pins). Node resolves a package's
 * imports from where it sits, so anything archscan imports without declaring
 * it fails here, as it would for a user.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, ROOT, type CliRun } from '../helpers/cli.js';
import { SCHEMA_NAMES } from '../../src/schemas.js';

/** The validators `npm run build` compiles from the schemas (scripts/build-validators.mjs). */
const VALIDATORS = SCHEMA_NAMES.map((n) => `dist/validators/${n}.cjs`);

interface Packed {
  filename: string;
  files: { path: string }[];
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** npm itself: the one running `npm test`, else the one beside this Node. */
function npm(): [string, string[]] {
  const cli = process.env['npm_execpath'];
  if (cli && /npm-cli\.js$/.test(cli)) return [process.execPath, [cli]];
  return ['npm', []];
}

const work = mkdtempSync(join(tmpdir(), 'archscan-pack-'));
const env = { PATH: process.env['PATH'] ?? '', HOME: work, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', AWS_EC2_METADATA_DISABLED: 'true' };
let packed: Packed;
let files: string[];
let app: string;
let pkg: { name: string; version: string; license: string; homepage: string; repository: { type: string; url: string }; dependencies: Record<string, string> };

beforeAll(async () => {
  // A copy of the sources without node_modules, dist or .git; node_modules linked for the build.
  const stage = join(work, 'stage');
  const skip = new Set(['node_modules', 'dist', '.git'].map((d) => join(ROOT, d)));
  cpSync(ROOT, stage, { recursive: true, filter: (src) => !skip.has(src.replace(/\/$/, '')) });
  symlinkSync(join(ROOT, 'node_modules'), join(stage, 'node_modules'), 'dir');
  const [cmd, pre] = npm();
  const out = join(work, 'out');
  mkdirSync(out);
  const pack = await run(cmd, [...pre, 'pack', '--json', '--pack-destination', out], stage, env);
  expect(pack.code, pack.stderr).toBe(0);
  // npm prints the lifecycle scripts' output before the JSON.
  packed = (JSON.parse(pack.stdout.slice(pack.stdout.search(/^\[/m))) as Packed[])[0]!;
  files = packed.files.map((f) => f.path).sort();

  // Installed in an empty directory, as npm lays a package out.
  app = join(work, 'app');
  const home = join(app, 'node_modules', 'archscan');
  mkdirSync(home, { recursive: true });
  const tar = await run('tar', ['-xzf', join(out, packed.filename), '-C', home, '--strip-components=1'], work, env);
  expect(tar.code, tar.stderr).toBe(0);
  pkg = JSON.parse(readFileSync(join(home, 'package.json'), 'utf8')) as typeof pkg;
  for (const dep of Object.keys(pkg.dependencies)) {
    const from = join(ROOT, 'node_modules', dep);
    if (!existsSync(from)) throw new Error(`${dep} is not installed in ${ROOT}node_modules: run npm ci`);
    mkdirSync(dirname(join(app, 'node_modules', dep)), { recursive: true });
    symlinkSync(from, join(app, 'node_modules', dep), 'dir');
  }
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ private: true, dependencies: { archscan: pkg.version } })}\n`);
}, 300_000);

describe('npm pack', () => {
  it('holds the licence, the sample snapshot and what the CLI reads at run time, and nothing else', () => {
    const rules = readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.yaml')).map((f) => `rules/${f}`);
    const schemas = readdirSync(join(ROOT, 'schemas')).filter((f) => f.endsWith('.json')).map((f) => `schemas/${f}`);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/archscan.js', 'fixtures/giftcard-issuer.json', 'dist/cli/main.js', ...rules, ...schemas]));
    const allowed = (f: string) => /^dist\/.+\.js$/.test(f) || ['dist/rules.cache.json', ...VALIDATORS, 'LICENSE', 'README.md', 'package.json', 'bin/archscan.js', 'fixtures/giftcard-issuer.json', ...rules, ...schemas].includes(f);
    expect(files.filter((f) => !allowed(f)), 'test data, sources, docs or vendored test schemas in the package').toEqual([]);
    expect(readFileSync(join(app, 'node_modules/archscan/LICENSE'), 'utf8')).toBe(readFileSync(join(ROOT, 'LICENSE'), 'utf8'));
  });

  it('compiles nothing test-only or stale: every dist file is the build of a source that is not a fake', () => {
    const dist = files.filter((f) => f.startsWith('dist/') && f.endsWith('.js'));
    // The built files that are not compiled from a source: the built-in rule sets' cache (scripts/cache-rules.mjs)
    // and the schemas' validators (scripts/build-validators.mjs).
    expect(files.filter((f) => f.startsWith('dist/') && !f.endsWith('.js')).sort()).toEqual(['dist/rules.cache.json', ...VALIDATORS].sort());
    expect(dist.filter((f) => /\/fake\.js$/.test(f))).toEqual([]);
    const orphans = dist.filter((f) => !existsSync(join(ROOT, 'src', relative('dist', f).replace(/\.js$/, '.ts'))));
    expect(orphans).toEqual([]);
  });

  it('has no dangling source maps: no maps are shipped, and no file points at one', () => {
    const home = join(app, 'node_modules/archscan');
    const pointers = files
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => [...readFileSync(join(home, f), 'utf8').matchAll(/^\/\/# sourceMappingURL=(.+)$/gm)].map((m) => [f, m[1]!] as const));
    // Whatever map a file names must be in the package, and every source a map names too (or its text inline).
    for (const [file, url] of pointers) {
      const map = posix.join(posix.dirname(file), url);
      expect(files, `${file} points at ${map}`).toContain(map);
      const { sources, sourcesContent } = JSON.parse(readFileSync(join(home, map), 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      sources.forEach((s, i) => {
        if (sourcesContent?.[i] == null) expect(files, `${map} names ${s}`).toContain(posix.join(posix.dirname(map), s));
      });
    }
    // The decision (README, Development): ship no maps at all.
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(pointers).toEqual([]);
  });

  it('names the licence and the repository', () => {
    expect(pkg.license).toBe('Apache-2.0');
    const license = readFileSync(join(app, 'node_modules/archscan/LICENSE'), 'utf8');
    expect(license).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004\s+http:\/\/www\.apache\.org\/licenses\//);
    expect(license).toContain('END OF TERMS AND CONDITIONS');
    expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/archscan/archscan.git' });
    expect(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')).toBe(pkg.homepage);
  });
});

describe('the packed CLI in an empty directory', () => {
  const archscan = (...args: string[]) => run(process.execPath, [join(app, 'node_modules/archscan/bin/archscan.js'), ...args], app, env);

  it('scan --demo scans the sample it ships: the same report as the golden one, and says it is the sample', async () => {
    const r = await archscan('scan', '--demo', '--format', 'json');
    expect(r.code, r.stderr).toBe(1); // the sample account has findings
    expect(r.stdout).toBe(readFileSync(fixture('giftcard-issuer.report.json'), 'utf8'));
    expect(r.stderr).toContain(`archscan: --demo: scanning the bundled sample account (fictional; not your AWS account): ${join(app, 'node_modules/archscan/fixtures/giftcard-issuer.json')}`);
  }, 60_000);

  it('prints its version and the text report', async () => {
    expect((await archscan('--version')).stdout.trim()).toBe(pkg.version);
    const text = await archscan('scan', '--demo', '--framework', 'rbi-pso-ppi');
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^archscan \S+ · account 100000000002 \(aws\) · regions ap-south-1/);
  }, 60_000);
});
