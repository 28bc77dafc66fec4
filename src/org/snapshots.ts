/**
 * A directory of snapshots, one per account, written by `archscan collect
 * --org --output DIR`: `<account-id>.json[.gz]` and `index.json`, which names
 * every account with its file, or why it has none (error, skipped).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { fileProblem } from '../files.js';
import { rejectDuplicateKeys } from '../snapshot/read.js';
import { describeAjvError, validatorFor } from '../schemas.js';
import type { FailedAccount, OrgAccountRef, SkippedAccount } from './types.js';

export const INDEX_FILE = 'index.json';
export const INDEX_FORMAT = 'archscan-org-snapshots';

export type IndexEntry = (OrgAccountRef & { status: 'collected'; file: string }) | FailedAccount | SkippedAccount;

export interface SnapshotIndex {
  format: typeof INDEX_FORMAT;
  formatVersion: 1;
  /** Sorted by account id. */
  accounts: IndexEntry[];
}

export function indexOf(entries: IndexEntry[]): SnapshotIndex {
  return { format: INDEX_FORMAT, formatVersion: 1, accounts: [...entries].sort((a, b) => (a.accountId < b.accountId ? -1 : 1)) };
}

/** Read and validate DIR/index.json; the files it names are `<account-id>.json[.gz]` in DIR (the schema allows nothing else). */
export async function readIndex(dir: string): Promise<SnapshotIndex> {
  const file = join(dir, INDEX_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(file, '', fileProblem(e, 'the index of a snapshot directory written by `archscan collect --org --output DIR`'));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, '/', `valid JSON (${(e as Error).message})`);
  }
  rejectDuplicateKeys(text, file);
  const validate = validatorFor('org-index.schema.json');
  if (!validate(data)) {
    const err = validate.errors![0]!;
    throw new InputError(file, err.instancePath || '/', describeAjvError(err));
  }
  const index = data as SnapshotIndex;
  const seen = new Set<string>();
  for (const [i, a] of index.accounts.entries()) {
    if (seen.has(a.accountId)) throw new InputError(file, `/accounts/${i}/accountId`, `each account once, but ${a.accountId} appears twice`);
    seen.add(a.accountId);
  }
  return index;
}
