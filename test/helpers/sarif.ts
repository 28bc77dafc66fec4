import { readFileSync } from 'node:fs';
import Ajv4Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { ROOT } from './cli.js';

// Both are CommonJS: under NodeNext their default export is the namespace.
const Ajv4 = Ajv4Module as unknown as new (opts: object) => { compile: (s: object) => ValidateFunction };
const addFormats = addFormatsModule as unknown as (ajv: unknown) => void;

let validator: ValidateFunction | undefined;

/** The official OASIS SARIF 2.1.0 schema (errata01, vendored) compiled with ajv's draft-04 support. */
export function sarifValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv4({ strict: true, strictRequired: false, allErrors: true });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(`${ROOT}schemas/vendor/sarif-schema-2.1.0.json`, 'utf8')) as object);
  }
  return validator;
}
