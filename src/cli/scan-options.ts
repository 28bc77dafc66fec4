/**
 * What `archscan scan` is given: its options, their parsers, and the settings
 * that shape a scan's reports. Apart from scan.ts so that the modules scan.ts
 * loads (organisation runs, the evidence pack, the Security Hub import) can
 * use them without an import cycle.
 */
import { fileURLToPath } from 'node:url';
import type { FailOn } from '../assess/gate.js';
import type { Severity } from '../checks/types.js';
import { InputError } from '../errors.js';
import { FORMATS, type Format } from '../reporters/index.js';
import type { FilterRequest } from '../rules/filter.js';
import type { AwsFlags } from './live.js';

/** The sample account shipped in the package, which `scan --demo` scans (the README's sample, a fictional gift-card issuer). */
export const DEMO_SNAPSHOT = fileURLToPath(new URL('../../fixtures/giftcard-issuer.json', import.meta.url));

export interface ScanOptions extends Partial<AwsFlags> {
  snapshot?: string;
  /** --demo: scan DEMO_SNAPSHOT. */
  demo?: boolean;
  framework?: string;
  rules?: string[];
  /** --format values as given (each may be a comma list). */
  format?: string[];
  output?: string;
  /** Write one file per format and a manifest here (an evidence pack). */
  outputDir?: string;
  checks?: string;
  excludeChecks?: string;
  services?: string;
  severity?: Severity;
  /** Import the ASFF findings into Security Hub (BatchImportFindings). */
  securityHub?: boolean;
  failOn: FailOn;
  minScore?: string;
  quiet?: boolean;
  /** Full detail where a format has a short default (text). */
  verbose?: boolean;
  waivers?: string;
  asOf?: string;
  /** An earlier JSON report: the diff goes into `assessment.baseline`. */
  baseline?: string;
  failOnNew?: Severity;
  /** An architecture profile (YAML): the drift checks hold the account against it. */
  arch?: string;
  /** True when --fail-on was not given (commander's default). */
  failOnDefaulted?: boolean;
  /** SARIF category; false (--no-sarif-category) leaves it to the upload action's `category:`. */
  sarifCategory?: string | false;
}

/**
 * When the report was made: SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention) when set, so a report can be reproduced
 * byte for byte, else the clock.
 */
export function generationTime(env: NodeJS.ProcessEnv, now: Date = new Date()): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (!/^\d{1,12}$/.test(epoch)) throw new InputError('SOURCE_DATE_EPOCH', '', `whole seconds since 1970-01-01 UTC, not "${epoch}"`);
  return new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The day waiver expiry is judged on: --as-of, or today (UTC) from the clock. */
export function parseAsOf(value: string | undefined, today: Date = new Date()): string {
  if (value === undefined) return today.toISOString().slice(0, 10);
  const d = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new InputError('--as-of', '', `a calendar date YYYY-MM-DD, not "${value}"`);
  }
  return value;
}

export function parseMinScore(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new InputError('--min-score', '', `a number from 0 to 100, not "${value}"`);
  }
  return n;
}

export function parseFrameworkList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new InputError('--framework', '', 'a comma-separated list of framework ids');
  return ids;
}

/** What shapes a scan's reports: recorded in an evidence pack's manifest, replayed by `archscan verify`. */
export interface ScanSettings {
  frameworks?: string[];
  /** Extra rule set files (--rules), in order. */
  rules: string[];
  waivers?: string;
  /** The day waiver expiry was judged on (only with waivers). */
  asOf?: string;
  baseline?: string;
  /** --arch: the architecture profile the drift checks hold the account against. */
  arch?: string;
  filters: FilterRequest;
}

/** --format values, each a format or a comma-separated list, repeatable; duplicates dropped, order kept. */
export function parseFormats(values: string[] | undefined): Format[] {
  if (values === undefined || values.length === 0) return ['text'];
  const out: Format[] = [];
  for (const v of values.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean)) {
    if (!(FORMATS as string[]).includes(v)) throw new InputError('--format', '', `formats from ${FORMATS.join(', ')}, not "${v}"`);
    if (!out.includes(v as Format)) out.push(v as Format);
  }
  if (out.length === 0) throw new InputError('--format', '', `a format or comma-separated formats from ${FORMATS.join(', ')}`);
  return out;
}
