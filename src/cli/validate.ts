import { InputError } from '../errors.js';
import { buildInventory } from '../inventory/build.js';
import { loadRuleSetFile } from '../rules/load.js';
import { readSnapshot } from '../snapshot/read.js';

/** `archscan validate FILE`: a rule set (.yaml/.yml) or a snapshot (.json/.json.gz). */
export async function validateFile(file: string): Promise<string> {
  if (/\.ya?ml$/i.test(file)) {
    const set = loadRuleSetFile(file);
    const checks = set.controls.reduce((n, c) => n + c.checks.length, 0);
    return `ok: ${file} is a valid rule set "${set.id}" (${set.controls.length} controls, ${checks} check references)\n`;
  }
  if (/\.json(\.gz)?$/i.test(file)) {
    const snapshot = await readSnapshot(file);
    const inv = buildInventory(snapshot, file);
    return `ok: ${file} is a valid snapshot of account ${inv.accountId} (${inv.regions.length} regions, ${inv.byArn.size} resources, ${snapshot.errors.length} recorded call errors)\n`;
  }
  throw new InputError(file, '', 'a rule set (.yaml, .yml) or a snapshot (.json, .json.gz)');
}
