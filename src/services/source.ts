/**
 * Read access to a snapshot's stored answers for the adapters, which never
 * loses a failure and never lets bad data through:
 * - a call that failed, or is absent, comes back as `{ ok: false }`;
 * - an answer that does not fit the operation's shape (from the SDK models)
 *   outside any record makes the whole operation unreadable in that region;
 * - a bad record (one security group, one DB instance) is unreadable on its
 *   own: it is left out of the inventory and listed in `unreadable`, so the
 *   checks on it say `error` with the JSON path, never pass and never vanish.
 */
import type { CallError, ResourceRef } from '../inventory/base.js';
import { GLOBAL_REGION, type Snapshot, type SnapshotScope } from '../snapshot/types.js';
import type { ArnContext, ModuleSpec, OperationSpec, RecordSpec } from './spec.js';
import { checkShape, pointerOf, pointerSegment, ShapeWalker, type ShapeError } from './shape.js';

export type Observed<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** A record an adapter could not read: its checks report `error` naming `error.path`. */
export interface UnreadableRecord {
  key: string;
  region: string;
  recordType: string;
  /** The record's identity, when that much could be read. */
  resource?: ResourceRef;
  error: CallError;
}

/** Thrown by an adapter inside `records()` when a value is one AWS cannot send (a CIDR that does not parse). */
export class RecordError extends Error {
  constructor(
    /** Pointer relative to the record. */
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path}: ${expected}`);
  }
}

/** The record being read, for an adapter that checks values the shape cannot (CIDRs, port order). */
export interface RecordAt {
  /** The record's pointer in the snapshot. */
  readonly pointer: string;
  /** Throw a RecordError at `member` (a pointer relative to the record, `/IpPermissions/0/FromPort`) unless `ok`. */
  expect(ok: boolean, member: string, expected: string): void;
}

interface Checked {
  value: unknown;
  /** Problems outside any record: the whole answer is unreadable. */
  outside: ShapeError[];
  /** Record pointer (relative) -> its problems. */
  bad: ReadonlyMap<string, ShapeError[]>;
}

/** An operation as the source reads it. */
interface OperationEntry {
  op: OperationSpec;
  module: ModuleSpec;
  /** Its record paths as segment lists. */
  patterns: string[][];
  /**
   * Its answers already checked, by the answer object itself (each stored answer is its own object once parsed):
   * no key string is made per per-resource answer. Per operation, as a check depends on the shape too.
   */
  checked: Map<object, Checked>;
}

const MALFORMED = 'MalformedResponse';
const NO_BAD_RECORDS: ReadonlyMap<string, ShapeError[]> = new Map();
const NO_PROBLEMS: ShapeError[] = [];

function keyParts(key: string): [string, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i), key.slice(i + 1)];
}

export function dataError(key: string, region: string, path: string, expected: string, resource?: string): CallError {
  const [service, operation] = keyParts(key);
  const e: CallError = { service, operation, region, code: MALFORMED, message: `${path}: expected ${expected}`, path, expected };
  if (resource !== undefined) e.resource = resource;
  return e;
}

/** A call absent from the snapshot without a recorded error: unknown, so never a pass. Names where its answer should be. */
function notCollected(key: string, region: string, resource?: string): CallError {
  const [service, operation] = keyParts(key);
  const path = resource === undefined ? ServiceSource.callPointer(region, key) : ServiceSource.resourcePointer(region, key, resource);
  const e: CallError = {
    service,
    operation,
    region,
    code: 'NotCollected',
    message: 'the snapshot holds no response and no error for this call',
    path,
    expected: `the answer of ${key}, or an entry in errors saying why it failed`,
  };
  if (resource !== undefined) e.resource = resource;
  return e;
}

function errorKey(key: string, region: string, resource?: string): string {
  return `${key}\u0000${region}\u0000${resource ?? ''}`;
}

/** `a/*` record patterns as segment lists. */
function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}

export class ServiceSource {
  private readonly errorIndex = new Map<string, CallError>();
  private readonly specs = new Map<string, OperationEntry>();
  /** Account-wide calls that failed or could not be read: key -> region -> error. */
  readonly failures = new Map<string, Map<string, CallError>>();
  readonly unreadable = new Map<string, Map<string, UnreadableRecord[]>>();
  /** Every answer or record found malformed (reported with the failed calls). */
  readonly dataErrors: CallError[] = [];

  constructor(
    readonly snapshot: Snapshot,
    modules: readonly ModuleSpec[],
  ) {
    for (const e of snapshot.errors) this.errorIndex.set(errorKey(`${e.service}:${e.operation}`, e.region, e.resource), e);
    for (const module of modules) {
      for (const op of module.operations) this.specs.set(op.key, { op, module, patterns: (op.records ?? []).map((r) => segments(r.path)), checked: new Map() });
    }
  }

  get accountId(): string {
    return this.snapshot.metadata.accountId;
  }

  get partition(): string {
    return this.snapshot.metadata.partition;
  }

  /** The scanned regions, sorted. */
  get regions(): readonly string[] {
    return (this.sortedRegions ??= [...this.snapshot.metadata.regions].sort());
  }

  private sortedRegions?: string[];

  private scope(region: string): SnapshotScope | undefined {
    return region === GLOBAL_REGION ? this.snapshot.global : this.snapshot.regions[region];
  }

  private spec(key: string): OperationEntry {
    const s = this.specs.get(key);
    if (!s) throw new Error(`no service module declares ${key}`);
    return s;
  }

  /** Snapshot pointer of an account-wide answer. */
  static callPointer(region: string, key: string): string {
    return region === GLOBAL_REGION ? `/global/calls/${pointerSegment(key)}` : `/regions/${pointerSegment(region)}/calls/${pointerSegment(key)}`;
  }

  static resourcePointer(region: string, key: string, id: string): string {
    const scope = region === GLOBAL_REGION ? '/global' : `/regions/${pointerSegment(region)}`;
    return `${scope}/perResource/${pointerSegment(key)}/${pointerSegment(id)}`;
  }

  private fail(key: string, region: string, error: CallError): void {
    let byRegion = this.failures.get(key);
    if (!byRegion) this.failures.set(key, (byRegion = new Map()));
    if (!byRegion.has(region)) byRegion.set(region, error);
  }

  private check(key: string, value: unknown): Checked {
    const entry = this.spec(key);
    const cacheable = value !== null && typeof value === 'object';
    let c = cacheable ? entry.checked.get(value) : undefined;
    if (c) return c;
    const { op, module, patterns } = entry;
    const output = module.shapes.outputs[key];
    if (!output) throw new Error(`${module.name}: shapes.generated.ts has no output shape for ${key} (run npm run shapes)`);
    const needs = op.needs ?? {};
    const outside: ShapeError[] = [];
    // Built only for an answer with a bad record: most answers (one per bucket, key, ... call) have none.
    let bad: Map<string, ShapeError[]> | undefined;
    const problems: ShapeError[] = [];
    let recordWalker: ShapeWalker | undefined;
    // The answer outside its records, then each record on its own: one bad record never hides another's problems.
    checkShape(value, output, module.shapes, needs, outside, {
      limit: 20,
      records: patterns,
      onRecord: (record, ref, path) => {
        // One walker for every record of the answer; `path` is the same stack each time.
        (recordWalker ??= new ShapeWalker(module.shapes, needs, problems, 1, [], undefined, path)).check(record, ref);
        if (problems.length > 0) (bad ??= new Map()).set(pointerOf(path), problems.splice(0));
      },
    });
    c = { value, outside: outside.length > 0 ? outside : NO_PROBLEMS, bad: bad ?? NO_BAD_RECORDS };
    if (cacheable) entry.checked.set(value, c);
    return c;
  }

  /**
   * An account-wide answer, checked against its shape. `null` when the call
   * answered with a code that means "not set up" (NoSuchEntity for the
   * password policy). Bad records do not make it fail: read them with `records`.
   */
  call<T>(region: string, key: string): Observed<T | null> {
    const response = this.scope(region)?.calls[key];
    if (response === undefined) {
      const error = this.errorIndex.get(errorKey(key, region)) ?? notCollected(key, region);
      if (this.spec(key).op.absentCodes?.includes(error.code)) return { ok: true, value: null };
      this.fail(key, region, error);
      return { ok: false, error };
    }
    const c = this.check(key, response);
    if (c.outside.length > 0) {
      const first = c.outside[0]!;
      const error = dataError(key, region, `${ServiceSource.callPointer(region, key)}${first.path}`, first.expected);
      if (!this.failures.get(key)?.has(region)) this.dataErrors.push(error);
      this.fail(key, region, error);
      return { ok: false, error };
    }
    return { ok: true, value: response as T };
  }

  /**
   * Build one item per readable record at `path` (a RecordSpec path of the
   * operation). A record with a shape problem, or for which `build` throws a
   * RecordError, is left out and listed as unreadable. Empty when the whole
   * answer could not be read (its failure is recorded).
   */
  records<T, R>(region: string, key: string, path: string, build: (raw: T, at: RecordAt) => R | undefined): R[] {
    const got = this.call<Record<string, unknown>>(region, key);
    if (!got.ok || got.value === null) return [];
    const spec = this.spec(key).op.records?.find((r) => r.path === path);
    if (!spec) throw new Error(`${key} declares no records at ${path}`);
    const c = this.check(key, got.value);
    const base = ServiceSource.callPointer(region, key);
    const out: R[] = [];
    // One cursor for the whole list: its pointer is read from the walk's path stack, so nothing is allocated per record.
    const at = new RecordCursor(base);
    forEachItem(got.value, segments(path), 0, at.path, (raw) => {
      const problems = c.bad.size > 0 ? c.bad.get(pointerOf(at.path)) : undefined;
      if (problems) {
        this.markUnreadable(key, region, spec, raw, at.pointer, problems[0]!);
        return;
      }
      const missingId = spec.id !== undefined && !isId((raw as Record<string, unknown>)[spec.id]);
      if (missingId) {
        this.markUnreadable(key, region, spec, raw, at.pointer, { path: `${pointerOf(at.path)}/${pointerSegment(spec.id!)}`, expected: 'a non-empty id string' });
        return;
      }
      try {
        const item = build(raw as T, at);
        if (item !== undefined) out.push(item);
      } catch (e) {
        if (!(e instanceof RecordError)) throw e;
        this.markUnreadable(key, region, spec, raw, at.pointer, { path: `${pointerOf(at.path)}${e.path}`, expected: e.expected });
      }
    });
    return out;
  }

  /** Record a record as unreadable, naming it as far as its identity can be read. */
  private markUnreadable(key: string, region: string, spec: RecordSpec, raw: unknown, pointer: string, problem: ShapeError): void {
    const base = ServiceSource.callPointer(region, key);
    const error = dataError(key, region, `${base}${problem.path}`, problem.expected);
    this.dataErrors.push(error);
    const entry: UnreadableRecord = { key, region, recordType: spec.type, error };
    const resource = recordRef(spec, raw, { partition: this.partition, accountId: this.accountId, region });
    if (resource) {
      entry.resource = resource;
      error.resource = resource.id;
    } else {
      error.resource = pointer;
    }
    let byRegion = this.unreadable.get(key);
    if (!byRegion) this.unreadable.set(key, (byRegion = new Map()));
    const list = byRegion.get(region) ?? [];
    list.push(entry);
    byRegion.set(region, list);
  }

  /** A per-resource answer (KMS rotation status, trail status, ...), checked against its shape. */
  perResource<T>(region: string, key: string, resourceId: string): Observed<T> {
    const response = this.scope(region)?.perResource[key]?.[resourceId];
    if (response === undefined) {
      const error = this.errorIndex.get(errorKey(key, region, resourceId)) ?? notCollected(key, region, resourceId);
      return { ok: false, error };
    }
    const c = this.check(key, response);
    const first = c.outside.length > 0 ? c.outside[0] : c.bad.size > 0 ? c.bad.values().next().value![0] : undefined;
    if (first) {
      const error = dataError(key, region, `${ServiceSource.resourcePointer(region, key, resourceId)}${first.path}`, first.expected, resourceId);
      if (!this.reported.has(error.path!)) {
        this.reported.add(error.path!);
        this.dataErrors.push(error);
      }
      return { ok: false, error };
    }
    return { ok: true, value: response as T };
  }

  private readonly reported = new Set<string>();

  /** A per-resource answer whose "not set up" codes (absentCodes) mean null: no bucket policy, say. */
  perResourceOrAbsent<T>(region: string, key: string, resourceId: string): Observed<T | null> {
    const r = this.perResource<T>(region, key, resourceId);
    if (!r.ok && this.spec(key).op.absentCodes?.includes(r.error.code)) return { ok: true, value: null };
    return r;
  }

  /** Whether a per-resource answer (or its error) for this id exists in a region. */
  hasPerResource(region: string, key: string, resourceId: string): boolean {
    return this.scope(region)?.perResource[key]?.[resourceId] !== undefined || this.errorIndex.has(errorKey(key, region, resourceId));
  }

  /** The failure of an account-wide call in a region (failed, absent or unreadable), once `call` has looked at it. */
  failure(key: string, region: string): CallError | undefined {
    this.call(region, key);
    return this.failures.get(key)?.get(region);
  }

  /** Records of an answer that could not be read, in a region. */
  unreadableIn(key: string, region: string): readonly UnreadableRecord[] {
    return this.unreadable.get(key)?.get(region) ?? [];
  }

  /** Make a region's account-wide results for `key` undecidable (a failed per-resource call that hides resources). */
  markFailed(key: string, region: string, error: CallError): void {
    this.fail(key, region, error);
  }

  /** A value inside an account-wide answer that an adapter found unusable (an unparseable report): the whole answer is unreadable. */
  unusable(key: string, region: string, path: string, expected: string): CallError {
    const error = dataError(key, region, `${ServiceSource.callPointer(region, key)}${path}`, expected);
    this.dataErrors.push(error);
    this.fail(key, region, error);
    return error;
  }

  /** A value inside a per-resource answer that an adapter found unusable (a key policy that is not JSON). */
  unusableResource(key: string, region: string, resourceId: string, path: string, expected: string): CallError {
    const error = dataError(key, region, `${ServiceSource.resourcePointer(region, key, resourceId)}${path}`, expected, resourceId);
    if (!this.reported.has(error.path!)) {
      this.reported.add(error.path!);
      this.dataErrors.push(error);
    }
    return error;
  }
}

const isId = (v: unknown): boolean => typeof v === 'string' && v !== '';

/** The record being read in `records()`; valid only during `build` (its path is the walk's stack). */
class RecordCursor implements RecordAt {
  readonly path: (string | number)[] = [];
  constructor(private readonly base: string) {}
  get pointer(): string {
    return `${this.base}${pointerOf(this.path)}`;
  }
  expect(ok: boolean, member: string, expected: string): void {
    if (!ok) throw new RecordError(member, expected);
  }
}

/**
 * Call `visit` on every item at a `A/*\/B/*` path, with `path` (a stack,
 * extended and restored as it goes) holding where the item is. Non-lists
 * along the way yield nothing (the shape check reported them).
 */
function forEachItem(value: unknown, pattern: readonly string[], depth: number, path: (string | number)[], visit: (raw: unknown) => void): void {
  if (depth === pattern.length) {
    visit(value);
    return;
  }
  const head = pattern[depth]!;
  if (head === '*') {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      forEachItem(value[i], pattern, depth + 1, path, visit);
      path.pop();
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const next = (value as Record<string, unknown>)[head];
  if (next === undefined) return;
  path.push(head);
  forEachItem(next, pattern, depth + 1, path, visit);
  path.pop();
}

/** A bad record's identity: its ARN member, or its id member and the ARN made of it. */
function recordRef(spec: RecordSpec, raw: unknown, at: ArnContext): ResourceRef | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const o = raw as Record<string, unknown>;
  const arn = spec.arn ? o[spec.arn] : undefined;
  const id = spec.id ? o[spec.id] : undefined;
  const idText = typeof id === 'string' && id !== '' ? id : undefined;
  let arnText = typeof arn === 'string' && arn.startsWith('arn:') ? arn : undefined;
  if (arnText === undefined && idText !== undefined && spec.arnOf) arnText = spec.arnOf(idText, at);
  if (arnText === undefined) return undefined;
  return { type: spec.type, arn: arnText, id: idText ?? arnText.split(/[:/]/).pop()!, account: at.accountId, region: at.region };
}
