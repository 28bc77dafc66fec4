/**
 * Read a JSON report (`archscan scan --format json`) for a diff: parse,
 * validate against schemas/report.schema.json, check that what the schema
 * cannot relate (control → evaluation keys) holds. Bad input is an
 * InputError naming the file, the JSON path and what was expected.
 */
import { InputError } from '../errors.js';
import { readJsonText } from '../files.js';
import { describeAjvError, validatorFor } from '../schemas.js';
import { jsonErrorLocation, rejectDuplicateKeys } from '../snapshot/read.js';
import type { DiffableReport } from './diff.js';

const WHAT = 'a JSON report written by `archscan scan --format json`';

/** A report, `.json` or gzipped. */
export async function readReport(file: string): Promise<DiffableReport> {
  return parseReport(await readJsonText(file, WHAT), file);
}

/** Parse and validate report JSON text; `file` names it in errors. */
export function parseReport(text: string, file: string): DiffableReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, jsonErrorLocation(text, e as Error), `${WHAT}, in valid JSON (${(e as Error).message})`);
  }
  rejectDuplicateKeys(text, file);
  // A report's own baseline is the diff against some third report: never used, so not held to the schema.
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) delete (data as { baseline?: unknown }).baseline;
  fillPreWaiverFields(data);
  const validate = validatorFor('report.schema.json');
  if (!validate(data)) {
    if (isObject(data) && 'metadata' in data && 'regions' in data && !('frameworks' in data)) {
      throw new InputError(file, '/', `${WHAT}, but this is a snapshot: scan it first (archscan scan --snapshot ${file} --format json --output report.json)`);
    }
    const err = validate.errors![0]!;
    throw new InputError(file, err.instancePath || '/', `${describeAjvError(err)} (${WHAT})`);
  }
  const report = data as DiffableReport;
  checkEvaluationKeys(report, file);
  return report;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const eachObject = (v: unknown, f: (o: Record<string, unknown>) => void) => Array.isArray(v) && v.filter(isObject).forEach(f);

/**
 * Last quarter's report may come from a release before waivers, without the
 * waiver fields the schema now requires: read it as having no waivers (only
 * absent fields are filled; anything malformed is left for the schema).
 */
function fillPreWaiverFields(data: unknown): void {
  if (!isObject(data)) return;
  const scored = (o: Record<string, unknown>) => {
    if (!('scoreCountingWaived' in o) && 'score' in o) o['scoreCountingWaived'] = o['score'];
    if (!('waived' in o)) o['waived'] = 0;
  };
  eachObject(data['frameworks'], (f) => {
    scored(f);
    eachObject(f['controls'], (c) => {
      scored(c);
      if (!('waivedResults' in c)) c['waivedResults'] = [];
    });
  });
  eachObject(data['evaluations'], (e) => {
    if (!('waived' in e)) e['waived'] = 0;
  });
}

/** Every control's evaluation keys must name an evaluation of the report. */
function checkEvaluationKeys(r: DiffableReport, file: string): void {
  const keys = new Set(r.evaluations.map((e) => e.key));
  r.frameworks.forEach((f, i) =>
    f.controls.forEach((c, j) =>
      c.evaluations.forEach((k, n) => {
        if (!keys.has(k)) throw new InputError(file, `/frameworks/${i}/controls/${j}/evaluations/${n}`, `the key of an entry in /evaluations ("${k}" is none)`);
      }),
    ),
  );
}

/**
 * Two scans of different accounts share no finding (the ARNs hold the
 * account), so every finding would be "new" or "fixed": an error, not a
 * warning, since the numbers would mislead. `file` is the report at fault.
 */
export function checkSameAccount(file: string, report: DiffableReport, accountId: string, against: string): void {
  if (report.snapshot.accountId !== accountId) {
    throw new InputError(
      file,
      '/snapshot/accountId',
      `account ${accountId}, as in ${against} (found ${report.snapshot.accountId}): a diff compares two scans of one account`,
    );
  }
}


