import pLimit from 'p-limit';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { CollectError, InputError } from '../errors.js';
import type { AnyServiceModule, ServiceCollector } from '../services/define.js';
import { operationsOf } from '../services/operations.js';
import { SERVICES } from '../services/registry.js';
import { parseSnapshot } from '../snapshot/read.js';
import { GLOBAL_REGION, SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION, type Snapshot, type SnapshotScope } from '../snapshot/types.js';
import { ClientPool, clientConfig, credentialsFor, type AwsOptions } from './clients.js';
import { defaultServiceConcurrency } from './limits.js';
import { Recorder, type Progress } from './recorder.js';
import { planRegions } from './regions.js';
import { collectScope, sendOnce } from './run.js';

export interface CollectOptions extends AwsOptions {
  /** Regions to collect; default: every region enabled for the account. */
  regions?: string[];
  /** Region for global calls (STS, IAM, DescribeRegions). */
  homeRegion: string;
  /** At most this many API calls in flight, across all regions and services. */
  concurrency: number;
  /** At most this many of them for one service in one region (default: a quarter of `concurrency`, rounded up). */
  serviceConcurrency?: number;
  /** The collection time written into the snapshot (the CLI passes the clock in). */
  now: Date;
  collectorVersion: string;
  progress?: Progress;
  /** Credentials to use instead of the profile/role chain (an organisation run assumes each account's role itself). */
  credentials?: AwsCredentialIdentityProvider;
}

function sortedScope(scope: SnapshotScope): SnapshotScope {
  const sortKeys = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    calls: sortKeys(scope.calls),
    perResource: sortKeys(Object.fromEntries(Object.entries(scope.perResource).map(([k, v]) => [k, sortKeys(v)]))),
  };
}

/** Replace every occurrence of the credentials' secrets (error messages can echo request headers). */
function redactor(secrets: (string | undefined)[]): (text: string) => string {
  const list = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  return (text) => list.reduce((t, s) => t.split(s).join('[REDACTED]'), text);
}

/**
 * Collect a snapshot from a live account: read-only calls only, every region
 * and service concurrently under one limit, every failure recorded. What AWS
 * answered is kept as it came: content is never a reason to stop (the scan
 * judges it). Only an account that cannot be identified stops a collection.
 * One service has at most `serviceConcurrency` of the calls in flight in one region.
 */
export async function collectSnapshot(o: CollectOptions, modules: readonly AnyServiceModule[] = SERVICES): Promise<Snapshot> {
  const home = o.homeRegion;
  const credentials = o.credentials ?? credentialsFor(o, home);
  const known = new Set(operationsOf(modules).map((op) => op.key));
  const perService = o.serviceConcurrency ?? defaultServiceConcurrency(o.concurrency);
  const rec = new Recorder(pLimit(o.concurrency), known, o.progress, () => pLimit(perService));
  const pool = new ClientPool((region) => clientConfig(region, credentials, o));
  const collectors = new Map<string, ServiceCollector>(await Promise.all(modules.map(async (m) => [m.name, await m.collector()] as const)));
  const binding = (key: string) => {
    for (const c of collectors.values()) if (c.bindings[key]) return c.bindings[key]!;
    throw new Error(`no service module binds ${key}`);
  };
  try {
    const base = { region: GLOBAL_REGION, regions: [], homeRegion: home, accountId: '' };
    const noCall = async () => undefined;
    let identity: { Account?: string; Arn?: string };
    let resolved: Awaited<ReturnType<typeof credentials>>;
    try {
      // Credentials first, once for every client: a role is assumed (and an MFA code asked for) here.
      resolved = await credentials();
      identity = (await sendOnce(binding('sts:GetCallerIdentity'), base, pool, {}, home, noCall)) as typeof identity;
    } catch (e) {
      if (e instanceof InputError) throw e; // no MFA code to be had: a usage error
      throw new CollectError(`could not identify the AWS account (sts:GetCallerIdentity): ${(e as Error).name}: ${(e as Error).message}`);
    }
    const redact = redactor([resolved.accessKeyId, resolved.secretAccessKey, resolved.sessionToken]);
    const accountId = identity.Account ?? '';
    const partition = identity.Arn?.split(':')[1] ?? 'aws';

    // The enabled regions: the answer is kept in the snapshot (which regions exist, which were opted in).
    const listed = await rec.call(GLOBAL_REGION, 'ec2:DescribeRegions', () => sendOnce(binding('ec2:DescribeRegions'), { ...base, accountId }, pool, { AllRegions: true }, home, noCall));
    if (listed) rec.put(GLOBAL_REGION, 'ec2:DescribeRegions', listed);
    const plan = planRegions(listed as Parameters<typeof planRegions>[0], home, o.regions);

    const units: Promise<void>[] = [];
    for (const m of modules) {
      const collector = collectors.get(m.name)!;
      const collected = m.operations.filter((op) => op.support === undefined && op.plan === undefined);
      const scopes = [...(collected.some((op) => op.scope === 'global') ? [GLOBAL_REGION] : []), ...(collected.some((op) => op.scope === 'regional') ? plan.regions : [])];
      for (const region of scopes) {
        if (region !== GLOBAL_REGION) rec.scope(region);
        const ctx = { rec, pool, region, regions: plan.regions, homeRegion: home, accountId };
        units.push(collectScope(m, collector, ctx).then(() => rec.progress.done(region, m.name, rec.errorCount(region, m.name))));
      }
    }
    for (const region of plan.regions) rec.scope(region);
    await Promise.all(units);

    const snapshot: Snapshot = {
      metadata: {
        format: SNAPSHOT_FORMAT,
        formatVersion: SNAPSHOT_FORMAT_VERSION,
        accountId,
        partition,
        regions: plan.regions,
        collectedAt: o.now.toISOString(),
        collectorVersion: o.collectorVersion,
        ...(plan.skipped.length ? { skippedRegions: plan.skipped } : {}),
      },
      global: sortedScope(rec.global),
      regions: Object.fromEntries(plan.regions.map((r) => [r, sortedScope(rec.scope(r))])),
      errors: rec.errors
        .map((e) => ({ ...e, message: redact(e.message).slice(0, 2000) }))
        .sort((a, b) => {
          const ka = `${a.service}:${a.operation}\u0000${a.region}\u0000${a.resource ?? ''}`;
          const kb = `${b.service}:${b.operation}\u0000${b.region}\u0000${b.resource ?? ''}`;
          return ka < kb ? -1 : ka > kb ? 1 : 0;
        }),
    };
    // Dates become ISO strings, as in a file; a live scan and a scan of the written file see the same data.
    return parseSnapshot(JSON.stringify(snapshot), '<live collection>');
  } finally {
    pool.destroy();
  }
}
