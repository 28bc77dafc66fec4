import type pLimit from 'p-limit';
import { OPERATION_BY_KEY } from '../snapshot/operations.js';
import { GLOBAL_REGION, type CallError, type SnapshotScope } from '../snapshot/types.js';
import { SUPPORT_CALLS } from './calls.js';

const KNOWN = new Set<string>([...OPERATION_BY_KEY.keys(), ...SUPPORT_CALLS.map((c) => c.key)]);

export interface Progress {
  /** A (region, service) unit of work finished. */
  done(region: string, service: string, failedCalls: number): void;
}

/** Strip the SDK's `$metadata` (request ids, HTTP status): not part of the API's answer. */
export function withoutMetadata<T extends object>(response: T): Omit<T, '$metadata'> {
  const { $metadata: _, ...rest } = response as T & { $metadata?: unknown };
  return rest;
}

function errorCode(e: unknown): string {
  const err = e as { name?: string; code?: string; Code?: string };
  return err.Code ?? err.name ?? err.code ?? 'UnknownError';
}

/**
 * Where collectors put what they learn: responses by scope and key, and every
 * failed call (never dropped). All calls go through one concurrency limit.
 */
export class Recorder {
  readonly global: SnapshotScope = { calls: {}, perResource: {} };
  readonly regions: Record<string, SnapshotScope> = {};
  readonly errors: CallError[] = [];
  /** Every call sent, as `service:Operation` (for tests and the permission summary). */
  readonly sent: string[] = [];

  constructor(
    private readonly limit: ReturnType<typeof pLimit>,
    readonly progress: Progress = { done: () => {} },
  ) {}

  scope(region: string): SnapshotScope {
    if (region === GLOBAL_REGION) return this.global;
    return (this.regions[region] ??= { calls: {}, perResource: {} });
  }

  /**
   * Send one call under the global limit. On failure, record it and return
   * undefined: the checks that needed it will report `error`.
   */
  async call<T>(region: string, key: string, send: () => Promise<T>, resource?: string): Promise<T | undefined> {
    if (!KNOWN.has(key)) throw new Error(`collector sends ${key}, which is in neither OPERATIONS nor SUPPORT_CALLS`);
    return this.limit(async () => {
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
    });
  }

  /** Send account-wide calls of one region concurrently and record each response under its key. */
  async record(region: string, calls: readonly (readonly [string, () => Promise<object>])[]): Promise<void> {
    await Promise.all(
      calls.map(async ([key, send]) => {
        const response = await this.call(region, key, send);
        if (response) this.put(region, key, response);
      }),
    );
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
