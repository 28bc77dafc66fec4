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
 * `compactText` writes those values (default `JSON.stringify`); it must
 * give the same text, faster (resultText, below).
 */
export function* prettyJson(
  value: unknown,
  compact: (path: readonly (string | number)[]) => boolean = () => false,
  compactText: (v: object) => string = (v) => JSON.stringify(v),
): Generator<string> {
  const path: (string | number)[] = [];
  const leaf = (v: unknown): string | undefined =>
    v === null || typeof v !== 'object' ? (JSON.stringify(v) ?? 'null') : compact(path) ? compactText(v) : undefined;
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

/** `"key":` for the keys of a compact object, made once each. */
const KEY_TEXT = new Map<string, string>();
const keyText = (k: string): string => {
  let text = KEY_TEXT.get(k);
  if (text === undefined) KEY_TEXT.set(k, (text = `${JSON.stringify(k)}:`));
  return text;
};

/**
 * `JSON.stringify(result)`, byte for byte, but each distinct `resource` ref
 * is stringified once per report (a resource is the subject of one result
 * per check that covers it; its ref is shared, never changed, and is half
 * of each line). `refs` holds the texts for one rendering.
 */
export function resultText(result: object, refs: Map<object, string>): string {
  let out = '{';
  for (const k in result) {
    const v = (result as Record<string, unknown>)[k];
    let text: string | undefined;
    if (k === 'resource' && typeof v === 'object' && v !== null) {
      text = refs.get(v);
      if (text === undefined) refs.set(v, (text = JSON.stringify(v)));
    } else text = JSON.stringify(v);
    // As JSON.stringify: an undefined or function value leaves its key out.
    if (text === undefined) continue;
    out += out.length === 1 ? keyText(k) + text : `,${keyText(k)}${text}`;
  }
  return `${out}}`;
}
