import { OPERATION_BY_KEY } from '../snapshot/operations.js';
import { GLOBAL_REGION, type CallError, type Snapshot, type SnapshotScope } from '../snapshot/types.js';
import type { Observed } from './types.js';

/** JSON as it sits in a snapshot: the SDK's output types with dates as ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/** A raw response as stored: the SDK v3 output type without `$metadata`. */
export type Raw<T> = Json<Omit<T, '$metadata'>>;

/**
 * Read access to a snapshot's responses that never loses a failure: a call
 * that errored, or that is simply absent, comes back as `{ ok: false }`.
 */
export class CallSource {
  private readonly errorIndex = new Map<string, CallError>();
  /** Account-wide calls that failed: key -> region -> error. */
  readonly failures = new Map<string, Map<string, CallError>>();

  constructor(readonly snapshot: Snapshot) {
    for (const e of snapshot.errors) {
      this.errorIndex.set(errorKey(`${e.service}:${e.operation}`, e.region, e.resource), e);
    }
  }

  get accountId(): string {
    return this.snapshot.metadata.accountId;
  }

  private scope(region: string): SnapshotScope | undefined {
    return region === GLOBAL_REGION ? this.snapshot.global : this.snapshot.regions[region];
  }

  /**
   * An account-wide call. `null` when the call answered with a code that means
   * "not set up" (e.g. NoSuchEntity for the password policy).
   */
  call<T>(region: string, key: string): Observed<T | null> {
    const response = this.scope(region)?.calls[key];
    if (response !== undefined) return { ok: true, value: response as T };
    const error = this.errorIndex.get(errorKey(key, region)) ?? notCollected(key, region);
    if (OPERATION_BY_KEY.get(key)?.absentCodes?.includes(error.code)) return { ok: true, value: null };
    let byRegion = this.failures.get(key);
    if (!byRegion) this.failures.set(key, (byRegion = new Map()));
    byRegion.set(region, error);
    return { ok: false, error };
  }

  /** A per-resource call (KMS rotation status, trail status, ...). */
  perResource<T>(region: string, key: string, resourceId: string): Observed<T> {
    const response = this.scope(region)?.perResource[key]?.[resourceId];
    if (response !== undefined) return { ok: true, value: response as T };
    const error = this.errorIndex.get(errorKey(key, region, resourceId)) ?? notCollected(key, region, resourceId);
    return { ok: false, error };
  }

  /** Record a failure the adapters found in a per-resource call that decides a whole region's results. */
  markFailed(key: string, region: string, error: CallError): void {
    let byRegion = this.failures.get(key);
    if (!byRegion) this.failures.set(key, (byRegion = new Map()));
    if (!byRegion.has(region)) byRegion.set(region, error);
  }

  /** A per-resource call whose "not set up" answers (absent codes) mean null: no bucket policy, say. */
  perResourceOrAbsent<T>(region: string, key: string, resourceId: string): Observed<T | null> {
    const r = this.perResource<T>(region, key, resourceId);
    if (!r.ok && OPERATION_BY_KEY.get(key)?.absentCodes?.includes(r.error.code)) return { ok: true, value: null };
    return r;
  }

  /** Whether a per-resource response for this id exists in a region (used to find a trail's status). */
  hasPerResource(region: string, key: string, resourceId: string): boolean {
    return (
      this.scope(region)?.perResource[key]?.[resourceId] !== undefined ||
      this.errorIndex.has(errorKey(key, region, resourceId))
    );
  }
}

function errorKey(key: string, region: string, resource?: string): string {
  return `${key}\u0000${region}\u0000${resource ?? ''}`;
}

/** A call absent from the snapshot without a recorded error: unknown, so never a pass. */
function notCollected(key: string, region: string, resource?: string): CallError {
  const [service = '', operation = ''] = key.split(':');
  const e: CallError = {
    service,
    operation,
    region,
    code: 'NotCollected',
    message: 'the snapshot holds no response and no error for this call',
  };
  if (resource !== undefined) e.resource = resource;
  return e;
}

export function tagMap(tags: { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
  return out;
}

export function nameTag(tags: Record<string, string>): { name?: string } {
  return tags['Name'] !== undefined ? { name: tags['Name'] } : {};
}
