/**
 * The command line of architecture drift: `arch init` writes a profile that reads back,
 * `scan --arch` with it finds no drift and puts the tier matrix in the report (valid against
 * the report schema); a bad profile is exit 2 with one line naming the file, the place and
 * what was expected, and no report file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatorFor } from '../../src/schemas.js';
import { ROOT, runCli, tempDir, writeTemp } from '../helpers/cli.js';

const SNAP = `${ROOT}fixtures/microfinance.json`;

describe('archscan arch init and scan --arch', () => {
  it('init writes a profile; a scan with it has no drift and reports the matrix', async () => {
    const dir = tempDir();
    const profile = join(dir, 'mfi.arch.yaml');
    const init = await runCli(['arch', 'init', '--snapshot', SNAP, '--output', profile]);
    expect([init.code, init.stderr]).toEqual([0, '']);
    expect(readFileSync(profile, 'utf8')).toMatch(/^# archscan architecture profile/);
    const out = join(dir, 'report.json');
    const scan = await runCli(['scan', '--snapshot', SNAP, '--arch', profile, '--format', 'json', '--output', out, '--fail-on', 'none', '--quiet']);
    expect(scan.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { architecture: { cells: { state: string }[] }; evaluations: { checkId: string; counts: { fail: number; error: number } }[] };
    const validate = validatorFor('report.schema.json');
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const drift = report.evaluations.filter((e) => e.checkId.startsWith('arch-'));
    expect(drift.map((e) => e.checkId).sort()).toEqual(['arch-declared-flows-open', 'arch-flows-declared', 'arch-public-address-in-allowed-tier', 'arch-tier-multi-az', 'arch-tier-regions-allowed', 'arch-vpc-peering-expected']);
    expect(drift.map((e) => e.counts.fail + e.counts.error)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(new Set(report.architecture.cells.map((c) => c.state))).toEqual(new Set(['as-declared']));
  }, 120_000);

  it('scan --arch with the seed profile fails the gate on the planted drift, and the Markdown pack carries the matrix', async () => {
    const r = await runCli(['scan', '--snapshot', SNAP, '--arch', `${ROOT}fixtures/microfinance.arch.yaml`, '--framework', 'pci-dss-v4', '--format', 'markdown', '--fail-on', 'critical']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('## Architecture: mfi-branch-reporting');
    expect(r.stdout).toContain('| internet | uat | undeclared | tcp 3389 | nothing |');
  }, 120_000);

  it.each([
    ['a flow to an unknown tier', 'version: 1\ntiers:\n  - { name: web, subnets: [{ tags: { Tier: web } }] }\nflows:\n  - { from: internet, to: api, ports: [443] }\n', /^archscan: error: .*bad\.arch\.yaml: \/flows\/0\/to \(line 5\): a tier \(web\), not "api"\n$/],
    ['a port out of range', 'version: 1\ntiers:\n  - { name: web, subnets: [{ tags: { Tier: web } }] }\nflows:\n  - { from: internet, to: web, ports: ["443-70000"] }\n', /^archscan: error: .*bad\.arch\.yaml: \/flows\/0\/ports\/0 \(line 5\): a port 0-65535 or a range from-to with from <= to, not "443-70000"\n$/],
    ['a tier named internet', 'version: 1\ntiers:\n  - { name: internet, subnets: [{ ids: [subnet-0a1] }] }\n', /^archscan: error: .*bad\.arch\.yaml: \/tiers\/0\/name \(line 3\): a name other than "internet" \(the built-in network of every public address\)\n$/],
  ])('a profile with %s is exit 2, one line, no report', async (_what, text, line) => {
    const dir = tempDir();
    const bad = writeTemp(dir, 'bad.arch.yaml', text);
    const out = join(dir, 'report.json');
    const r = await runCli(['scan', '--snapshot', SNAP, '--arch', bad, '--format', 'json', '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(line);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
