/**
 * How many API calls a collection keeps in flight. AWS throttles each
 * account's calls per region and per API (EC2: a bucket of 100 requests,
 * refilled at 20 a second, per API per region), so the limit that protects
 * an account is the one per service and region; the overall limit only
 * bounds sockets and memory. Throttling that still happens is retried by
 * the SDK's adaptive mode, which also slows the client down.
 */
export const DEFAULT_CONCURRENCY = 64;

/** One service in one region gets at most a quarter of the slots, so a service that fans out per resource does not starve the rest. */
export function defaultServiceConcurrency(concurrency: number): number {
  return Math.ceil(concurrency / 4);
}
