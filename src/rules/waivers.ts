/**
 * Waiver files: accepted risks with a reason, an approver and an expiry.
 * Loading and validation only; applying them is the assessment's job.
 */
import { findCheck } from '../checks/index.js';
import { InputError } from '../errors.js';
import type { ErrorObject } from 'ajv';
import { describeAjvError, validatorFor } from '../schemas.js';
import { readTextFile } from '../files.js';
import { YamlFile } from './load.js';
import type { RuleSet } from './types.js';

export interface Waiver {
  /** Position in the file, for messages: `waivers[3]`, or the waiver's own id. */
  ref: string;
  id?: string;
  check?: string;
  /** `framework:control`. */
  control?: string;
  /** An exact ARN, or an IAM-style pattern (`*` any characters, `?` one). */
  resource: string;
  reason: string;
  approver: string;
  /** Last day the waiver applies, YYYY-MM-DD. */
  expires: string;
}

interface RawWaiver extends Omit<Waiver, 'ref'> {}

function isRealDate(ymd: string): boolean {
  const d = new Date(`${ymd}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === ymd;
}

/** Load and validate a waiver file against the checks and the loaded frameworks' controls. */
export function loadWaivers(file: string, ruleSets: RuleSet[]): Waiver[] {
  return parseWaivers(readTextFile(file, 'a waiver file'), file, ruleSets);
}

/** The location of a JSON pointer in the file, naming the waiver entry by its id when it has one. */
function entryWhere(yaml: YamlFile, pointer: string): string {
  const at = yaml.where(pointer);
  const index = /^\/waivers\/(\d+)/.exec(pointer)?.[1];
  if (index === undefined) return at;
  const id = (yaml.data as { waivers?: { id?: unknown }[] }).waivers?.[Number(index)]?.id;
  return typeof id === 'string' ? `${at} (waiver "${id}")` : at;
}

/** What a waiver field must look like, in the user's terms rather than the schema's. */
const FIELD_EXPECTED: Record<string, (value: unknown) => string> = {
  expires: (v) => `the last day the waiver applies, as YYYY-MM-DD, not ${JSON.stringify(v)}`,
  control: (v) => `framework:control, e.g. "aws-well-architected:REL10-BP01", not ${JSON.stringify(v)}`,
  check: (v) => `a check id such as "ec2-imdsv2-required" (see \`archscan checks\`), not ${JSON.stringify(v)}`,
  reason: () => 'a reason of at least 10 characters: why the risk is accepted',
  approver: () => "the approver's name (at least 2 characters)",
  resource: () => 'an ARN or ARN pattern (* any characters, ? one)',
};

function valueAt(data: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

function expectedFor(err: ErrorObject, data: unknown): string {
  if (err.instancePath === '' && (data === null || data === undefined)) return 'a top-level "waivers:" list; the file is empty';
  const field = /^\/waivers\/\d+\/(\w+)$/.exec(err.instancePath)?.[1];
  const friendly = field !== undefined && ['pattern', 'minLength', 'type'].includes(err.keyword) ? FIELD_EXPECTED[field] : undefined;
  return friendly ? friendly(valueAt(data, err.instancePath)) : describeAjvError(err);
}

export function parseWaivers(text: string, file: string, ruleSets: RuleSet[]): Waiver[] {
  const yaml = YamlFile.parse(text, file);
  const validate = validatorFor('waivers.schema.json');
  if (!validate(yaml.data)) {
    const errors = validate.errors!;
    // oneOf reports its branches first; the oneOf error itself says what the user got wrong.
    const oneOf = errors.find((e) => e.keyword === 'oneOf');
    const err = oneOf ?? errors[0]!;
    const expected = oneOf ? 'exactly one of "check" or "control"' : expectedFor(err, yaml.data);
    throw new InputError(file, entryWhere(yaml, err.instancePath), expected);
  }
  const controls = new Set(ruleSets.flatMap((r) => r.controls.map((c) => `${r.id}:${c.id}`)));
  const frameworks = new Set(ruleSets.map((r) => r.id));
  const ids = new Set<string>();
  return (yaml.data as { waivers: RawWaiver[] }).waivers.map((w, i) => {
    const at = (field: string) => entryWhere(yaml, `/waivers/${i}/${field}`);
    if (w.id !== undefined) {
      if (ids.has(w.id)) throw new InputError(file, at('id'), `a unique waiver id; "${w.id}" appears twice`);
      ids.add(w.id);
    }
    if (!isRealDate(w.expires)) throw new InputError(file, at('expires'), `a real calendar date (YYYY-MM-DD), not "${w.expires}"`);
    if (w.check !== undefined && !findCheck(w.check)) throw new InputError(file, at('check'), `a known check id (see \`archscan checks\`), not "${w.check}"`);
    if (w.control !== undefined) {
      const framework = w.control.slice(0, w.control.indexOf(':'));
      if (frameworks.has(framework) && !controls.has(w.control)) {
        throw new InputError(file, at('control'), `a control of ${framework} (see \`archscan frameworks --coverage\`), not "${w.control}"`);
      }
      if (!frameworks.has(framework)) throw new InputError(file, at('control'), `framework:control with a loaded framework, not "${framework}"`);
    }
    return { ref: w.id ?? `waivers[${i}]`, ...w };
  });
}

/** IAM-style wildcard match: `*` any run of characters (including `/` and `:`), `?` exactly one. */
export function resourceMatches(pattern: string, arn: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === arn;
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(arn);
}
