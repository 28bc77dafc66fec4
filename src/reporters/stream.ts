/**
 * Reporters stream: they return their output as chunks the CLI writes as
 * they come, never as one string (300k resources would not fit in one).
 * These are the pieces every reporter shares.
 */
import type { Rendered } from './types.js';

/** Piece size: big enough that writes are few, small enough that memory stays flat. */
const CHUNK = 1 << 16;

/** Join small pieces into chunks of about CHUNK characters. */
export function* chunked(pieces: Iterable<string>, size = CHUNK): Generator<string> {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/** Lines, each ending in a newline. */
export function* lines(of: Iterable<string>): Generator<string> {
  for (const line of of) yield `${line}\n`;
}

/** A rendered output from a function that can iterate it afresh; `text` joins it (tests, small outputs). */
export function rendered(pieces: () => Iterable<string>, warnings: string[] = []): Rendered {
  return {
    chunks: () => chunked(pieces()),
    get text() {
      let out = '';
      for (const c of chunked(pieces())) out += c;
      return out;
    },
    warnings,
  };
}

/**
 * JSON as `JSON.stringify(value, null, 2)` writes it, in pieces, except that
 * values for which `compact(path)` is true are written on one line
 * (`JSON.stringify(value)`): one result per line keeps a large report's size
 * proportional to its results and still diffable line by line.
 */
export function* prettyJson(value: unknown, compact: (path: readonly (string | number)[]) => boolean = () => false): Generator<string> {
  const path: (string | number)[] = [];
  const leaf = (v: unknown): string | undefined => (v === null || typeof v !== 'object' || compact(path) ? (JSON.stringify(v) ?? 'null') : undefined);
  function* write(v: object, indent: string): Generator<string> {
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) {
        yield '[]';
        return;
      }
      yield '[\n';
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i] === undefined || typeof v[i] === 'function' ? null : v[i];
        const sep = i < v.length - 1 ? ',\n' : '\n';
        path.push(i);
        const text = leaf(item);
        if (text !== undefined) yield `${inner}${text}${sep}`;
        else {
          yield inner;
          yield* write(item as object, inner);
          yield sep;
        }
        path.pop();
      }
      yield `${indent}]`;
      return;
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && typeof x !== 'function');
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    yield '{\n';
    for (let i = 0; i < entries.length; i++) {
      const [k, x] = entries[i]!;
      const sep = i < entries.length - 1 ? ',\n' : '\n';
      path.push(k);
      const text = leaf(x);
      if (text !== undefined) yield `${inner}${JSON.stringify(k)}: ${text}${sep}`;
      else {
        yield `${inner}${JSON.stringify(k)}: `;
        yield* write(x as object, inner);
        yield sep;
      }
      path.pop();
    }
    yield `${indent}}`;
  }
  const top = leaf(value);
  if (top !== undefined) yield top;
  else yield* write(value as object, '');
  yield '\n';
}
