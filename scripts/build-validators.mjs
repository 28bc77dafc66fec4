// Part of `npm run build`: archscan's own schemas (schemas/*.json) compiled
// to validator code once, with ajv's standalone mode, into
// dist/validators/. At run time src/schemas.ts takes a validator from it
// instead of compiling the schema (the snapshot schema alone cost ~80 ms of
// every scan's start-up); run from the sources (tests) it compiles as before.
// One file per schema (dist/validators/<schema>.cjs): a scan loads the
// snapshot's validator, not the report's.
// CommonJS because validatorFor is synchronous and the generated code
// require()s ajv's runtime helpers and ajv-formats' formats.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { ajvFor, SCHEMA_NAMES, schemaText } from '../dist/schemas.js';

const dir = fileURLToPath(new URL('../dist/validators/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const name of SCHEMA_NAMES) {
  const ajv = ajvFor({ source: true });
  writeFileSync(`${dir}${name}.cjs`, standaloneCode.default(ajv, ajv.compile(JSON.parse(schemaText(name)))));
}
