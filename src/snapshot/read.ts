import { InputError } from '../errors.js';
import { firstDuplicateKey, lineColumn, readJsonFile, readJsonText } from '../files.js';
import { describeAjvError, validatorFor } from '../schemas.js';
import { GLOBAL_REGION, type Snapshot } from './types.js';

/** Read, decompress (.gz or gzip magic), parse and validate a snapshot file. */
export async function readSnapshot(file: string): Promise<Snapshot> {
  return parseSnapshot(await readJsonText(file, 'a snapshot file'), file);
}

/** A snapshot and the SHA-256 of its file as stored, for the pack to name what it was made from. */
export async function readSnapshotHashed(file: string): Promise<{ snapshot: Snapshot; sha256: string }> {
  const { text, sha256 } = await readJsonFile(file, 'a snapshot file');
  return { snapshot: parseSnapshot(text, file), sha256 };
}

/** Parse and validate snapshot JSON text; `file` names it in errors. */
export function parseSnapshot(text: string, file: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, jsonErrorLocation(text, e as Error), `valid JSON (${(e as Error).message})`);
  }
  rejectDuplicateKeys(text, file);
  const validate = validatorFor('snapshot.schema.json');
  if (!validate(data)) {
    const o = data as Record<string, unknown> | null;
    if (o !== null && typeof o === 'object' && 'frameworks' in o && 'evaluations' in o) {
      throw new InputError(file, '/', 'a snapshot (from `archscan collect` or a fixture), but this is a JSON report of a scan');
    }
    const err = validate.errors![0]!;
    throw new InputError(file, err.instancePath || '/', describeAjvError(err));
  }
  const snapshot = data as Snapshot;
  checkRegions(snapshot, file);
  return snapshot;
}

/** The schema cannot relate metadata.regions to the region scopes: do it here. */
function checkRegions(s: Snapshot, file: string): void {
  const listed = new Set(s.metadata.regions);
  for (const region of s.metadata.regions) {
    if (!s.regions[region]) {
      throw new InputError(file, `/regions`, `an entry for "${region}", which metadata.regions lists`);
    }
  }
  for (const region of Object.keys(s.regions)) {
    if (!listed.has(region)) {
      throw new InputError(file, `/regions/${region}`, `only regions listed in metadata.regions (${[...listed].join(', ') || 'none'})`);
    }
  }
  s.errors.forEach((e, i) => {
    if (e.region !== GLOBAL_REGION && !listed.has(e.region)) {
      throw new InputError(file, `/errors/${i}/region`, `"global" or a region listed in metadata.regions, not "${e.region}"`);
    }
  });
}

/** "line L, column C" from a JSON.parse error, when Node says where. */
export function jsonErrorLocation(text: string, e: Error): string {
  const m = /position (\d+)/.exec(e.message);
  if (!m) return text.trim() === '' ? 'line 1' : 'end of file';
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Two values for one key in one object: JSON.parse would keep the last without a word. */
export function rejectDuplicateKeys(text: string, file: string): void {
  const dup = firstDuplicateKey(text);
  if (!dup) return;
  const pointer = `/${dup.path.map((k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
  throw new InputError(file, `${lineColumn(text, dup.offset)} (${pointer})`, `each key once per object; "${dup.key}" appears twice`);
}
