/**
 * Waivers from the command line: the gate, `archscan validate`, and bad
 * waiver files (exit 2 naming the file, the entry and what was expected).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT, runCli, tempDir, writeTemp } from '../helpers/cli.js';

const GIFTCARD = fixture('giftcard-issuer.json');
const EXAMPLE = join(ROOT, 'examples/waivers.yaml');

const entry = (fields: Record<string, string>) =>
  `  - ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n    ')}\n`;
const GOOD = { id: 'RA-1', check: 'ec2-imdsv2-required', resource: 'arn:aws:ec2:*', reason: 'Vendor AMI awaiting upgrade.', approver: 'CISO', expires: '2027-03-31' };

describe('scan --waivers', () => {
  it('exits 0 when every failure is waived, and says which waivers lapsed', async () => {
    const planted = parse(readFileSync(fixture('giftcard-issuer.planted.yaml'), 'utf8')) as { failures: { check: string }[] };
    const checks = [...new Set(planted.failures.map((f) => f.check))].sort();
    const file = writeTemp(
      tempDir(),
      'all.yaml',
      `waivers:\n${checks.map((check, i) => entry({ ...GOOD, id: `RA-${i}`, check, resource: '*' })).join('')}` +
        entry({ ...GOOD, id: 'RA-old', expires: '2026-01-31' }),
    );
    const run = await runCli(['scan', '--snapshot', GIFTCARD, '--waivers', file, '--as-of', '2026-11-23']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('WAIVED');
    expect(run.stderr).toContain('waiver RA-old expired on 2026-01-31 and no longer applies');
    // The same file judged after the waivers' expiry: nothing is waived, the gate fails again.
    const later = await runCli(['scan', '--snapshot', GIFTCARD, '--waivers', file, '--as-of', '2027-04-01', '--quiet']);
    expect(later.code).toBe(1);
  });

  it('the example waiver file keeps the gate failing on the failures it does not cover', async () => {
    const run = await runCli(['scan', '--snapshot', GIFTCARD, '--waivers', EXAMPLE, '--as-of', '2026-11-23', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).waivers.entries.map((w: { state: string }) => w.state)).toEqual(['active', 'active', 'expired', 'stale']);
    expect(run.stderr).toContain('waiver RA-2026-009 matches no failing result');
  });
});

describe('waivers across quarters', () => {
  it('waivers added since the baseline report show as newly waived, per framework and control', async () => {
    const run = await runCli([
      'scan', '--snapshot', GIFTCARD, '--waivers', EXAMPLE, '--as-of', '2026-11-23',
      '--baseline', fixture('giftcard-issuer.report.json'), '--format', 'json', '--fail-on-new', 'low',
    ]);
    // Nothing new since the baseline (the same snapshot), so --fail-on-new passes.
    expect(run.code, run.stderr).toBe(0);
    const diff = JSON.parse(run.stdout).baseline;
    // The 9 IMDS findings are waived everywhere; the 3 subnet tiers only in one WA control.
    expect(diff.counts).toMatchObject({ new: 0, fixed: 0, newly_waived: 9, undetermined: 0 });
    const wa = diff.frameworks.find((f: { id: string }) => f.id === 'aws-well-architected');
    expect(wa.counts.newly_waived).toBe(9);
    expect(wa.controls.find((c: { id: string }) => c.id === 'REL10-BP01').counts.newly_waived).toBe(3);
    expect(diff.frameworks.find((f: { id: string }) => f.id === 'pci-dss-v4').counts.newly_waived).toBe(0);
  });
});

describe('bad waiver files exit 2 naming the entry', () => {
  const cases: [string, string, RegExp][] = [
    ['missing reason', entry({ ...GOOD, reason: '' }).replace(/\n {4}reason: ""/, ''), /bad\.yaml: \/waivers\/0 \(line 2\) \(waiver "RA-1"\): .*reason/],
    ['missing expiry', entry({ ...GOOD }).replace(/\n {4}expires: "2027-03-31"/, ''), /bad\.yaml: \/waivers\/0 \(line 2\) \(waiver "RA-1"\): .*expires/],
    ['an impossible date', entry({ ...GOOD, expires: '2027-02-30' }), /\/waivers\/0\/expires \(line 7\) \(waiver "RA-1"\): a real calendar date \(YYYY-MM-DD\), not "2027-02-30"/],
    ['a date in another format', entry({ ...GOOD, expires: '31/03/2027' }), /\/waivers\/0\/expires \(line 7\) \(waiver "RA-1"\): the last day the waiver applies, as YYYY-MM-DD, not "31\/03\/2027"/],
    ['a reason too short to explain anything', entry({ ...GOOD, reason: 'ok' }), /\/waivers\/0\/reason \(line 5\) \(waiver "RA-1"\): a reason of at least 10 characters/],
    ['a control without its framework', entry({ ...GOOD, check: undefined as never, control: 'REL10-BP01' }).replace(/\n {4}check: undefined/, ''), /\/waivers\/0\/control .*framework:control, e\.g\. "aws-well-architected:REL10-BP01", not "REL10-BP01"/],
    ['an unknown check', entry({ ...GOOD, check: 'ec2-imds-typo' }), /\/waivers\/0\/check \(line 3\) \(waiver "RA-1"\): a known check id .*not "ec2-imds-typo"/],
    ['an unknown control', entry({ ...GOOD, check: undefined as never, control: 'pci-dss-v4:99.9' }).replace(/\n {4}check: undefined/, ''), /\/waivers\/0\/control .*a control of pci-dss-v4 .*not "pci-dss-v4:99.9"/],
    ['both check and control', entry({ ...GOOD, control: 'pci-dss-v4:8.3.6' }), /\/waivers\/0 \(line 2\) \(waiver "RA-1"\): exactly one of "check" or "control"/],
    ['a duplicate id', entry(GOOD) + entry(GOOD), /\/waivers\/1\/id \(line 8\) \(waiver "RA-1"\): a unique waiver id; "RA-1" appears twice/],
  ];

  it.each(cases)('%s', async (_, body, message) => {
    const dir = tempDir();
    const file = writeTemp(dir, 'bad.yaml', `waivers:\n${body}`);
    const out = join(dir, 'report.json');
    const run = await runCli(['scan', '--snapshot', GIFTCARD, '--waivers', file, '--format', 'json', '--output', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    const validate = await runCli(['validate', file]);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toMatch(message);
  });

  it('an empty file says so', async () => {
    const file = writeTemp(tempDir(), 'empty.yaml', '# nothing yet\n');
    const run = await runCli(['scan', '--snapshot', GIFTCARD, '--waivers', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('empty.yaml: /: a top-level "waivers:" list; the file is empty');
  });

  it('--as-of must be a real date, and only comes with --waivers', async () => {
    const bad = await runCli(['scan', '--snapshot', GIFTCARD, '--waivers', EXAMPLE, '--as-of', '2026-13-01']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of: a calendar date YYYY-MM-DD, not "2026-13-01"');
    const alone = await runCli(['scan', '--snapshot', GIFTCARD, '--as-of', '2026-11-23']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--as-of: only with --waivers');
  });

  it('validate accepts the example waiver file', async () => {
    const run = await runCli(['validate', EXAMPLE]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`ok: ${EXAMPLE} is a valid waiver file (4 waivers, earliest expiry 2026-09-30)\n`);
  });
});
