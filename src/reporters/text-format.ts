/** Pieces the text report's sections share: labels, colours, wrapping, and text from the account made safe for a terminal. */
import type { ChalkInstance } from 'chalk';
import type { ControlStatus } from '../assess/types.js';
import type { CheckResult, Severity } from '../checks/types.js';

/** Lines are kept to this many columns where the words allow. */
export const WIDTH = 100;

export const LABEL: Record<ControlStatus, string> = { fail: 'FAIL', error: 'ERROR', pass: 'PASS', not_applicable: 'N/A', manual: 'MANUAL' };

export function paint(c: ChalkInstance, status: ControlStatus, text: string): string {
  switch (status) {
    case 'manual':
      return c.cyan(text);
    case 'fail':
      return c.red.bold(text);
    case 'error':
      return c.yellow.bold(text);
    case 'pass':
      return c.green(text);
    case 'not_applicable':
      return c.gray(text);
  }
}

export function paintSeverity(c: ChalkInstance, severity: Severity, text: string): string {
  switch (severity) {
    case 'critical':
      return c.magenta.bold(text);
    case 'high':
      return c.red.bold(text);
    case 'medium':
      return c.yellow(text);
    case 'low':
      return c.blue(text);
    case 'info':
      return c.gray(text);
  }
}

export const fmtScore = (s: number | null) => (s === null ? 'n/a' : s.toFixed(1));

/**
 * Names, tags and messages come from the scanned account: control characters
 * (an ESC starting a terminal sequence, a carriage return overwriting the
 * line) are shown escaped, never sent to the terminal.
 */
export function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** At most `width` characters, an ellipsis marking a cut. */
export function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** Words wrapped to lines of at most `width` characters (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** `text` wrapped under an indent of `indent` spaces, within WIDTH. */
export function indentWrap(indent: number, text: string, width = WIDTH): string[] {
  const pad = ' '.repeat(indent);
  return wrap(text, Math.max(20, width - indent)).map((l) => `${pad}${l}`);
}

/** Evidence values as `key: value` pieces, JSON for structured values, each cut at `max` characters. */
export function evidencePieces(result: Pick<CheckResult, 'evidence'>, max = 200): string[] {
  return Object.entries(result.evidence).map(([k, v]) => {
    const text = clean(typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));
    return `${k}: ${text.length > max ? `${text.slice(0, max - 3)}...` : text}`;
  });
}

/** `id (name) region`, the way the old report and the waiver docs name a resource. */
export function resourceLabel(r: CheckResult['resource']): string {
  const name = r.name && r.name !== r.id ? ` (${clean(r.name)})` : '';
  return `${clean(r.id)}${name} ${r.region}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
