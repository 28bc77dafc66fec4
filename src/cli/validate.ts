import { InputError } from '../errors.js';
import { buildInventory } from '../inventory/build.js';
import { readTextFile } from '../files.js';
import { loadBuiltinRuleSets, parseRuleSet } from '../rules/load.js';
import { parseWaivers } from '../rules/waivers.js';
import { readSnapshot } from '../snapshot/read.js';

/** A YAML file whose top level is a `waivers:` list is a waiver file; any other YAML, a rule set. */
const isWaiverFile = (text: string) => /^waivers\s*:/m.test(text);

/** `archscan validate FILE`: a rule set or waiver file (.yaml/.yml) or a snapshot (.json/.json.gz). */
export async function validateFile(file: string): Promise<string> {
  if (/\.ya?ml$/i.test(file)) {
    const text = readTextFile(file, 'a rule set or waiver file');
    if (isWaiverFile(text)) {
      // Control references are checked against the built-in frameworks.
      const waivers = parseWaivers(text, file, loadBuiltinRuleSets());
      const earliest = waivers.map((w) => w.expires).sort()[0];
      const count = `${waivers.length} waiver${waivers.length === 1 ? '' : 's'}`;
      return `ok: ${file} is a valid waiver file (${count}${earliest ? `, earliest expiry ${earliest}` : ''})\n`;
    }
    const set = parseRuleSet(text, file);
    const checks = set.controls.reduce((n, c) => n + c.checks.length, 0);
    return `ok: ${file} is a valid rule set "${set.id}" (${set.controls.length} controls, ${checks} check references)\n`;
  }
  if (/\.json(\.gz)?$/i.test(file)) {
    const snapshot = await readSnapshot(file);
    const inv = buildInventory(snapshot);
    const unreadable = inv.dataErrors.length;
    const lines = [
      `ok: ${file} is a valid snapshot of account ${inv.accountId} (${inv.regions.length} regions, ${inv.byArn.size} resources, ${snapshot.errors.length} recorded call errors, ${unreadable} answer(s) that could not be read)`,
      ...inv.dataErrors.slice(0, 10).map((e) => `  could not read ${e.path}: expected ${e.expected}`),
      ...(unreadable > 10 ? [`  ... and ${unreadable - 10} more`] : []),
      ...(unreadable > 0 ? ['  (a scan reports error for the checks that need them)'] : []),
    ];
    return `${lines.join('\n')}\n`;
  }
  throw new InputError(file, '', 'a rule set or waiver file (.yaml, .yml) or a snapshot (.json, .json.gz)');
}
