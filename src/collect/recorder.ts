import type pLimit from 'p-limit';
import { GLOBAL_REGION, type CallError, type SnapshotScope } from '../snapshot/types.js';

export interface Progress {
  /** A (region, service) unit of work finished. */
  done(region: string, service: string, failedCalls: number): void;
}

/** Strip the SDK's `$metadata` (request ids, HTTP status): not part of the API's answer. */
export function withoutMetadata<T extends object>(response: T): Omit<T, '$metadata'> {
  const { $metadata: _, ...rest } = response as T & { $metadata?: unknown };
  return rest;
}

/** The AWS error code of a failed call, as the SDK reports it across protocols. */
export function errorCode(e: unknown): string {
  const err = e as { name?: string; code?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  const code = err.Code ?? err.name ?? err.code;
  // An answer the SDK could not parse (an HTML error page, a truncated body) has no AWS code of its own.
  if (code === undefined || code === 'Error' || code === 'SyntaxError') {
    const status = err.$metadata?.httpStatusCode;
    return status !== undefined ? `UnparseableResponse (HTTP ${status})` : 'UnparseableResponse';
  }
  return code;
}

/**
 * Where collectors put what they learn: responses by scope and key, and every
 * failed call (never dropped). Every call takes a slot of its service's limit
 * and then one of the global limit: a service that fans out into thousands of
 * per-resource calls (S3 bucket settings, say) holds at most its own share of
 * the global slots, so the other services' calls are not queued behind it.
 */
export class Recorder {
  readonly global: SnapshotScope = { calls: {}, perResource: {} };
  readonly regions: Record<string, SnapshotScope> = {};
  readonly errors: CallError[] = [];
  /** Every call sent, as `service:Operation` (for tests and the permission summary). */
  readonly sent: string[] = [];

  private readonly serviceLimits = new Map<string, ReturnType<typeof pLimit>>();

  constructor(
    private readonly limit: ReturnType<typeof pLimit>,
    private readonly known: ReadonlySet<string>,
    readonly progress: Progress = { done: () => {} },
    /**
     * A limit per service (the part of the key before the colon) in each
     * region; none when undefined. Per region because AWS throttles each
     * account's API calls per region (EC2: a token bucket per API per region).
     */
    private readonly serviceLimit?: () => ReturnType<typeof pLimit>,
  ) {}

  private limitOf(service: string, region: string): ReturnType<typeof pLimit> | undefined {
    if (!this.serviceLimit) return undefined;
    const key = `${service} ${region}`;
    let l = this.serviceLimits.get(key);
    if (!l) this.serviceLimits.set(key, (l = this.serviceLimit()));
    return l;
  }

  scope(region: string): SnapshotScope {
    if (region === GLOBAL_REGION) return this.global;
    return (this.regions[region] ??= { calls: {}, perResource: {} });
  }

  /**
   * Send one call under the global limit. On failure, record it and return
   * undefined: the checks that needed it will report `error`.
   */
  async call<T>(region: string, key: string, send: () => Promise<T>, resource?: string): Promise<T | undefined> {
    if (!this.known.has(key)) throw new Error(`a collector sends ${key}, which no service module declares`);
    const own = this.limitOf(key.slice(0, key.indexOf(':')), region);
    return own ? own(() => this.send(region, key, send, resource)) : this.send(region, key, send, resource);
  }

  /**
   * Send a call from inside another call's send (IAM's GenerateCredentialReport
   * polled inside GetCredentialReport): recorded like any call, but under the
   * slots the outer call already holds. Waiting for another slot of the same
   * limits would deadlock when a limit is 1.
   */
  async callWithin<T>(region: string, key: string, send: () => Promise<T>): Promise<T | undefined> {
    if (!this.known.has(key)) throw new Error(`a collector sends ${key}, which no service module declares`);
    return this.attempt(region, key, send);
  }

  private send<T>(region: string, key: string, send: () => Promise<T>, resource?: string): Promise<T | undefined> {
    return this.limit(() => this.attempt(region, key, send, resource));
  }

  private async attempt<T>(region: string, key: string, send: () => Promise<T>, resource?: string): Promise<T | undefined> {
    this.sent.push(key);
    try {
      return await send();
    } catch (e) {
      const [service = '', operation = ''] = key.split(':');
      const error: CallError = { service, operation, region, code: errorCode(e), message: String((e as Error).message ?? e) };
      if (resource !== undefined) error.resource = resource;
      this.errors.push(error);
      return undefined;
    }
  }

  put(region: string, key: string, response: object): void {
    this.scope(region).calls[key] = withoutMetadata(response);
  }

  putResource(region: string, key: string, id: string, response: object): void {
    const scope = this.scope(region);
    (scope.perResource[key] ??= {})[id] = withoutMetadata(response);
  }

  /** Errors recorded for a region (to report progress per unit of work). */
  errorCount(region: string, service: string): number {
    return this.errors.filter((e) => e.region === region && e.service === service).length;
  }
}
