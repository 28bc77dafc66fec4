// Rewrite docs/coverage.md from the built-in rule sets (rules/*.yaml), with the
// built CLI's own renderer: the same text as
// `archscan frameworks --coverage --format markdown`. Run `npm run coverage`
// after changing a rule set; test/coverage.test.ts fails while the file is stale.
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderCoverage } from '../dist/reporters/coverage.js';
import { loadBuiltinRuleSets } from '../dist/rules/load.js';

const target = fileURLToPath(new URL('../docs/coverage.md', import.meta.url));
const text = renderCoverage(loadBuiltinRuleSets(), 'markdown');
// Whole or absent: write beside it, then rename over it.
writeFileSync(`${target}.tmp`, text);
renameSync(`${target}.tmp`, target);
console.log(`docs/coverage.md (${text.split('\n').length - 1} lines)`);
