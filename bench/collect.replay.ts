/**
 * Replays each fixture account through mocked AWS clients and reports, per
 * region, how many API calls a collection sends, and the wall time of the
 * collection. Figures only; no assertion on time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { it } from 'vitest';
import { collectSnapshot } from '../src/collect/collect.js';
import { parseSnapshot } from '../src/snapshot/read.js';
import type { Snapshot } from '../src/snapshot/types.js';
import { awsError, mockAccount, type FakeAccount } from '../test/helpers/mock-account.js';

/** Turn a snapshot back into the account that would have produced it. */
function accountOf(s: Snapshot): FakeAccount {
  const account: FakeAccount = {
    global: {
      'sts:GetCallerIdentity': { Account: s.metadata.accountId, Arn: `arn:${s.metadata.partition}:sts::${s.metadata.accountId}:assumed-role/Audit/bench` },
      'ec2:DescribeRegions': { Regions: s.metadata.regions.map((RegionName) => ({ RegionName, OptInStatus: 'opt-in-not-required' })) },
      'iam:GenerateCredentialReport': { State: 'COMPLETE' },
    },
  };
  const scopes: [string, Snapshot['global']][] = [['global', s.global], ...Object.entries(s.regions)];
  for (const [region, scope] of scopes) {
    const answers = (account[region] ??= {});
    for (const [key, response] of Object.entries(scope.calls)) {
      answers[key] = key === 'iam:GetCredentialReport' ? { ...(response as object), Content: Buffer.from((response as { Content: string }).Content, 'base64') } : (response as object);
    }
    for (const [key, byId] of Object.entries(scope.perResource)) {
      answers[key] = (input) => {
        const id = String(input['KeyId'] ?? input['Name'] ?? input['TrailName'] ?? input['DetectorId'] ?? input['PrefixListId'] ?? input['Bucket'] ?? input['LoadBalancerArn'] ?? input['WebACLArn'] ?? input['restApiId']);
        const found = byId[id];
        if (!found) throw awsError('ResourceNotFoundException', id);
        return found as object;
      };
    }
  }
  for (const e of s.errors) {
    if (e.resource === undefined) (account[e.region] ??= {})[`${e.service}:${e.operation}`] = awsError(e.code, e.message);
  }
  return account;
}

it('collection: API calls per region and wall time, per fixture account', async () => {
  process.env['AWS_ACCESS_KEY_ID'] = 'AKIABENCHEXAMPLE0001';
  process.env['AWS_SECRET_ACCESS_KEY'] = 'bench-secret-not-real-000000000000000';
  const dir = new URL('../fixtures/', import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.report.json')).sort()) {
    const snapshot = parseSnapshot(readFileSync(new URL(file, dir), 'utf8'), file);
    const mocked = await mockAccount(accountOf(snapshot));
    const start = performance.now();
    await collectSnapshot({
      homeRegion: snapshot.metadata.regions[0] ?? 'us-east-1',
      concurrency: 16,
      maxAttempts: 1,
      timeoutMs: 5000,
      now: new Date(),
      collectorVersion: 'bench',
    });
    const ms = performance.now() - start;
    mocked.restore();
    const perRegion = new Map<string, number>();
    for (const s of mocked.sent) perRegion.set(s.region, (perRegion.get(s.region) ?? 0) + 1);
    const counts = [...perRegion.entries()].sort().map(([r, n]) => `${r} ${n}`).join(', ');
    console.log(`${file.padEnd(30)} ${mocked.sent.length} calls (${counts}) in ${ms.toFixed(0)} ms`);
  }
});
