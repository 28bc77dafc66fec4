/**
 * One ajv instance and the compiled validators for archscan's own schemas
 * (schemas/*.json), plus turning ajv errors into one readable sentence.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { _, Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default export is the namespace.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** An ajv as archscan configures it; `source` for scripts/build-validators.mjs (standalone code). */
export function ajvFor(opts: { source?: boolean } = {}): Ajv {
  const instance = new Ajv({
    allErrors: false,
    strict: true,
    strictRequired: false,
    ...(opts.source ? { code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } } : {}),
  });
  addFormats(instance);
  return instance;
}

export const ajv = ajvFor();

export type SchemaName = 'snapshot.schema.json' | 'ruleset.schema.json' | 'report.schema.json' | 'waivers.schema.json' | 'org-index.schema.json' | 'architecture.schema.json' | 'manifest.schema.json';
export const SCHEMA_NAMES: readonly SchemaName[] = ['snapshot.schema.json', 'ruleset.schema.json', 'report.schema.json', 'waivers.schema.json', 'org-index.schema.json', 'architecture.schema.json', 'manifest.schema.json'];

const cache = new Map<string, ValidateFunction>();

const require = createRequire(import.meta.url);

/**
 * The validator `npm run build` compiled from the schema (scripts/build-validators.mjs),
 * in dist/validators/; none when run from the sources, which compile it.
 */
function builtValidator(name: SchemaName): ValidateFunction | undefined {
  try {
    return require(`./validators/${name}.cjs`) as ValidateFunction;
  } catch {
    return undefined;
  }
}

export function schemaText(name: SchemaName): string {
  return readFileSync(schemaPath(name), 'utf8');
}

/** Path of a file under the package's schemas/ folder (works from src/ and dist/). */
export function schemaPath(name: string): string {
  return fileURLToPath(new URL(`../schemas/${name}`, import.meta.url));
}

export function validatorFor(name: SchemaName): ValidateFunction {
  let v = cache.get(name);
  if (!v) {
    v = builtValidator(name) ?? ajv.compile(JSON.parse(schemaText(name)) as object);
    cache.set(name, v);
  }
  return v;
}

/** "expected X" for the most useful ajv error. */
export function describeAjvError(e: ErrorObject): string {
  switch (e.keyword) {
    case 'required':
      return `missing required property "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'additionalProperties':
      return `unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'enum':
      return `expected one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `expected ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    case 'type':
      return `expected ${(e.params as { type: string }).type}`;
    default:
      return `expected a value that ${e.message ?? 'matches the schema'}`;
  }
}
