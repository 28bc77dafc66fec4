/**
 * Validate ASFF findings against the AWS SDK's own model of
 * `AwsSecurityFinding`, not a list we wrote: member names and kinds from the
 * client's runtime schema (`BatchImportFindings$`, read through
 * @smithy/core's NormalizedSchema as scripts/gen-shapes.ts does); required
 * members, enum values and the documented limits ("Length Constraints:
 * ... Maximum length of N", "Array Members: Maximum number of N items",
 * "up to N key-value pairs") from the client's dist-types declarations,
 * where the runtime schema does not carry them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NormalizedSchema } from '@smithy/core/schema';
import { BatchImportFindings$ } from '@aws-sdk/client-securityhub';

interface MemberDoc {
  optional: boolean;
  type: string;
  maxLength?: number;
  minLength?: number;
  maxItems?: number;
  maxPairs?: number;
  maxKey?: number;
  maxValue?: number;
}

const require = createRequire(import.meta.url);
const TYPES = join(dirname(require.resolve('@aws-sdk/client-securityhub/package.json')), 'dist-types/models');
const text = readdirSync(TYPES)
  .filter((f) => f.endsWith('.d.ts'))
  .map((f) => readFileSync(join(TYPES, f), 'utf8'))
  .join('\n');

/** interface name -> member -> what its declaration and doc comment say. */
const interfaces = new Map<string, Map<string, MemberDoc>>();
for (const m of text.matchAll(/export interface (\w+) \{\n([\s\S]*?)\n\}/g)) {
  const members = new Map<string, MemberDoc>();
  for (const d of m[2]!.matchAll(/\/\*\*([\s\S]*?)\*\/\s*\n\s*(\w+)(\??): ([^;]+);/g)) {
    const doc = d[1]!;
    const num = (re: RegExp) => (re.exec(doc) ? Number(re.exec(doc)![1]) : undefined);
    const entry: MemberDoc = { optional: d[3] === '?', type: d[4]!.replace(/ \| undefined$/, '') };
    const max = num(/Maximum length of (\d+)/);
    const min = num(/Minimum length of (\d+)/);
    const items = num(/Maximum number of (\d+) items/);
    const pairs = /up to (\d+) key-value pairs[\s\S]*?key can contain up to (\d+) characters, and the value can contain up to (\d+) characters/.exec(doc);
    if (max !== undefined) entry.maxLength = max;
    if (min !== undefined) entry.minLength = min;
    if (items !== undefined) entry.maxItems = items;
    if (pairs) [entry.maxPairs, entry.maxKey, entry.maxValue] = [Number(pairs[1]), Number(pairs[2]), Number(pairs[3])];
    members.set(d[2]!, entry);
  }
  interfaces.set(m[1]!, members);
}

/** enum name -> its values (`export declare const ComplianceStatus: { readonly FAILED: "FAILED"; ... }`). */
const enumText = readFileSync(join(TYPES, 'enums.d.ts'), 'utf8');
const enums = new Map<string, string[]>();
for (const m of enumText.matchAll(/export declare const (\w+): \{([\s\S]*?)\};/g)) {
  enums.set(m[1]!, [...m[2]!.matchAll(/: "([^"]*)"/g)].map((v) => v[1]!));
}

export function memberDoc(struct: string, member: string): MemberDoc | undefined {
  return interfaces.get(struct)?.get(member);
}

function finding(): NormalizedSchema {
  const input = NormalizedSchema.of((BatchImportFindings$ as unknown as unknown[])[4] as never);
  for (const [name, schema] of input.structIterator()) if (name === 'Findings') return schema.getValueSchema();
  throw new Error('BatchImportFindings input has no Findings member');
}

/** Every way `value` breaks the AwsSecurityFinding model, as `path: problem` lines (empty when it fits). */
export function asffProblems(value: unknown): string[] {
  const problems: string[] = [];
  const walk = (v: unknown, ns: NormalizedSchema, path: string, doc: MemberDoc | undefined): void => {
    if (v === undefined || v === null) return void problems.push(`${path}: null or undefined`);
    if (ns.isStructSchema()) {
      if (typeof v !== 'object' || Array.isArray(v)) return void problems.push(`${path}: not a structure`);
      const name = ns.getName()!;
      const members = new Map([...ns.structIterator()]);
      for (const [m, d] of interfaces.get(name) ?? []) {
        if (!d.optional && !(m in v)) problems.push(`${path}.${m}: required by ${name}, missing`);
      }
      for (const [k, x] of Object.entries(v)) {
        const schema = members.get(k);
        if (!schema) problems.push(`${path}.${k}: not a member of ${name}`);
        else walk(x, schema, `${path}.${k}`, memberDoc(name, k));
      }
      return;
    }
    if (ns.isListSchema()) {
      if (!Array.isArray(v)) return void problems.push(`${path}: not a list`);
      if (doc?.maxItems !== undefined && v.length > doc.maxItems) problems.push(`${path}: ${v.length} items, at most ${doc.maxItems}`);
      v.forEach((x, i) => walk(x, ns.getValueSchema(), `${path}[${i}]`, undefined));
      return;
    }
    if (ns.isMapSchema()) {
      if (typeof v !== 'object' || Array.isArray(v)) return void problems.push(`${path}: not a map`);
      const entries = Object.entries(v);
      if (doc?.maxPairs !== undefined && entries.length > doc.maxPairs) problems.push(`${path}: ${entries.length} pairs, at most ${doc.maxPairs}`);
      for (const [k, x] of entries) {
        if (doc?.maxKey !== undefined && k.length > doc.maxKey) problems.push(`${path}: key ${k.slice(0, 40)} longer than ${doc.maxKey}`);
        if (doc?.maxValue !== undefined && typeof x === 'string' && x.length > doc.maxValue) problems.push(`${path}.${k}: longer than ${doc.maxValue}`);
        walk(x, ns.getValueSchema(), `${path}.${k}`, undefined);
      }
      return;
    }
    if (ns.isBooleanSchema()) return void (typeof v !== 'boolean' && problems.push(`${path}: not a boolean`));
    if (ns.isNumericSchema()) return void (typeof v !== 'number' && problems.push(`${path}: not a number`));
    if (ns.isStringSchema() || ns.isTimestampSchema()) {
      if (typeof v !== 'string') return void problems.push(`${path}: not a string`);
      if (doc?.maxLength !== undefined && v.length > doc.maxLength) problems.push(`${path}: ${v.length} characters, at most ${doc.maxLength}`);
      if (doc?.minLength !== undefined && v.length < doc.minLength) problems.push(`${path}: ${v.length} characters, at least ${doc.minLength}`);
      const values = doc ? enums.get(doc.type) : undefined;
      if (values && !values.includes(v)) problems.push(`${path}: "${v}" is not one of ${doc!.type} (${values.join(', ')})`);
      return;
    }
  };
  walk(value, finding(), '$', undefined);
  return problems;
}
