/**
 * CSV for spreadsheets: one row per result (evaluation × resource), in the
 * assessment's order, with the controls each result evidences. RFC 4180:
 * CRLF records, fields with a comma, quote or line break quoted, quotes doubled.
 */
import { stringify } from 'csv-stringify/sync';
import { rendered } from './stream.js';
import type { Assessment } from '../assess/types.js';
import type { Reporter } from './types.js';

export const CSV_COLUMNS = [
  'account',
  'region',
  'framework_controls',
  'check_id',
  'evaluation',
  'params',
  'severity',
  'status',
  'resource_type',
  'resource_id',
  'resource_name',
  'arn',
  'message',
  'evidence',
  'waiver_refs',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string> & { scan_filter?: string };

/** Excel's limit per cell; a longer cell would spill into the next one. */
const CELL_MAX = 32_000;

const OPTIONS = {
  columns: [...CSV_COLUMNS],
  record_delimiter: 'windows',
  // A line break inside a field is quoted, not taken as the end of the record.
  quote_record_delimiter: true,
  // Formula injection: names, messages and evidence come from the AWS account, and
  // a spreadsheet runs a cell starting with = + - @ tab or CR as a formula, so
  // csv-stringify prefixes such cells with a single quote (OWASP's CSV injection advice).
  escape_formulas: true,
} as const;

/**
 * Rows written per call of the CSV writer: few enough that a batch and what
 * the writer makes of it die young. At 2,000 they outlived the young
 * generation, and the old one grew to 1.1 GB of garbage at 100k resources
 * before a full collection (peak RSS 1,205 MiB; 446 MiB at 100).
 */
const BATCH = 100;

/** Added, last, only to a filtered scan's CSV: the filter statement on every row, so no row is taken for a full scan's. */
export const CSV_FILTER_COLUMN = 'scan_filter';

/** The rows of one account, in batches; the header first when `header` (an organisation's CSV writes it once). */
export function* csvRecords(a: Assessment, warnings: string[], header: boolean): Generator<string> {
  const columns: string[] = a.filters ? [...CSV_COLUMNS, CSV_FILTER_COLUMN] : [...CSV_COLUMNS];
  // `framework:control` of every selected control each evaluation evidences.
  const controls = new Map<string, string[]>();
  for (const f of a.frameworks) {
    for (const c of f.controls) {
      for (const k of c.evaluations) controls.set(k, [...(controls.get(k) ?? []), `${f.id}:${c.id}`]);
    }
  }
  {
    let batch: string[][] = [];
    const flush = () => {
      const text = stringify(batch, { ...OPTIONS, columns, header });
      header = false;
      batch = [];
      return text;
    };
    for (const ev of a.evaluations) {
      const evControls = (controls.get(ev.key) ?? []).join(';');
      // The evaluation key's hash says params differ; this says how.
      const params = JSON.stringify(ev.params);
      for (const r of ev.results) {
        let evidence = JSON.stringify(r.evidence);
        if (evidence.length > CELL_MAX) {
          warnings.push(`evidence of ${ev.key} ${r.resource.arn} cut to ${CELL_MAX} characters in the CSV (the JSON report has it whole)`);
          evidence = evidence.slice(0, CELL_MAX);
        }
        // An array in CSV_COLUMNS order: the writer then reads no column by name.
        const row = [
          r.resource.account,
          r.resource.region,
          evControls,
          ev.checkId,
          ev.key,
          params,
          ev.severity,
          // Waived only where every selected control that the result evidences waives it (as the gate sees it).
          r.waiver?.everywhere ? 'waived' : r.status,
          r.resource.type,
          r.resource.id,
          r.resource.name ?? '',
          r.resource.arn,
          r.message,
          evidence,
          (r.waiver?.refs ?? []).join(';'),
        ];
        if (a.filters) row.push(a.filters.statement);
        batch.push(row);
        if (batch.length >= BATCH) yield flush();
      }
    }
    if (batch.length > 0 || header) yield flush();
  }
}

/** CSV text of rows given as records of the columns (an organisation's account that could not be scanned). */
export function csvRows(rows: Partial<Row>[], header: boolean): string {
  return stringify(rows.map((r) => Object.fromEntries(CSV_COLUMNS.map((c) => [c, r[c] ?? '']))), { ...OPTIONS, header });
}

export const renderCsv: Reporter = (a) => {
  const warnings: string[] = [];
  return rendered(function* () {
    warnings.length = 0;
    yield* csvRecords(a, warnings, true);
  }, warnings);
};
