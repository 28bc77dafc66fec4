import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import pLimit from 'p-limit';
import { CollectError, InputError } from '../errors.js';
import { parseSnapshot } from '../snapshot/read.js';
import { GLOBAL_REGION, SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION, type Snapshot, type SnapshotScope } from '../snapshot/types.js';
import { clientConfig, credentialsFor, type AwsOptions } from './clients.js';
import { collectAccessAnalyzer } from './accessanalyzer.js';
import { collectApiGateway } from './apigateway.js';
import { collectCloudFront } from './cloudfront.js';
import { collectCloudTrail } from './cloudtrail.js';
import { collectConfig } from './config.js';
import { collectEc2 } from './ec2.js';
import { collectGuardDuty } from './guardduty.js';
import { collectIam, type IamTiming } from './iam.js';
import { collectLoadBalancers } from './elb.js';
import { collectKms } from './kms.js';
import { collectMonitoring } from './monitoring.js';
import { collectRds } from './rds.js';
import { collectS3 } from './s3.js';
import { collectSecrets } from './secrets.js';
import { Recorder, type Progress } from './recorder.js';
import { planRegions } from './regions.js';

export interface CollectOptions extends AwsOptions {
  /** Regions to collect; default: every region enabled for the account. */
  regions?: string[];
  /** Region for global calls (STS, IAM, DescribeRegions). */
  homeRegion: string;
  /** At most this many API calls in flight, across all regions and services. */
  concurrency: number;
  /** The collection time written into the snapshot (the CLI passes the clock in). */
  now: Date;
  collectorVersion: string;
  progress?: Progress;
  iamTiming?: IamTiming;
}


const REGIONAL = [
  ['ec2', collectEc2],
  ['kms', collectKms],
  ['guardduty', collectGuardDuty],
  ['config', collectConfig],
  ['elasticloadbalancing', collectLoadBalancers],
  ['apigateway', collectApiGateway],
  ['rds', collectRds],
  ['secretsmanager', collectSecrets],
  ['accessanalyzer', collectAccessAnalyzer],
  ['monitoring', collectMonitoring],
] as const;

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
 * and service concurrently under one limit, every failure recorded. The result
 * went through JSON and the snapshot schema, exactly as a file would, so a
 * live scan and a scan of the collected file see the same bytes.
 */
export async function collectSnapshot(o: CollectOptions): Promise<Snapshot> {
  const credentials = credentialsFor(o);
  const home = o.homeRegion;
  const rec = new Recorder(pLimit(o.concurrency), o.progress);

  const sts = new STSClient(clientConfig(home, credentials, o));
  let identity;
  try {
    identity = await sts.send(new GetCallerIdentityCommand({}));
  } catch (e) {
    throw new CollectError(`could not identify the AWS account (sts:GetCallerIdentity): ${(e as Error).name}: ${(e as Error).message}`);
  } finally {
    sts.destroy();
  }
  const resolved = await credentials();
  const redact = redactor([resolved.accessKeyId, resolved.secretAccessKey, resolved.sessionToken]);
  const accountId = identity.Account ?? '';
  const partition = identity.Arn?.split(':')[1] ?? 'aws';

  const plan = await planRegions(rec, home, clientConfig(home, credentials, o), o.regions);
  const readerRegion = (trailHome: string) => (plan.regions.includes(trailHome) ? trailHome : plan.regions[0]);

  const globalUnit = (service: string, run: Promise<void>) => run.then(() => rec.progress.done(GLOBAL_REGION, service, rec.errorCount(GLOBAL_REGION, service)));
  const units: Promise<void>[] = [
    globalUnit('iam', collectIam(rec, clientConfig(home, credentials, o), o.iamTiming ?? { pollMs: 2000, maxPolls: 15 })),
    globalUnit('s3', collectS3(rec, accountId, (r) => clientConfig(r, credentials, o), home)),
    globalUnit('cloudfront', collectCloudFront(rec, clientConfig(home, credentials, o))),
  ];
  for (const region of plan.regions) {
    const config = clientConfig(region, credentials, o);
    rec.scope(region);
    for (const [service, run] of REGIONAL) {
      units.push(run(rec, region, config).then(() => rec.progress.done(region, service, rec.errorCount(region, service))));
    }
    units.push(
      collectCloudTrail(rec, region, config, (_arn, trailHome, r) => readerRegion(trailHome) === r).then(() =>
        rec.progress.done(region, 'cloudtrail', rec.errorCount(region, 'cloudtrail')),
      ),
    );
  }
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
  // Dates become ISO strings and blobs base64, as in a file; then the schema checks it.
  try {
    return parseSnapshot(JSON.stringify(snapshot), '<live collection>');
  } catch (e) {
    if (e instanceof InputError) throw new CollectError(`AWS answered with data archscan does not understand: ${e.location}: ${e.expected}`);
    throw e;
  }
}
