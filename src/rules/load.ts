import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { findCheck } from '../checks/index.js';
import { InputError } from '../errors.js';
import { readTextFile } from '../files.js';
import { ajv, describeAjvError, validatorFor } from '../schemas.js';
import type { Control, ControlCheck, ManualEvidence, PartialEvidence, RuleSet, RuleSetSource } from './types.js';

/** The folder of the rule sets shipped with archscan. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

interface RawRuleSet {
  id: string;
  title: string;
  version: string;
  description?: string;
  source: RuleSetSource;
  controls: {
    id: string;
    title: string;
    source: string;
    group?: string;
    appliesTo?: string[];
    verified?: boolean;
    note?: string;
    checks?: { check: string; params?: Record<string, unknown> }[];
    manual?: ManualEvidence;
    partial?: PartialEvidence;
  }[];
}

type RawControl = RawRuleSet['controls'][number];

/** A parsed YAML file that can say which line a JSON path is on. */
export class YamlFile {
  private constructor(
    readonly file: string,
    readonly data: unknown,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  static parse(text: string, file: string): YamlFile {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const problem = doc.errors[0];
    if (problem) {
      const pos = lines.linePos(problem.pos[0]);
      throw new InputError(file, `line ${pos.line}, column ${pos.col}`, `valid YAML (${problem.message.split('\n')[0]})`);
    }
    let data: unknown;
    try {
      // The yaml library refuses aliases that expand past its limit (a "billion laughs" bomb) and aliases to no anchor.
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      const at = YamlFile.aliasAt(doc, lines, e instanceof Error && /Unresolved alias/.test(e.message));
      const why = e instanceof Error && /Unresolved alias/.test(e.message) ? 'an alias (*name) to an anchor (&name) defined before it' : 'YAML whose aliases do not expand into a huge document (an alias bomb)';
      throw new InputError(file, at, why);
    }
    return new YamlFile(file, data, doc, lines);
  }

  /** "line L, column C" of the first alias that does not resolve (or, for a bomb, of the first alias). */
  private static aliasAt(doc: Document.Parsed, lines: LineCounter, unresolvedOnly: boolean): string {
    let at = 'line 1';
    visit(doc, {
      Alias(_, node) {
        if (unresolvedOnly && node.resolve(doc) !== undefined) return undefined;
        if (node.range) {
          const pos = lines.linePos(node.range[0]);
          at = `line ${pos.line}, column ${pos.col}`;
        }
        return visit.BREAK;
      },
    });
    return at;
  }

  /** "`/a/0/b` (line N)" for a JSON pointer, with the line when the node exists. */
  where(pointer: string): string {
    const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: unknown = this.doc.contents;
    for (let i = segments.length; i >= 0; i--) {
      node = this.doc.getIn(segments.slice(0, i).map((s) => (/^\d+$/.test(s) ? Number(s) : s)), true);
      if (isNode(node) && node.range) {
        const { line } = this.lines.linePos(node.range[0]);
        return `${pointer || '/'} (line ${line})`;
      }
    }
    return pointer || '/';
  }
}

/** Load and fully validate one rule-set file: schema, check ids, params. */
export function loadRuleSetFile(file: string, builtin = false): RuleSet {
  return parseRuleSet(readTextFile(file, 'a rule-set file'), file, builtin);
}

/** Where a JSON pointer is in a rule-set file, for messages. */
interface Located {
  readonly file: string;
  where(pointer: string): string;
}

/**
 * The built-in rule sets as parsed and schema-validated at build time
 * (scripts/cache-rules.mjs writes dist/rules.cache.json), keyed by file name
 * with the SHA-256 of the text they were parsed from. Parsing the YAML and
 * compiling the rule-set schema took most of a second on every run; a file
 * whose text differs from the cached one (edited in place) is parsed as usual.
 * The cache holds only rule sets whose check params also validated at build
 * time, so a cached one compiles no params validator either (~0.2 s of ajv).
 */
let builtinCache: Record<string, { sha256: string; data: unknown }> | null | undefined;
function cachedBuiltin(text: string, file: string): unknown {
  if (builtinCache === undefined) {
    try {
      builtinCache = JSON.parse(readFileSync(new URL('../rules.cache.json', import.meta.url), 'utf8')) as typeof builtinCache;
    } catch {
      builtinCache = null;
    }
  }
  const entry = builtinCache?.[file.slice(file.lastIndexOf('/') + 1)];
  if (!entry || entry.sha256 !== createHash('sha256').update(text).digest('hex')) return undefined;
  return entry.data;
}

export function parseRuleSet(text: string, file: string, builtin = false): RuleSet {
  const cached = builtin ? cachedBuiltin(text, file) : undefined;
  if (cached !== undefined) {
    // Already validated against the schema when cached; located messages (unknown check ids) parse the YAML on demand.
    let parsed: YamlFile | undefined;
    return ruleSetOf(cached as RawRuleSet, { file, where: (p) => (parsed ??= YamlFile.parse(text, file)).where(p) }, builtin, true);
  }
  const yaml = YamlFile.parse(text, file);
  const validate = validatorFor('ruleset.schema.json');
  if (!validate(yaml.data)) {
    // Without allErrors ajv stops at the first failing keyword; a failing
    // oneOf lists its branches' errors first and itself last.
    const err = validate.errors![validate.errors!.length - 1]!;
    const controlShape = /^\/controls\/\d+$/.test(err.instancePath) && err.keyword === 'oneOf';
    const expected = controlShape ? describeControlShape(yaml.data, err.instancePath) : describeAjvError(err);
    throw new InputError(file, yaml.where(err.instancePath), expected);
  }
  return ruleSetOf(yaml.data as RawRuleSet, yaml, builtin);
}

/** `paramsValid`: the params were validated when the rule set was cached at build time. */
function ruleSetOf(raw: RawRuleSet, yaml: Located, builtin: boolean, paramsValid = false): RuleSet {
  const file = yaml.file;
  const seen = new Set<string>();
  const controls: Control[] = raw.controls.map((c, ci) => {
    if (seen.has(c.id)) throw new InputError(file, yaml.where(`/controls/${ci}/id`), `a unique control id; "${c.id}" appears twice`);
    seen.add(c.id);
    const control: Control = {
      id: c.id,
      title: c.title,
      source: c.source,
      verified: c.verified ?? true,
      checks: (c.checks ?? []).map((ref, ki) => controlCheck(ref, `/controls/${ci}/checks/${ki}`, yaml, paramsValid)),
    };
    if (c.manual !== undefined) control.manual = { collect: c.manual.collect };
    if (c.partial !== undefined) control.partial = { collect: c.partial.collect };
    if (c.group !== undefined) control.group = c.group;
    if (c.appliesTo !== undefined) control.appliesTo = c.appliesTo;
    if (c.note !== undefined) control.note = c.note;
    return control;
  });
  const set: RuleSet = { id: raw.id, title: raw.title, version: raw.version, source: raw.source, file, builtin, controls };
  if (raw.description !== undefined) set.description = raw.description;
  return set;
}

/** The one-sentence expectation when a control is not exactly one of automated, partially evidenced or manual. */
function describeControlShape(data: unknown, pointer: string): string {
  const index = Number(pointer.split('/')[2]);
  const control = (data as { controls: RawControl[] }).controls[index]!;
  const hasChecks = Array.isArray(control.checks) && control.checks.length > 0;
  if (control.partial !== undefined) {
    if (control.manual !== undefined) return 'a control that is either partially evidenced ("checks" and "partial") or manual ("manual"), not both';
    if (!hasChecks) return 'a partially evidenced control with "checks" (one or more) beside "partial: { collect }"; it has none (a control no check evidences is "manual")';
    return 'a partially evidenced control with a "note" saying what its checks do not show';
  }
  if (hasChecks && control.manual !== undefined) {
    return 'a control with either "checks" (automated) or "manual" (what an auditor collects), not both';
  }
  return 'a control with "checks" (one or more) or "manual: { collect }" (what an auditor collects); it has neither';
}

function controlCheck(ref: { check: string; params?: Record<string, unknown> }, path: string, yaml: Located, paramsValid: boolean): ControlCheck {
  const check = findCheck(ref.check);
  if (!check) {
    throw new InputError(yaml.file, yaml.where(`${path}/check`), `a known check id (see \`archscan checks\`), not "${ref.check}"`);
  }
  const params = { ...(check.defaults as Record<string, unknown>), ...(ref.params ?? {}) };
  // A check's defaults satisfy its schema (test/catalogue.test.ts): only params a rule set sets need compiling a validator.
  const validate = paramsValid || ref.params === undefined || Object.keys(ref.params).length === 0 ? undefined : ajv.compile(check.schema);
  if (validate && !validate(params)) {
    const err = validate.errors![0]!;
    const where = err.instancePath && ref.params && err.instancePath.split('/')[1]! in ref.params ? `${path}/params${err.instancePath}` : `${path}/params`;
    throw new InputError(yaml.file, yaml.where(where), `params valid for ${check.id}: ${err.instancePath ? `${err.instancePath.slice(1)} ` : ''}${describeAjvError(err)}`);
  }
  const defaults = check.defaults as Record<string, unknown>;
  return { checkId: check.id, params, evaluationKey: evaluationKey(check.id, params, defaults), changedParams: changedParams(params, defaults) };
}

/** The params whose values differ from the defaults, keys sorted. */
function changedParams(params: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(params)
      .sort()
      .filter((k) => !(k in defaults) || canonicalJson(params[k]) !== canonicalJson(defaults[k]))
      .map((k) => [k, params[k]]),
  );
}

/** Canonical JSON: object keys sorted, so equal params give equal keys. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function evaluationKey(checkId: string, params: Record<string, unknown>, defaults: Record<string, unknown>): string {
  const canonical = canonicalJson(params);
  if (canonical === canonicalJson(defaults)) return checkId;
  return `${checkId}#${createHash('sha256').update(canonical).digest('hex').slice(0, 8)}`;
}

/** Every rule set shipped in rules/, sorted by id. */
export function loadBuiltinRuleSets(): RuleSet[] {
  return readdirSync(BUILTIN_RULES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => loadRuleSetFile(`${BUILTIN_RULES_DIR}${f}`, true))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

export interface Selection {
  ruleSets: RuleSet[];
  /** User rule sets that replaced a built-in one with the same id. */
  replaced: string[];
  /** Every loaded rule set, selected or not (waiver files may name any of their controls). */
  loaded: RuleSet[];
}

/**
 * The built-in rule sets plus the user's (`--rules`), narrowed to `--framework`.
 * A user rule set with a built-in's id replaces it (a bank's stricter PCI, say).
 */
export function selectRuleSets(userFiles: string[], frameworks: string[] | undefined): Selection {
  const byId = new Map(loadBuiltinRuleSets().map((r) => [r.id, r]));
  const replaced: string[] = [];
  for (const file of userFiles) {
    const set = loadRuleSetFile(file);
    if (byId.get(set.id)?.builtin) replaced.push(set.id);
    byId.set(set.id, set);
  }
  const loaded = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (!frameworks) return { ruleSets: loaded, replaced, loaded };
  const picked = frameworks.map((id) => {
    const set = byId.get(id);
    if (!set) throw new InputError('--framework', '', `one of ${[...byId.keys()].sort().join(', ')}; "${id}" is not a loaded framework`);
    return set;
  });
  return { ruleSets: [...new Set(picked)].sort((a, b) => (a.id < b.id ? -1 : 1)), replaced, loaded };
}
