import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { servicesOf } from '../../src/rules/filter.js';
import { validatorFor } from '../../src/schemas.js';
import { fixture, runCli, tempDir } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif.js';

const GIFTCARD = fixture('giftcard-issuer.json');
const scan = (...flags: string[]) => runCli(['scan', '--snapshot', GIFTCARD, '--fail-on', 'none', ...flags]);
type Report = {
  filters?: { statement: string; checksRun: string[]; checksLeftOut: string[]; controlsLeftOut: string[]; controlsPartlyEvaluated: string[] };
  evaluations: { checkId: string; severity: string }[];
  frameworks: { id: string; score: number | null; controls: { id: string; status: string; evaluations: string[] }[] }[];
};
const json = async (...flags: string[]) => JSON.parse((await scan('--format', 'json', ...flags)).stdout) as Report;

describe('filters', () => {
  it('--checks runs only those checks; controls left with none are left out, not passed; the report says so', async () => {
    const full = await json();
    const r = await json('--checks', 'ec2-sg-no-public-admin-ports,iam-root-mfa-enabled');
    expect(validatorFor('report.schema.json')(r)).toBe(true);
    expect([...new Set(r.evaluations.map((e) => e.checkId))].sort()).toEqual(['ec2-sg-no-public-admin-ports', 'iam-root-mfa-enabled']);
    expect(r.filters!.checksRun).toEqual(['ec2-sg-no-public-admin-ports', 'iam-root-mfa-enabled']);
    // Every control still in the report is evidenced only by the checks that ran; no control passes on nothing.
    const kept = new Set(r.frameworks.flatMap((f) => f.controls.map((c) => `${f.id}:${c.id}`)));
    const all = full.frameworks.flatMap((f) => f.controls.map((c) => `${f.id}:${c.id}`));
    expect(r.filters!.controlsLeftOut.length + kept.size).toBe(all.length);
    for (const id of r.filters!.controlsLeftOut) expect(kept.has(id)).toBe(false);
    for (const f of r.frameworks) for (const c of f.controls) expect(c.evaluations.length).toBeGreaterThan(0);
    expect(r.filters!.statement).toMatch(/^Filtered scan \(--checks ec2-sg-no-public-admin-ports,iam-root-mfa-enabled\): 2 of \d+ checks of the selected frameworks run; \d+ control\(s\) left out \(not evaluated, not scored\), \d+ evaluated with only some of their checks\. Scores cover only what was evaluated: this is not a full assessment\.$/);
    // An unfiltered report has no filters field.
    expect(full.filters).toBeUndefined();
  }, 180_000);

  it('--exclude-checks, --services and --severity (minimum) select by check id, service prefix of the calls, and severity', async () => {
    const ex = await json('--exclude-checks', 'ec2-sg-no-public-admin-ports');
    expect(ex.evaluations.some((e) => e.checkId === 'ec2-sg-no-public-admin-ports')).toBe(false);
    expect(ex.filters!.checksLeftOut).toEqual(['ec2-sg-no-public-admin-ports']);
    const svc = await json('--services', 's3');
    expect(svc.evaluations.length).toBeGreaterThan(0);
    for (const e of svc.evaluations) expect(servicesOf(CHECKS[e.checkId as keyof typeof CHECKS]), e.checkId).toContain('s3');
    const sev = await json('--severity', 'high');
    expect(sev.evaluations.length).toBeGreaterThan(0);
    for (const e of sev.evaluations) expect(['critical', 'high']).toContain(e.severity);
    const both = await json('--services', 'ec2', '--severity', 'critical');
    expect(both.filters!.statement).toContain('(--services ec2 --severity critical)');
  }, 180_000);

  it('unknown ids exit 2 with one line naming the id and a close match or the known ones', async () => {
    const cases: [string[], string][] = [
      [['--checks', 'ec2-sg-no-public-admin-port'], 'archscan: error: --checks: check ids; "ec2-sg-no-public-admin-port" is not a check (did you mean "ec2-sg-no-public-admin-ports"?): `archscan checks` lists all'],
      [['--exclude-checks', 'nope'], 'archscan: error: --exclude-checks: check ids; "nope" is not a check: `archscan checks` lists all'],
      [['--services', 'ec3'], 'archscan: error: --services: service names; "ec3" is not one (did you mean "ec2"?): known '],
      [['--services', ','], 'archscan: error: --services: a comma-separated list of service names'],
    ];
    for (const [flags, start] of cases) {
      const run = await scan(...flags);
      expect(run.code, flags.join(' ')).toBe(2);
      expect(run.stderr.startsWith(start), run.stderr).toBe(true);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    const sev = await scan('--severity', 'urgent');
    expect(sev.code).toBe(2);
    const none = await scan('--checks', 'iam-root-mfa-enabled', '--exclude-checks', 'iam-root-mfa-enabled');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('these leave none');
  }, 180_000);

  it('every format states the filter', async () => {
    const flags = ['--services', 'ec2'];
    const statement = (await json(...flags)).filters!.statement;
    const dir = join(tempDir(), 'pack');
    const run = await scan(...flags, '--format', 'text,json,sarif,junit,markdown,html,csv,asff,ocsf', '--output-dir', dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`archscan: note: ${statement}\n`);
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    // text: a header line, right under the first.
    expect(read('report.txt').split('\n')[1]).toBe(statement);
    // SARIF: run.properties.filters, and the log still validates.
    const sarif = JSON.parse(read('report.sarif'));
    expect(sarif.runs[0].properties.filters.statement).toBe(statement);
    expect(sarifValidator()(sarif)).toBe(true);
    // JUnit: a property of every suite.
    const junit = read('report.junit.xml');
    const suites = junit.match(/<testsuite /g)!.length;
    expect(junit.split(`<property name="filter" value="${statement}"/>`).length - 1).toBe(suites);
    // Markdown and HTML: on the cover.
    expect(read('report.md')).toContain(`> **${statement}**`);
    expect(read('report.html')).toContain(`<dt>Filtered scan</dt><dd><strong class="filtered">${statement}</strong></dd>`);
    // CSV: a last column on every row; a CSV parser still reads it.
    const rows = parse(read('report.csv'), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row['scan_filter']).toBe(statement);
    // ASFF and OCSF: on every finding.
    for (const f of JSON.parse(read('report.asff.json'))) expect(f.ProductFields['archscan/Filter']).toBe(statement);
    for (const e of JSON.parse(read('report.ocsf.json'))) expect(e.unmapped.archscan.filter).toBe(statement);
    // The manifest records the filter, and verify replays it.
    const manifest = JSON.parse(read('manifest.json'));
    expect(manifest.settings.filters).toEqual({ services: ['ec2'] });
    expect(manifest.flags).toContain('--services ec2');
    expect((await runCli(['verify', dir, '--snapshot', GIFTCARD])).code).toBe(0);
    // An unfiltered CSV keeps its columns.
    expect((await scan('--format', 'csv')).stdout.split('\r\n')[0]).not.toContain('scan_filter');
  }, 180_000);
});
