/**
 * Seeded mutation of snapshots, and the contract a mutated snapshot is held
 * to (issue 10, "a lossless, tolerant data path"):
 *
 * - nothing throws out of the pipeline (a snapshot whose envelope breaks is
 *   bad input, exit 2, which is allowed);
 * - when the mutation makes data AWS could not send (a null, a re-typed
 *   value, an emptied value, a needed member deleted), every result whose
 *   status changes becomes `error` naming the mutated JSON path (or a path
 *   inside it), and a result that disappears leaves an `error` for its
 *   check in its region naming that path;
 * - when the mutation makes data AWS does send (an empty list, a member the
 *   module declares `unset`: absent is how AWS says "not set"), verdicts may
 *   change: that is a different account, not bad data.
 *
 * Mutated values: everything under `calls` and `perResource`, every depth.
 */
import { assess } from '../../src/assess/assess.js';
import type { Assessment } from '../../src/assess/types.js';
import { InputError } from '../../src/errors.js';
import { buildInventory } from '../../src/inventory/build.js';
import type { AnyServiceModule } from '../../src/services/define.js';
import { SERVICES } from '../../src/services/registry.js';
import { isPrimitive, pointerOf, type ShapeRef } from '../../src/services/shape.js';
import type { RuleSet } from '../../src/rules/types.js';
import { parseSnapshot } from '../../src/snapshot/read.js';
import type { Snapshot } from '../../src/snapshot/types.js';

export type MutationKind = 'delete' | 'null' | 'empty' | 'retype';
export type Path = (string | number)[];

export interface Mutation {
  path: Path;
  kind: MutationKind;
  /** The value put there (absent for a delete). */
  value?: unknown;
}

/** Where a mutated value sits: the operation, and the SDK structure and member it is in. */
interface Place {
  key: string;
  module: AnyServiceModule;
  /** Structure holding the mutated member, and the member (undefined inside lists/maps or outside the SDK shape). */
  struct?: string;
  member?: string;
  /** The mutated value's own shape, when known. */
  ref?: ShapeRef;
}

const modulesByKey = new Map<string, AnyServiceModule>();
for (const m of SERVICES as readonly AnyServiceModule[]) for (const op of m.operations) modulesByKey.set(op.key, m);

/** The operation and shape position of a path under calls/perResource. */
export function placeOf(path: Path): Place | undefined {
  // ['global', 'calls', key, ...] | ['regions', r, 'calls', key, ...] | [..., 'perResource', key, id, ...]
  const scopeLen = path[0] === 'global' ? 1 : 2;
  const kind = path[scopeLen];
  const key = path[scopeLen + 1];
  if (typeof key !== 'string') return undefined;
  const module = modulesByKey.get(key);
  if (!module) return undefined;
  const rest = path.slice(scopeLen + (kind === 'perResource' ? 3 : 2));
  let ref: ShapeRef | undefined = module.shapes.outputs[key];
  let struct: string | undefined;
  let member: string | undefined;
  for (const segment of rest) {
    if (ref === undefined) return { key, module };
    struct = undefined;
    member = undefined;
    if (typeof ref === 'string') {
      if (isPrimitive(ref)) return { key, module };
      struct = ref;
      member = String(segment);
      ref = module.shapes.structures[ref]![member];
    } else if (Array.isArray(ref)) ref = ref[0] as ShapeRef;
    else ref = (ref as { '{}': ShapeRef })['{}'];
  }
  const place: Place = { key, module };
  if (struct !== undefined) place.struct = struct;
  if (member !== undefined) place.member = member;
  if (ref !== undefined) place.ref = ref;
  return place;
}

/** Whether AWS could send the mutated data (so a changed verdict is a different account, not bad data). */
export function plausible(m: Mutation, original: unknown): boolean {
  if (m.kind === 'null' || m.kind === 'retype') return false;
  if (m.kind === 'empty' && Array.isArray(original)) return true;
  if (m.kind === 'empty' && original && typeof original === 'object') return plausiblyEmptied(m, original);
  const place = placeOf(m.path);
  if (!place?.struct || !place.member) return false;
  const op = place.module.operations.find((o) => o.key === place.key);
  const unset = op?.unset?.[place.struct] ?? [];
  // A member AWS omits when it is not set may also come as "" (CloudFront's WebACLId).
  if (m.kind === 'delete' || (m.kind === 'empty' && typeof original === 'string')) return unset.includes(place.member);
  return false;
}

/** An object emptied to {}: plausible when its structure needs nothing and each member it had is one AWS may leave out. */
function plausiblyEmptied(m: Mutation, original: unknown): boolean {
  const place = placeOf(m.path);
  if (!place?.ref || typeof place.ref !== 'string' || isPrimitive(place.ref) || !original || typeof original !== 'object') return false;
  const op = place.module.operations.find((o) => o.key === place.key);
  if ((op?.needs?.[place.ref] ?? []).length > 0) return false;
  const unset = op?.unset?.[place.ref] ?? [];
  return Object.keys(original).every((k) => unset.includes(k));
}

function retyped(v: unknown): unknown {
  if (typeof v === 'string') return 7;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return {};
  return [];
}

function emptied(v: unknown): unknown {
  if (typeof v === 'string') return v === '' ? undefined : '';
  if (Array.isArray(v)) return v.length === 0 ? undefined : [];
  if (v && typeof v === 'object') return Object.keys(v).length === 0 ? undefined : {};
  return undefined;
}

/** Every mutation of every value under calls and perResource, in document order. */
export function mutationsOf(snapshot: Snapshot): Mutation[] {
  const out: Mutation[] = [];
  const visit = (v: unknown, path: Path, inObject: boolean) => {
    if (inObject) out.push({ path, kind: 'delete' });
    out.push({ path, kind: 'null', value: null });
    const e = emptied(v);
    if (e !== undefined) out.push({ path, kind: 'empty', value: e });
    out.push({ path, kind: 'retype', value: retyped(v) });
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...path, i], false));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, [...path, k], true);
  };
  const scopes: [Path, Snapshot['global']][] = [[['global'], snapshot.global], ...Object.entries(snapshot.regions).map(([r, s]) => [['regions', r], s] as [Path, Snapshot['global']])];
  for (const [at, scope] of scopes) {
    for (const [key, response] of Object.entries(scope.calls)) visit(response, [...at, 'calls', key], true);
    for (const [key, byId] of Object.entries(scope.perResource)) {
      for (const [id, response] of Object.entries(byId)) visit(response, [...at, 'perResource', key, id], true);
    }
  }
  return out;
}

/** A deterministic sample (mulberry32 with `seed`) of `n` mutations. */
export function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

export function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], root);
}

/** The snapshot with one mutation applied (the original is left untouched: only the path is copied). */
export function apply(snapshot: Snapshot, m: Mutation): Snapshot {
  const copyAlong = (v: unknown, i: number): unknown => {
    const key = m.path[i]!;
    const container = Array.isArray(v) ? [...v] : { ...(v as object) };
    const rec = container as Record<string | number, unknown>;
    if (i === m.path.length - 1) {
      if (m.kind === 'delete') delete rec[key];
      else rec[key] = m.value;
    } else rec[key] = copyAlong(rec[key], i + 1);
    return container;
  };
  return copyAlong(snapshot, 0) as Snapshot;
}

interface Outcome {
  status: string;
  /** Paths named by the result's failed calls. */
  paths: string[];
}

/** evaluation key + ARN -> outcome; plus, per evaluation and region, whether an error names a path. */
function outcomes(a: Assessment): Map<string, Outcome & { evaluation: string; region: string }> {
  const out = new Map<string, Outcome & { evaluation: string; region: string }>();
  for (const e of a.evaluations) {
    for (const r of e.results) {
      const calls = (r.evidence['failedCalls'] as { path?: string }[] | undefined) ?? [];
      out.set(`${e.key}\n${r.resource.arn}`, { status: r.status, paths: calls.flatMap((c) => (c.path ? [c.path] : [])), evaluation: e.key, region: r.resource.region });
    }
  }
  return out;
}

export type Verdict =
  | { kind: 'rejected' }
  | { kind: 'unchanged' }
  | { kind: 'errors'; changed: number }
  | { kind: 'plausible-change'; changed: number }
  | { kind: 'violation'; details: string[] }
  | { kind: 'escape'; error: string };

export function scan(snapshot: Snapshot, ruleSets: RuleSet[]): Assessment {
  return assess(snapshot, buildInventory(snapshot), ruleSets, 'mutation-test');
}

/** Run the pipeline on one mutation and judge it against the contract. */
export function judge(base: Snapshot, baseline: Assessment, m: Mutation, ruleSets: RuleSet[]): Verdict {
  const mutated = apply(base, m);
  let a: Assessment;
  try {
    // Through JSON as a file would be: the envelope is checked (a broken one is exit 2).
    a = scan(parseSnapshot(JSON.stringify(mutated), 'mutated.json'), ruleSets);
  } catch (e) {
    if (e instanceof InputError) return { kind: 'rejected' };
    return { kind: 'escape', error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
  }
  const before = outcomes(baseline);
  const after = outcomes(a);
  const pointer = pointerOf(m.path);
  const names = (paths: string[]) => paths.some((p) => p === pointer || p.startsWith(`${pointer}/`) || pointer.startsWith(`${p}/`));
  const changed: string[] = [];
  for (const [k, o] of before) {
    const now = after.get(k);
    if (now?.status !== o.status) changed.push(k);
  }
  for (const k of after.keys()) if (!before.has(k)) changed.push(k);
  if (changed.length === 0) return { kind: 'unchanged' };
  if (plausible(m, valueAt(base, m.path))) return { kind: 'plausible-change', changed: changed.length };
  const details: string[] = [];
  for (const k of changed) {
    const now = after.get(k);
    if (now) {
      if (now.status !== 'error') details.push(`${k.replace('\n', ' ')}: ${before.get(k)?.status ?? 'absent'} -> ${now.status}`);
      else if (!names(now.paths)) details.push(`${k.replace('\n', ' ')}: error naming ${now.paths.join(', ') || 'no path'}, not ${pointer}`);
      continue;
    }
    // Gone: its check must say, in its region, that it could not read the mutated path.
    const o = before.get(k)!;
    // A global answer (IAM, S3 listing) decides results in every region.
    // (So does a check's "nothing in scope" placeholder, which an error in one region replaces.)
    const anywhere = m.path[0] === 'global' || k.endsWith(':*');
    const witness = [...after.values()].some((x) => x.evaluation === o.evaluation && (anywhere || x.region === o.region || x.region === 'global') && x.status === 'error' && names(x.paths));
    if (!witness) details.push(`${k.replace('\n', ' ')}: ${o.status} -> gone, with no error naming ${pointer}`);
  }
  return details.length ? { kind: 'violation', details } : { kind: 'errors', changed: changed.length };
}
