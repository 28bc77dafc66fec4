import { readFileSync } from 'node:fs';
import { BatchImportFindingsCommand, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import type { Assessment } from '../../src/assess/types.js';
import { runSecurityHubImport, BATCH_SIZE, THROTTLE_RETRIES } from '../../src/cli/securityhub.js';
import type { ScanOptions } from '../../src/cli/scan.js';
import { minimalPolicy } from '../../src/collect/permissions.js';
import { buildInventory } from '../../src/inventory/build.js';
import { asffFindings } from '../../src/reporters/asff.js';
import { loadBuiltinRuleSets } from '../../src/rules/load.js';
import { parseSnapshot } from '../../src/snapshot/read.js';
import { awsError } from '../helpers/mock-account.js';
import { ROOT, fixture } from '../helpers/cli.js';

const ruleSets = loadBuiltinRuleSets();
const assessFixture = (name: string): Assessment => {
  const snapshot = parseSnapshot(readFileSync(fixture(`${name}.json`), 'utf8'), name);
  return assess(snapshot, buildInventory(snapshot), ruleSets, '0.1.0');
};
const hub = mockClient(SecurityHubClient);
afterEach(() => hub.reset());

/** Run the import against the mock; no credentials are ever resolved (the mock answers before signing). */
async function run(a: Assessment) {
  const stderr: string[] = [];
  const sleeps: number[] = [];
  const io = { stdout: () => {}, stderr: (t: string) => void stderr.push(t), stdoutIsTty: false, env: {} };
  const ok = await runSecurityHubImport(a, { failOn: 'low', concurrency: '16', maxAttempts: '1', timeout: '5' } as ScanOptions, io, { sleep: async (ms) => void sleeps.push(ms) });
  const sent = await Promise.all(
    hub.commandCalls(BatchImportFindingsCommand).map(async (c) => ({
      region: await (c.thisValue as SecurityHubClient).config.region(),
      ids: (c.args[0].input.Findings ?? []).map((f) => f.Id!),
    })),
  );
  return { ok, stderr: stderr.join(''), sleeps, sent };
}

describe('--security-hub: BatchImportFindings', () => {
  it('sends every ASFF finding of a fixture once, per region in order, in batches of at most 100', async () => {
    hub.on(BatchImportFindingsCommand).callsFake((input: { Findings: AwsSecurityFinding[] }) => ({ SuccessCount: input.Findings.length, FailedCount: 0, FailedFindings: [] }));
    const a = assessFixture('payments-group');
    const findings = [...asffFindings(a)];
    expect(findings.length).toBeGreaterThan(BATCH_SIZE); // so there is more than one batch
    const { ok, sent, stderr } = await run(a);
    expect(ok).toBe(true);
    // Per region: the findings in report order, cut every 100 (only the last batch of a region is short).
    const byRegion = new Map<string, string[]>();
    for (const f of findings) {
      const ids = byRegion.get(f.Region!);
      if (ids) ids.push(f.Id!);
      else byRegion.set(f.Region!, [f.Id!]);
    }
    expect([...new Set(sent.map((b) => b.region))].sort()).toEqual([...byRegion.keys()].sort());
    for (const [region, ids] of byRegion) {
      const batches = sent.filter((b) => b.region === region).map((b) => b.ids);
      const expected: string[][] = [];
      for (let i = 0; i < ids.length; i += BATCH_SIZE) expected.push(ids.slice(i, i + BATCH_SIZE));
      expect(batches, region).toEqual(expected);
    }
    expect(sent.length).toBe([...byRegion.values()].reduce((n, ids) => n + Math.ceil(ids.length / BATCH_SIZE), 0));
    // Each batch goes to the region its findings name.
    const regionOf = new Map(findings.map((f) => [f.Id!, f.Region!]));
    for (const b of sent) for (const id of b.ids) expect(regionOf.get(id)).toBe(b.region);
    expect(stderr).toContain(`security hub: ${findings.length} of ${findings.length} finding(s) imported in ${sent.length} batch(es)\n`);
  });

  it('a partial failure: FailedFindings named on stderr, and the import reports failure (exit 3)', async () => {
    hub.on(BatchImportFindingsCommand).callsFake((input: { Findings: AwsSecurityFinding[] }) => ({
      SuccessCount: input.Findings.length - 1,
      FailedCount: 1,
      FailedFindings: [{ Id: input.Findings[0]!.Id, ErrorCode: 'InvalidInput', ErrorMessage: 'Finding does not adhere to ASFF' }],
    }));
    const a = assessFixture('giftcard-issuer');
    const { ok, stderr, sent } = await run(a);
    expect(ok).toBe(false);
    const first = sent[0]!;
    expect(stderr).toContain(`archscan: security hub: ${first.region} batch 1: ${first.ids.length - 1} of ${first.ids.length} finding(s) imported, 1 failed:\n`);
    expect(stderr).toContain(`  ${first.ids[0]}: InvalidInput Finding does not adhere to ASFF\n`);
    expect(stderr).toMatch(new RegExp(`; ${sent.length} failed\\n$`));
  });

  it('a throttled batch is sent again after a pause, and then lands', async () => {
    let calls = 0;
    hub.on(BatchImportFindingsCommand).callsFake((input: { Findings: AwsSecurityFinding[] }) => {
      calls++;
      if (calls <= 2) throw awsError('ThrottlingException', 'Rate exceeded', 429);
      return { SuccessCount: input.Findings.length, FailedCount: 0, FailedFindings: [] };
    });
    const a = assessFixture('giftcard-issuer');
    const { ok, sleeps, sent } = await run(a);
    expect(ok).toBe(true);
    expect(sleeps).toEqual([1000, 2000]);
    expect(sent[0]!.ids).toEqual(sent[1]!.ids);
    expect(sent[1]!.ids).toEqual(sent[2]!.ids);
  });

  it('a batch throttled past the retries, or denied, counts all its findings as failed', async () => {
    hub.on(BatchImportFindingsCommand).rejects(awsError('ThrottlingException', 'Rate exceeded', 429));
    const a = assessFixture('baseline-compliant');
    const { ok, sleeps, stderr } = await run(a);
    expect(ok).toBe(false);
    expect(sleeps.slice(0, THROTTLE_RETRIES)).toEqual([1000, 2000, 4000]);
    expect(stderr).toMatch(/batch 1: 0 of \d+ finding\(s\) imported, \d+ failed:\narchscan: {3}\*: ThrottlingException Rate exceeded\n/);
    hub.reset();
    hub.on(BatchImportFindingsCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform: securityhub:BatchImportFindings', 403));
    const denied = await run(a);
    expect(denied.ok).toBe(false);
    expect(denied.sleeps).toEqual([]);
    expect(denied.stderr).toContain('AccessDeniedException not authorized to perform: securityhub:BatchImportFindings');
  });

  it('the write action is documented apart from the read-only collection policy', () => {
    const policy = JSON.stringify(minimalPolicy());
    expect(policy).not.toContain('securityhub:BatchImportFindings');
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    expect(readme).toContain('"Action": "securityhub:BatchImportFindings"');
  });
});
