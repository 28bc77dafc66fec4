import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { describeAjvError, validatorFor } from '../schemas.js';
import { GLOBAL_REGION, type Snapshot } from './types.js';

/** Read, decompress (.gz or gzip magic), parse and validate a snapshot file. */
export async function readSnapshot(file: string): Promise<Snapshot> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new InputError(file, '', fileProblem(e));
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new InputError(file, '', 'a gzip-compressed snapshot (the gzip stream is corrupt or truncated)');
    }
  } else if (file.endsWith('.gz')) {
    throw new InputError(file, '', 'a gzip-compressed snapshot (the name ends in .gz but the file is not gzip)');
  }
  return parseSnapshot(bytes.toString('utf8'), file);
}

/** Parse and validate snapshot JSON text; `file` names it in errors. */
export function parseSnapshot(text: string, file: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, jsonErrorLocation(text, e as Error), `valid JSON (${(e as Error).message})`);
  }
  const validate = validatorFor('snapshot.schema.json');
  if (!validate(data)) {
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

function fileProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'a snapshot file, but it does not exist';
  if (code === 'EISDIR') return 'a snapshot file, but this is a directory';
  if (code === 'EACCES') return 'a readable snapshot file (permission denied)';
  return `a readable snapshot file (${(e as Error).message})`;
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
