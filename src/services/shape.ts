/**
 * Response shapes, derived from the AWS SDK v3 service models by
 * scripts/gen-shapes.ts (never written by hand), and a walker that checks a
 * stored response against them.
 *
 * What is checked is structure only: JSON types, and the members an adapter
 * says it needs. Never value ranges or closed enums: AWS adds enum values and
 * real accounts answer zeros. Unknown members are allowed and left untouched.
 *
 * Why a walker and not ajv: compiling ~60 response schemas cost 0.6 s on every
 * run; walking the data with the shape costs nothing up front.
 */

/**
 * A member's shape: a primitive code, a structure name, `[shape]` for a list,
 * or `{ '{}': shape }` for a map with string keys.
 * Primitives: `s` string, `n` number, `b` boolean, `t` timestamp (ISO 8601
 * string, as the AWS CLI and JSON.stringify write it), `B` blob (base64
 * string), `d` document (any JSON).
 */
export type ShapeRef = string | readonly [ShapeRef] | { readonly '{}': ShapeRef };

export interface ShapeTable {
  /** SDK package and version the table was generated from. */
  source: Record<string, string>;
  /** Snapshot key (`service:Operation`) -> its output structure's name. */
  outputs: Record<string, string>;
  /** Structure name -> member name -> member shape. */
  structures: Record<string, Record<string, ShapeRef>>;
}

export interface ShapeError {
  /** JSON pointer, relative to the response. */
  path: string;
  expected: string;
}

const PRIMITIVES: Record<string, string> = {
  s: 'a string',
  n: 'a number',
  b: 'a boolean (true or false)',
  t: 'an ISO 8601 timestamp string',
  B: 'a base64 string',
  d: 'any JSON value',
};

export const isPrimitive = (ref: ShapeRef): ref is string => typeof ref === 'string' && ref in PRIMITIVES;

/** A pointer segment, escaped per RFC 6901. */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Members an adapter needs, per structure name: their absence makes the value unreadable. */
export type Required = Readonly<Record<string, readonly string[]>>;

/** A JSON path as a list of keys (a mutable stack while walking: no allocation per value). */
export type Path = (string | number)[];

export function pointerOf(path: readonly (string | number)[]): string {
  return path.length === 0 ? '' : `/${path.map(pointerSegment).join('/')}`;
}

export interface CheckOptions {
  /** Stop after this many problems. */
  limit: number;
  /**
   * Record patterns (`['SecurityGroups', '*']`): a value at such a path is not
   * descended into but handed to `onRecord` (with the walk's path stack, valid
   * only during the call), to be checked on its own.
   */
  records?: readonly (readonly string[])[];
  onRecord?: (value: unknown, ref: ShapeRef, path: Path) => void;
}

/**
 * Check `value` against `ref`; push one error per problem (at most `limit`).
 * `null` is never valid: AWS omits what it does not send. `path` is where
 * `value` sits (it is extended and restored while walking).
 */
export function checkShape(value: unknown, ref: ShapeRef, table: ShapeTable, required: Required, errors: ShapeError[], options: CheckOptions, path: Path = []): void {
  new ShapeWalker(table, required, errors, options.limit, options.records ?? NO_PATTERNS, options.onRecord, path).check(value, ref);
}

/**
 * checkShape as an object that can be used again: the store check makes one
 * per answer and checks each of its records with it (a walker per record was
 * ~100k short-lived objects at 100k resources).
 */
export class ShapeWalker {
  constructor(
    private readonly table: ShapeTable,
    private readonly required: Required,
    private readonly errors: ShapeError[],
    private readonly limit: number,
    private readonly patterns: readonly (readonly string[])[],
    private readonly onRecord: CheckOptions['onRecord'],
    private readonly path: Path,
  ) {}

  /** Check `value` against `ref`, at the walker's path. */
  check(value: unknown, ref: ShapeRef): void {
    this.walk(value, ref, this.patterns.length ? this.patterns.map(() => 0) : NONE);
  }

  private fail(expected: string): void {
    this.errors.push({ path: pointerOf(this.path), expected });
  }

  private step(cursors: readonly number[], key: string | number): readonly number[] | 'record' {
    if (cursors === NONE) return NONE;
    let next: number[] | undefined;
    let live = false;
    for (let i = 0; i < cursors.length; i++) {
      const c = cursors[i]!;
      const pattern = this.patterns[i]!;
      const matched = c >= 0 && c < pattern.length && (pattern[c] === '*' ? typeof key === 'number' : pattern[c] === key);
      const moved = matched ? c + 1 : -1;
      if (moved === pattern.length) return 'record';
      if (moved >= 0) live = true;
      (next ??= []).push(moved);
    }
    return live ? next! : NONE;
  }

  private child(v: unknown, member: ShapeRef, key: string | number, cursors: readonly number[]): void {
    this.path.push(key);
    const next = this.step(cursors, key);
    if (next === 'record') this.onRecord?.(v, member, this.path);
    else this.walk(v, member, next);
    this.path.pop();
  }

  private walk(v: unknown, r: ShapeRef, cursors: readonly number[]): void {
    const errors = this.errors;
    if (errors.length >= this.limit) return;
    if (typeof r === 'string') {
      switch (r) {
        case 's':
          if (typeof v !== 'string') this.fail(PRIMITIVES.s!);
          return;
        case 'n':
          if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(PRIMITIVES.n!);
          return;
        case 'b':
          if (typeof v !== 'boolean') this.fail(PRIMITIVES.b!);
          return;
        case 't':
          if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) this.fail(PRIMITIVES.t!);
          return;
        case 'B':
          if (typeof v !== 'string' || !BASE64.test(v)) this.fail(PRIMITIVES.B!);
          return;
        case 'd':
          if (v === null) this.fail('a JSON value other than null');
          return;
      }
      const members = this.table.structures[r];
      if (!members) throw new Error(`shape table has no structure ${r}`);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) {
        this.fail(`an object (${r})`);
        return;
      }
      const obj = v as Record<string, unknown>;
      const needed = this.required[r];
      if (needed) {
        for (const name of needed) {
          const m = obj[name];
          if (m === undefined || (m === '' && members[name] === 's')) {
            this.path.push(name);
            this.fail(`${m === '' ? 'a non-empty string' : describeShape(members[name])} (${r}.${name} is needed)`);
            this.path.pop();
            if (errors.length >= this.limit) return;
          }
        }
      }
      for (const key in obj) {
        const member = members[key];
        if (member !== undefined) this.child(obj[key], member, key, cursors);
      }
      return;
    }
    if (Array.isArray(r)) {
      if (!Array.isArray(v)) {
        this.fail('a list');
        return;
      }
      const item = r[0] as ShapeRef;
      for (let i = 0; i < v.length && errors.length < this.limit; i++) this.child(v[i], item, i, cursors);
      return;
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      this.fail('an object (a map)');
      return;
    }
    const item = (r as { '{}': ShapeRef })['{}'];
    const obj = v as Record<string, unknown>;
    for (const key in obj) this.child(obj[key], item, key, cursors);
  }
}

const NONE: readonly number[] = [];
const NO_PATTERNS: readonly (readonly string[])[] = [];

/** What a shape holds, in words: `a string`, `a list`, `an object (Vpc)`. */
export function describeShape(ref: ShapeRef | undefined): string {
  if (ref === undefined) return 'a value';
  if (typeof ref === 'string') return PRIMITIVES[ref] ?? `an object (${ref})`;
  return Array.isArray(ref) ? 'a list' : 'an object (a map)';
}
