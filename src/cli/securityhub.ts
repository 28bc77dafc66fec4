/**
 * `scan --security-hub`: import the ASFF findings through BatchImportFindings,
 * the one write call archscan makes (IAM `securityhub:BatchImportFindings`,
 * kept out of the read-only collection policy). Findings go to the region
 * they name (a global resource's finding to the first scanned region), in
 * batches of 100 (the API's limit), one batch at a time (the API allows 10
 * requests a second). Throttling is retried by the SDK's adaptive mode and,
 * should a batch still be throttled, up to THROTTLE_RETRIES more times with
 * doubling pauses; any other failure of a batch counts all its findings as
 * failed. Each batch's outcome is printed to stderr; any failed finding
 * makes the scan exit 3 (incomplete): the findings did not all land.
 */
import { BatchImportFindingsCommand, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { Assessment } from '../assess/types.js';
import { clientConfig, credentialsFor } from '../collect/clients.js';
import { asffFindings } from '../reporters/asff.js';
import type { Io } from './io.js';
import type { AwsFlags } from './live.js';
import type { ScanOptions } from './scan-options.js';

export const BATCH_SIZE = 100;
export const THROTTLE_RETRIES = 3;
/** Failed finding ids printed per batch; the rest are counted. */
const SHOWN = 5;

export interface BatchOutcome {
  region: string;
  /** 1-based, per region. */
  batch: number;
  sent: number;
  failed: number;
  /** Finding id and why, as Security Hub answered (or the error of the whole batch). */
  failures: { id: string; code: string; message: string }[];
}

export interface ImportDeps {
  clientFor: (region: string) => Pick<SecurityHubClient, 'send'>;
  /** A pause before a throttled batch is sent again (injectable for tests). */
  sleep: (ms: number) => Promise<void>;
  report: (o: BatchOutcome) => void;
}

const isThrottling = (e: unknown): boolean => {
  const err = e as { name?: string; $retryable?: { throttling?: boolean }; $metadata?: { httpStatusCode?: number } };
  return err?.$retryable?.throttling === true || err?.name === 'ThrottlingException' || err?.name === 'TooManyRequestsException' || err?.$metadata?.httpStatusCode === 429;
};

async function sendBatch(region: string, n: number, findings: AwsSecurityFinding[], deps: ImportDeps): Promise<BatchOutcome> {
  const client = deps.clientFor(region);
  for (let attempt = 0; ; attempt++) {
    try {
      const out = await client.send(new BatchImportFindingsCommand({ Findings: findings }));
      const failures = (out.FailedFindings ?? []).map((f) => ({ id: f.Id ?? '?', code: f.ErrorCode ?? '?', message: f.ErrorMessage ?? '' }));
      // FailedCount is authoritative; a count without the list still counts.
      const failed = Math.max(out.FailedCount ?? 0, failures.length);
      return { region, batch: n, sent: findings.length, failed, failures };
    } catch (e) {
      if (isThrottling(e) && attempt < THROTTLE_RETRIES) {
        await deps.sleep(1000 * 2 ** attempt);
        continue;
      }
      const err = e as { name?: string; message?: string };
      return { region, batch: n, sent: findings.length, failed: findings.length, failures: [{ id: '*', code: err.name ?? 'Error', message: err.message ?? String(e) }] };
    }
  }
}

/**
 * Send the findings region by region in batches of BATCH_SIZE, streaming: a
 * region's findings are held only until its batch is full. Returns every
 * batch's outcome in the order sent.
 */
export async function importFindings(findings: Iterable<AwsSecurityFinding>, deps: ImportDeps): Promise<BatchOutcome[]> {
  const pending = new Map<string, AwsSecurityFinding[]>();
  const count = new Map<string, number>();
  const outcomes: BatchOutcome[] = [];
  const flush = async (region: string) => {
    const batch = pending.get(region);
    if (!batch || batch.length === 0) return;
    pending.set(region, []);
    const n = (count.get(region) ?? 0) + 1;
    count.set(region, n);
    const o = await sendBatch(region, n, batch, deps);
    deps.report(o);
    outcomes.push(o);
  };
  for (const f of findings) {
    const region = f.Region!;
    const list = pending.get(region);
    if (list) list.push(f);
    else pending.set(region, [f]);
    if (pending.get(region)!.length >= BATCH_SIZE) await flush(region);
  }
  for (const region of [...pending.keys()].sort()) await flush(region);
  return outcomes;
}

export function describeOutcome(o: BatchOutcome): string[] {
  const head = `security hub: ${o.region} batch ${o.batch}: ${o.sent - o.failed} of ${o.sent} finding(s) imported`;
  if (o.failed === 0) return [head];
  const lines = [`${head}, ${o.failed} failed:`];
  for (const f of o.failures.slice(0, SHOWN)) lines.push(`  ${f.id}: ${f.code}${f.message ? ` ${f.message}` : ''}`);
  if (o.failures.length > SHOWN) lines.push(`  ... and ${o.failures.length - SHOWN} more`);
  return lines;
}

/** The CLI side: clients from the default chain (or --profile, --role-arn), outcomes to stderr; true when every finding landed. */
export async function runSecurityHubImport(a: Assessment, opts: ScanOptions, io: Io, deps: Partial<ImportDeps> = {}): Promise<boolean> {
  // The same credential flags and checks as a live collection (profile, role, session duration, MFA).
  const { collectOptions } = await import('./live.js');
  const o = await collectOptions({ ...(opts as AwsFlags), quiet: true }, io, false);
  o.finish();
  const credentials = credentialsFor(o, o.homeRegion);
  const clients = new Map<string, SecurityHubClient>();
  const clientFor = (region: string) => {
    let c = clients.get(region);
    if (!c) clients.set(region, (c = new SecurityHubClient(clientConfig(region, credentials, o))));
    return c;
  };
  try {
    const outcomes = await importFindings(asffFindings(a), {
      clientFor,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      report: (x) => {
        for (const line of describeOutcome(x)) io.stderr(`archscan: ${line}\n`);
      },
      ...deps,
    });
    const sent = outcomes.reduce((n, x) => n + x.sent, 0);
    const failed = outcomes.reduce((n, x) => n + x.failed, 0);
    io.stderr(`archscan: security hub: ${sent - failed} of ${sent} finding(s) imported in ${outcomes.length} batch(es)${failed ? `; ${failed} failed` : ''}\n`);
    return failed === 0;
  } finally {
    for (const c of clients.values()) c.destroy();
  }
}
