// Part of `npm run build`: parse and schema-validate the built-in rule sets
// once, and keep the result in dist/rules.cache.json with the SHA-256 of each
// file's text. At run time a built-in file whose text still has that hash is
// taken from the cache (src/rules/load.ts); any other is parsed as usual. A
// file that does not validate (schema, check ids or check params) is left
// out, so its error still shows at run time; a cached one needs no params
// validator compiled at run time.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseRuleSet, YamlFile } from '../dist/rules/load.js';
import { validatorFor } from '../dist/schemas.js';

const rules = fileURLToPath(new URL('../rules/', import.meta.url));
const validate = validatorFor('ruleset.schema.json');
const cache = {};
for (const name of readdirSync(rules).filter((f) => f.endsWith('.yaml')).sort()) {
  const text = readFileSync(`${rules}${name}`, 'utf8');
  let data;
  try {
    data = YamlFile.parse(text, name).data;
  } catch {
    continue;
  }
  if (!validate(data)) continue;
  try {
    // Check ids and params, as a rule set from the command line is checked.
    parseRuleSet(text, name);
  } catch {
    continue;
  }
  cache[name] = { sha256: createHash('sha256').update(text).digest('hex'), data };
}
writeFileSync(fileURLToPath(new URL('../dist/rules.cache.json', import.meta.url)), JSON.stringify(cache));
