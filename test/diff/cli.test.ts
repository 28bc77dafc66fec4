/**
 * `archscan diff` and `scan --baseline` on the built CLI. OLD is the scan of
 * fixtures/giftcard-issuer.json; NEW is a copy with two planted problems
 * fixed (the SQL Server key now rotates, the UAT VPC flow log captures ALL)
 * and one new (the RD Gateway's root volume unencrypted, medium); HIGH is NEW
 * plus SSH open to the internet on qc-uat-mssql-sg (one more new, high).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { findingFingerprint } from '../../src/assess/identity.js';
import { diffWarnings } from '../../src/cli/diff.js';
import { scoreChange } from '../../src/diff/diff.js';
import type { ReportDiff } from '../../src/diff/types.js';
import { ajv, validatorFor } from '../../src/schemas.js';
import { filesIn, fixture, runCli, tempDir, writeTemp } from '../helpers/cli.js';

const ACCOUNT = '100000000002';
const REGION = `ap-south-1:${ACCOUNT}`;
const KEY_ARN = `arn:aws:kms:${REGION}:key/739156cd-643d-4e93-a3b1-fc5869fdac02`;
const UAT_VPC_ARN = `arn:aws:ec2:${REGION}:vpc/vpc-00e628555c443b92f`;
const VOLUME_ARN = `arn:aws:ec2:${REGION}:volume/vol-0168150d35bc51fce`;
const UAT_SQL_SG_ARN = `arn:aws:ec2:${REGION}:security-group/sg-09c6047016a51a7a9`;

// Raw report and snapshot JSON, edited in place.
type Json = any;

function plant(snapshot: Json, high: boolean): Json {
  const r = snapshot.regions['ap-south-1'];
  r.perResource['kms:GetKeyRotationStatus']['739156cd-643d-4e93-a3b1-fc5869fdac02'].KeyRotationEnabled = true;
  r.calls['ec2:DescribeFlowLogs'].FlowLogs.find((f: Json) => f.ResourceId === 'vpc-00e628555c443b92f').TrafficType = 'ALL';
  const volume = r.calls['ec2:DescribeVolumes'].Volumes.find((v: Json) => v.VolumeId === 'vol-0168150d35bc51fce');
  volume.Encrypted = false;
  delete volume.KmsKeyId;
  if (high) {
    r.calls['ec2:DescribeSecurityGroups'].SecurityGroups.find((g: Json) => g.GroupId === 'sg-09c6047016a51a7a9').IpPermissions.push({
      IpProtocol: 'tcp', FromPort: 22, ToPort: 22, UserIdGroupPairs: [], IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [],
    });
  }
  return snapshot;
}

let dir: string;
const at = (name: string) => join(dir, name);
const read = (name: string): Json => JSON.parse(readFileSync(at(name), 'utf8'));
const diffJson = async (...args: string[]) => {
  const run = await runCli(['diff', ...args, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ReportDiff;
};

beforeAll(async () => {
  dir = tempDir();
  const original = readFileSync(fixture('giftcard-issuer.json'), 'utf8');
  writeTemp(dir, 'new.snap.json', JSON.stringify(plant(JSON.parse(original), false)));
  writeTemp(dir, 'high.snap.json', JSON.stringify(plant(JSON.parse(original), true)));
  const scans = await Promise.all([
    runCli(['scan', '--snapshot', fixture('giftcard-issuer.json'), '--format', 'json', '--output', at('old.json')]),
    runCli(['scan', '--snapshot', at('new.snap.json'), '--format', 'json', '--output', at('new.json')]),
    runCli(['scan', '--snapshot', at('high.snap.json'), '--format', 'json', '--output', at('high.json')]),
    runCli(['scan', '--snapshot', fixture('payments-group.json'), '--format', 'json', '--output', at('payments.json')]),
  ]);
  // The seed accounts have findings (exit 1); payments-group has error results (exit 3).
  expect(scans.map((s) => s.code)).toEqual([1, 1, 1, 3]);
}, 120_000);

describe('archscan diff OLD NEW --format json', () => {
  let d: ReportDiff;
  beforeAll(async () => {
    d = await diffJson(at('old.json'), at('new.json'));
  });

  it('counts each kind overall and per framework', () => {
    expect(d.counts).toEqual({ new: 1, fixed: 2, persisting: 50, newly_waived: 0, undetermined: 0 });
    expect(Object.fromEntries(d.frameworks.map((f) => [f.id, f.counts]))).toEqual({
      'aws-well-architected': { new: 1, fixed: 2, persisting: 48, newly_waived: 0, undetermined: 0 },
      // CIS 4.7 accepts the UAT VPC's REJECT flow log (so nothing to fix there) and maps no per-volume encryption check.
      'cis-aws-foundations': { new: 0, fixed: 1, persisting: 30, newly_waived: 0, undetermined: 0 },
      'mas-trm': { new: 1, fixed: 2, persisting: 47, newly_waived: 0, undetermined: 0 },
      'pci-dss-v4': { new: 1, fixed: 2, persisting: 33, newly_waived: 0, undetermined: 0 },
      'rbi-pso-ppi': { new: 1, fixed: 2, persisting: 38, newly_waived: 0, undetermined: 0 },
    });
    expect(d.frameworksOnlyIn).toEqual({ old: [], new: [] });
    expect(d.old).toEqual({ accountId: ACCOUNT, collectedAt: '2026-11-20T06:00:00Z', toolVersion: '0.1.0', complete: true });
  });

  it('persisting per framework = distinct failing (check, ARN) of the older report, less the fixed', () => {
    const old = read('old.json');
    const byKey = new Map<string, Json>(old.evaluations.map((e: Json) => [e.key, e]));
    for (const f of old.frameworks) {
      const failing = new Set<string>();
      for (const c of f.controls) {
        for (const k of c.evaluations) for (const r of byKey.get(k).results) if (r.status === 'fail') failing.add(`${r.checkId} ${r.resource.arn}`);
      }
      const counts = d.frameworks.find((x) => x.id === f.id)!.counts;
      expect(counts.persisting, f.id).toBe(failing.size - counts.fixed);
    }
  });

  it('scores: exact changes, from the two reports', () => {
    expect(Object.fromEntries(d.frameworks.map((f) => [f.id, [f.oldScore, f.newScore, f.scoreChange]]))).toEqual({
      'aws-well-architected': [83.7, 84, 0.3],
      'cis-aws-foundations': [82.5, 83.1, 0.6],
      'mas-trm': [83.5, 83.8, 0.3],
      'pci-dss-v4': [87.1, 87.4, 0.3],
      'rbi-pso-ppi': [88.7, 89, 0.3],
    });
    const [old, neu] = [read('old.json'), read('new.json')];
    for (const f of d.frameworks) {
      const [o, n] = [old.frameworks.find((x: Json) => x.id === f.id), neu.frameworks.find((x: Json) => x.id === f.id)];
      expect([f.oldScore, f.newScore, f.scoreChange]).toEqual([o.score, n.score, scoreChange(o.score, n.score)]);
    }
  });

  it('a named control: PCI DSS 3.7.4 (key cryptoperiod) is fixed, 3.5.1 (stored data unreadable) has the new finding', () => {
    const pci = d.frameworks.find((f) => f.id === 'pci-dss-v4')!;
    const keys = pci.controls.find((c) => c.id === '3.7.4')!;
    expect(keys).toMatchObject({ oldStatus: 'fail', newStatus: 'pass', oldScore: 75, newScore: 100, scoreChange: 25 });
    expect(keys.counts).toEqual({ new: 0, fixed: 1, persisting: 0, newly_waived: 0, undetermined: 0 });
    expect(keys.findings).toEqual([findingFingerprint('kms-key-rotation-enabled', KEY_ARN)]);
    const stored = pci.controls.find((c) => c.id === '3.5.1')!;
    expect(stored).toMatchObject({ oldScore: 96.3, newScore: 92.6, scoreChange: -3.7 });
    // The NTP server's imported volume was unencrypted already (planted): persisting.
    expect(stored.counts).toEqual({ new: 1, fixed: 0, persisting: 1, newly_waived: 0, undetermined: 0 });
    expect(stored.byKind.persisting).toEqual([findingFingerprint('ebs-volume-encrypted', `arn:aws:ec2:${REGION}:volume/vol-0630766fb93582f96`)]);
    expect(stored.byKind.new).toEqual([findingFingerprint('ebs-volume-encrypted', VOLUME_ARN)]);
    // Every control of the framework is listed, changed or not.
    expect(pci.controls.map((c) => c.id)).toEqual(read('new.json').frameworks.find((f: Json) => f.id === 'pci-dss-v4').controls.map((c: Json) => c.id));
  });

  it('the changed findings, with fingerprints', () => {
    const changed = d.findings.filter((f) => f.change !== 'persisting').map((f) => [f.change, f.checkId, f.arn, f.fingerprint, f.before, f.after]);
    expect(changed).toEqual([
      ['new', 'ebs-volume-encrypted', VOLUME_ARN, findingFingerprint('ebs-volume-encrypted', VOLUME_ARN), 'pass', 'fail'],
      ['fixed', 'kms-key-rotation-enabled', KEY_ARN, findingFingerprint('kms-key-rotation-enabled', KEY_ARN), 'fail', 'pass'],
      ['fixed', 'vpc-flow-logs-enabled', UAT_VPC_ARN, findingFingerprint('vpc-flow-logs-enabled', UAT_VPC_ARN), 'fail', 'pass'],
    ]);
    expect(d.findings.find((f) => f.change === 'new')).toMatchObject({ severity: 'medium', region: 'ap-south-1', resourceType: 'AWS::EC2::Volume', resourceId: 'vol-0168150d35bc51fce' });
  });

  it('fingerprints are the SARIF partialFingerprints of the same findings', async () => {
    const run = await runCli(['scan', '--snapshot', at('new.snap.json'), '--format', 'sarif']);
    const sarif = JSON.parse(run.stdout) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
    const inSarif = new Set(sarif.runs[0]!.results.map((r) => r.partialFingerprints['archscanResource/v1']));
    const failingNow = d.findings.filter((f) => f.change === 'new' || f.change === 'persisting');
    expect(failingNow).toHaveLength(51);
    for (const f of failingNow) expect(inSarif.has(f.fingerprint), f.checkId).toBe(true);
  });

  it('validates against the reportDiff definition of the report schema', () => {
    validatorFor('report.schema.json');
    const validate = ajv.getSchema('https://archscan.dev/schemas/report-v1.json#/definitions/reportDiff')!;
    expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('archscan diff, text', () => {
  it('shows the counts, the score changes and the new and fixed findings', async () => {
    const run = await runCli(['diff', at('old.json'), at('new.json')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`archscan diff · account ${ACCOUNT}`);
    expect(run.stdout).toContain('Findings  1 new · 2 fixed · 50 persisting · 0 newly waived · 0 undetermined');
    expect(run.stdout).toMatch(/PCI DSS v4\.0\.1 \[pci-dss-v4\]  score 87\.1 → 87\.4 \(\+0\.3\)\n  1 new · 2 fixed · 33 persisting/);
    expect(run.stdout).toContain('3.7.4  Keys changed when their cryptoperiod ends  score 75.0 → 100.0 (+25.0)  fail → pass  1 fixed');
    expect(run.stdout).toMatch(/New \(1\)\n  MEDIUM   ebs-volume-encrypted  vol-0168150d35bc51fce ap-south-1\n/);
    expect(run.stdout).toContain('Fixed (2)');
    expect(run.stdout).toContain('Persisting (50)');
    expect(run.stdout).not.toContain('\u001b['); // no colour off a terminal
  });

  it('--output writes the same bytes as stdout', async () => {
    const out = tempDir();
    const [toStdout, toFile] = await Promise.all([
      runCli(['diff', at('old.json'), at('new.json'), '--format', 'json']),
      runCli(['diff', at('old.json'), at('new.json'), '--format', 'json', '--output', join(out, 'd.json')]),
    ]);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe('');
    expect(readFileSync(join(out, 'd.json'), 'utf8')).toBe(toStdout.stdout);
    expect(toStdout.stdout.endsWith('}\n')).toBe(true);
  });

  it('reads a gzipped report (.json.gz) like a plain one', async () => {
    writeTemp(dir, 'old.json.gz', gzipSync(readFileSync(at('old.json'))));
    const [plain, gzipped] = await Promise.all([
      runCli(['diff', at('old.json'), at('new.json'), '--format', 'json']),
      runCli(['diff', at('old.json.gz'), at('new.json'), '--format', 'json']),
    ]);
    expect(gzipped.code, gzipped.stderr).toBe(0);
    expect(gzipped.stdout).toBe(plain.stdout);
  });
});

describe('--fail-on-new', () => {
  it('diff: 0 without a new high finding, 1 with one; the gate line says why', async () => {
    const [medium, high, critical, none] = await Promise.all([
      runCli(['diff', at('old.json'), at('new.json'), '--fail-on-new', 'high']),
      runCli(['diff', at('old.json'), at('high.json'), '--fail-on-new', 'high']),
      runCli(['diff', at('old.json'), at('high.json'), '--fail-on-new', 'critical']),
      runCli(['diff', at('old.json'), at('high.json')]),
    ]);
    expect(medium.code, medium.stderr).toBe(0);
    expect(medium.stderr).toContain('gate passed');
    expect(high.code, high.stderr).toBe(1);
    expect(high.stderr).toContain('gate failed: 1 new finding(s) at severity high or above since 2026-11-20T06:00:00Z');
    expect(high.stdout).toContain('Findings  2 new · 2 fixed · 50 persisting');
    expect(critical.code).toBe(0);
    expect(none.code).toBe(0); // without the flag a diff is a report, not a gate
  });

  it('diff: the new high finding is the SSH rule', async () => {
    const d = await diffJson(at('old.json'), at('high.json'));
    expect(d.findings.filter((f) => f.change === 'new').map((f) => [f.severity, f.checkId, f.arn])).toEqual([
      ['high', 'ec2-sg-no-public-admin-ports', UAT_SQL_SG_ARN],
      ['medium', 'ebs-volume-encrypted', VOLUME_ARN],
    ]);
  });

  it('scan: gates on new findings only unless --fail-on is given; --min-score and exit 3 still apply', async () => {
    const scan = (snap: string, ...flags: string[]) => runCli(['scan', '--snapshot', snap, '--baseline', at('old.json'), '--format', 'json', '--output', at(`gate-${flags.join('')}.json`), ...flags]);
    const runs = await Promise.all([
      scan(at('new.snap.json'), '--fail-on-new', 'high'),
      scan(at('high.snap.json'), '--fail-on-new', 'high'),
      scan(at('new.snap.json'), '--fail-on-new', 'high', '--fail-on', 'low'),
      scan(at('new.snap.json'), '--fail-on-new', 'high', '--min-score', '95'),
      runCli(['scan', '--snapshot', fixture('payments-group.json'), '--baseline', at('payments.json'), '--fail-on-new', 'critical', '--format', 'json']),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 1, 1, 1, 3]);
    expect(runs[0]!.stderr).toContain('gate passed');
    expect(runs[1]!.stderr).toContain('1 new finding(s) at severity high or above');
    expect(runs[1]!.stderr).not.toContain('failing result(s)');
    expect(runs[2]!.stderr).toContain('failing result(s) at severity low or above');
    expect(runs[3]!.stderr).toContain('under --min-score 95');
    expect(runs[4]!.stderr).toContain('gate incomplete');
  });
});

describe('scan --baseline', () => {
  it('puts the same diff as `archscan diff` into the JSON report, which validates', async () => {
    const [scan, d] = await Promise.all([
      runCli(['scan', '--snapshot', at('high.snap.json'), '--baseline', at('old.json'), '--format', 'json']),
      diffJson(at('old.json'), at('high.json')),
    ]);
    const report = JSON.parse(scan.stdout) as Json;
    expect(report.baseline).toEqual(d);
    const validate = validatorFor('report.schema.json');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    // The rest of the report is the plain scan's.
    const { baseline: _, ...rest } = report;
    expect(rest).toEqual(read('high.json'));
  });

  it('gives the text report a short change section in its summary', async () => {
    const run = await runCli(['scan', '--snapshot', at('high.snap.json'), '--baseline', at('old.json')]);
    const start = run.stdout.indexOf('Change since baseline');
    // The summary's sections end at a blank line; findings by resource and next steps follow.
    const section = run.stdout.slice(start, run.stdout.indexOf('\n\n', start) + 1);
    expect(section).toBe(
      [
        'Change since baseline (2026-11-20T06:00:00Z)',
        '  findings: 2 new · 2 fixed · 50 persisting · 0 newly waived · 0 undetermined',
        '  aws-well-architected      83.7 →  83.5 (-0.2)  2 new · 2 fixed · 48 persisting · 0 newly waived · 0 undetermined',
        '  cis-aws-foundations       82.5 →  82.1 (-0.4)  1 new · 1 fixed · 30 persisting · 0 newly waived · 0 undetermined',
        '  mas-trm                   83.5 →  83.3 (-0.2)  2 new · 2 fixed · 47 persisting · 0 newly waived · 0 undetermined',
        '  pci-dss-v4                87.1 →  86.8 (-0.3)  2 new · 2 fixed · 33 persisting · 0 newly waived · 0 undetermined',
        '  rbi-pso-ppi               88.7 →  88.5 (-0.2)  2 new · 2 fixed · 38 persisting · 0 newly waived · 0 undetermined',
        '  NEW HIGH     ec2-sg-no-public-admin-ports  sg-09c6047016a51a7a9 ap-south-1',
        '  NEW MEDIUM   ebs-volume-encrypted  vol-0168150d35bc51fce ap-south-1',
        '',
      ].join('\n'),
    );
  });

  it('--framework narrower than the baseline: the others are not compared, and a warning says so', async () => {
    const run = await runCli(['scan', '--snapshot', at('new.snap.json'), '--baseline', at('old.json'), '--framework', 'pci-dss-v4', '--format', 'json']);
    const d = (JSON.parse(run.stdout) as Json).baseline as ReportDiff;
    expect(d.frameworksOnlyIn).toEqual({ old: ['aws-well-architected', 'cis-aws-foundations', 'mas-trm', 'rbi-pso-ppi'], new: [] });
    expect(d.counts).toEqual({ new: 1, fixed: 2, persisting: 33, newly_waived: 0, undetermined: 0 });
    expect(run.stderr).toContain('not compared: aws-well-architected, cis-aws-foundations, mas-trm, rbi-pso-ppi');
  });
});

describe('reading reports', () => {
  it('a report from before waivers (no waiver fields) reads as having none', async () => {
    const old = read('old.json');
    for (const f of old.frameworks) {
      delete f.scoreCountingWaived;
      delete f.waived;
      for (const c of f.controls) {
        delete c.scoreCountingWaived;
        delete c.waived;
        delete c.waivedResults;
      }
    }
    for (const e of old.evaluations) delete e.waived;
    writeTemp(dir, 'pre-waivers.json', JSON.stringify(old));
    const [a, b] = await Promise.all([diffJson(at('pre-waivers.json'), at('new.json')), diffJson(at('old.json'), at('new.json'))]);
    expect(a).toEqual(b);
  });

  it("ignores a report's own baseline, even a malformed one", async () => {
    const withBaseline = read('new.json');
    withBaseline.baseline = { not: 'a diff' };
    writeTemp(dir, 'with-baseline.json', JSON.stringify(withBaseline));
    const [a, b] = await Promise.all([diffJson(at('with-baseline.json'), at('high.json')), diffJson(at('new.json'), at('high.json'))]);
    expect(a).toEqual(b);
  });

  it('warns when OLD was collected after NEW', () => {
    const d = { old: { collectedAt: '2027-02-20T06:00:00Z' }, new: { collectedAt: '2026-11-20T06:00:00Z' }, frameworksOnlyIn: { old: [], new: [] } } as unknown as ReportDiff;
    expect(diffWarnings(d, 'q1.json', 'q4.json')).toEqual(['q1.json was collected after q4.json (2027-02-20T06:00:00Z > 2026-11-20T06:00:00Z): OLD comes first']);
  });
});

describe('bad report files exit 2, name the file and the location, and write nothing', () => {
  const edit = (name: string, change: (r: Json) => void) => {
    const r = read('new.json');
    change(r);
    writeTemp(dir, name, JSON.stringify(r, null, 2));
    return at(name);
  };
  const cases: { name: string; file: () => string; mentions: string[] }[] = [
    { name: 'missing file', file: () => at('absent.json'), mentions: ['absent.json', 'does not exist'] },
    { name: 'not JSON', file: () => writeTemp(dir, 'truncated.json', '{\n  "schemaVersion": 1,\n'), mentions: ['truncated.json', 'line 3', 'valid JSON'] },
    { name: 'a snapshot, not a report', file: () => fixture('giftcard-issuer.json'), mentions: ['giftcard-issuer.json', ': /: a JSON report written by `archscan scan --format json`, but this is a snapshot: scan it first'] },
    { name: 'a score out of range', file: () => edit('score.json', (r) => (r.frameworks[2].controls[4].score = 140)), mentions: ['score.json', '/frameworks/2/controls/4/score'] },
    { name: 'an unknown status', file: () => edit('status.json', (r) => (r.evaluations[3].results[0].status = 'ok')), mentions: ['status.json', '/evaluations/3/results/0/status', '"pass", "fail"'] },
    {
      name: 'a control naming no evaluation',
      file: () => edit('dangling.json', (r) => (r.frameworks[0].controls[1].evaluations[0] = 'no-such-check')),
      mentions: ['dangling.json', '/frameworks/0/controls/1/evaluations/0', '"no-such-check"'],
    },
    {
      name: 'another account',
      file: () => edit('other-account.json', (r) => (r.snapshot.accountId = '999999999999')),
      mentions: ['other-account.json', '/snapshot/accountId', `account ${ACCOUNT}`, 'found 999999999999'],
    },
  ];

  // Concurrent: each case spawns the CLI; the context's expect keeps assertions per test.
  it.concurrent.for(cases)('diff: $name', async ({ file, mentions }, { expect }) => {
    const out = tempDir();
    const run = await runCli(['diff', at('old.json'), file(), '--output', join(out, 'd.json')]);
    expect(run.code, run.stderr).toBe(2);
    for (const m of mentions) expect(run.stderr).toContain(m);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.stdout).toBe('');
    expect(filesIn(out)).toEqual([]);
  });

  it.concurrent.for(cases)('scan --baseline: $name', async ({ file, mentions }, { expect }) => {
    const out = tempDir();
    mkdirSync(join(out, 'sub'));
    const run = await runCli(['scan', '--snapshot', at('new.snap.json'), '--baseline', file(), '--output', join(out, 'sub', 'r.json')]);
    expect(run.code, run.stderr).toBe(2);
    // As OLD, the other account's report is the one at fault: still named.
    for (const m of mentions.filter((x) => !x.startsWith('account'))) expect(run.stderr).toContain(m);
    expect(run.stdout).toBe('');
    expect(filesIn(join(out, 'sub'))).toEqual([]);
  });

  it('--fail-on-new needs --baseline; its severity is checked', async () => {
    const [alone, bad] = await Promise.all([
      runCli(['scan', '--snapshot', at('new.snap.json'), '--fail-on-new', 'high']),
      runCli(['diff', at('old.json'), at('new.json'), '--fail-on-new', 'severe']),
    ]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--fail-on-new: a --baseline report');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Allowed choices are critical, high, medium, low");
  });
});
