import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR, YamlFile } from '../../src/rules/load.js';

// dist/rules.cache.json is written by `npm run build` (scripts/cache-rules.mjs); the CLI takes a built-in rule set from it when the file's hash matches.
const cache = JSON.parse(readFileSync(new URL('../../dist/rules.cache.json', import.meta.url), 'utf8')) as Record<string, { sha256: string; data: unknown }>;

describe('the built-in rule-set cache', () => {
  it('holds every built-in rule set, hashed from its current text, with the data its YAML parses to', () => {
    const files = readdirSync(BUILTIN_RULES_DIR).filter((f) => f.endsWith('.yaml')).sort();
    expect(Object.keys(cache).sort()).toEqual(files);
    for (const name of files) {
      const text = readFileSync(`${BUILTIN_RULES_DIR}${name}`, 'utf8');
      expect(cache[name]!.sha256, `${name}: the cache is from this text`).toBe(createHash('sha256').update(text).digest('hex'));
      expect(cache[name]!.data).toEqual(YamlFile.parse(text, name).data);
    }
  });
});
