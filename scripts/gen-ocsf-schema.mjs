#!/usr/bin/env node
/**
 * Derive a compact JSON Schema (draft-07) of one OCSF event class from the
 * official OCSF schema sources (github.com/ocsf/ocsf-schema), so that tests
 * validate archscan's `--format ocsf` against OCSF's own definitions rather
 * than a hand-copied list.
 *
 *   node scripts/gen-ocsf-schema.mjs <ocsf-schema git dir> <tag> [class] [profiles]
 *   node scripts/gen-ocsf-schema.mjs /path/to/ocsf-schema.git 1.8.0 compliance_finding cloud
 *
 * What it derives, following how the OCSF server compiles a class:
 * - the class's attributes through its `extends` chain (compliance_finding →
 *   finding → base_event), with `$include`d profiles (their attributes are
 *   required only when the profile is applied: here `cloud`);
 * - each attribute's type from dictionary.json (primitive `*_t` types to JSON
 *   types, `is_array` to arrays), class/object definitions deep-merged over
 *   the dictionary's (so enums merge: compliance.status_id gets 1 Pass,
 *   2 Warning, 3 Fail besides 0 Unknown and 99 Other);
 * - `requirement: required` to JSON Schema `required`; integer enums of
 *   `*_id` attributes; `class_uid`, `category_uid` and `type_uid` constants;
 * - objects (and their `extends` chains and constraints: `at_least_one` →
 *   anyOf, `just_one` → oneOf) for every object reached through required or
 *   recommended attributes; objects reached only through optional attributes
 *   are `{ "type": "object" }`. Every object lists all its attributes and
 *   rejects others (OCSF puts unknown data in `unmapped`).
 * The output's header (`$comment`) records the source commit.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [gitDir, tag, className = 'compliance_finding', profileList = 'cloud'] = process.argv.slice(2);
if (!gitDir || !tag) {
  process.stderr.write('usage: node scripts/gen-ocsf-schema.mjs <ocsf-schema git dir> <tag> [class] [profiles,...]\n');
  process.exit(2);
}
const applied = new Set(profileList.split(',').filter(Boolean));
const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
const commit = git('rev-parse', `${tag}^{commit}`).trim();
const files = git('ls-tree', '-r', '--name-only', commit).split('\n').filter(Boolean);
const read = (path) => JSON.parse(git('show', `${commit}:${path}`));

const dictionary = read('dictionary.json');
const version = read('version.json').version;
const categories = read('categories.json').attributes;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
function deepMerge(base, over) {
  const out = { ...base };
  for (const [k, v] of Object.entries(over ?? {})) out[k] = isObject(v) && isObject(out[k]) ? deepMerge(out[k], v) : v;
  return out;
}

/** An attribute map with `$include`d profiles merged in (profile attributes optional unless the profile is applied). */
function attributesOf(def) {
  let attrs = {};
  for (const [name, a] of Object.entries(def.attributes ?? {})) {
    if (name === '$include') {
      for (const path of a) {
        const profile = read(path);
        for (const [pn, pa] of Object.entries(profile.attributes ?? {})) {
          const req = applied.has(profile.name) ? pa.requirement : 'optional';
          attrs[pn] = deepMerge(attrs[pn] ?? {}, { ...pa, requirement: req, profile: profile.name });
        }
      }
      continue;
    }
    attrs[name] = deepMerge(attrs[name] ?? {}, a);
  }
  return attrs;
}

function findDef(dir, name) {
  const path = files.find((f) => f.startsWith(`${dir}/`) && f.endsWith('.json') && read(f).name === name);
  if (!path) throw new Error(`no ${dir} definition named ${name}`);
  return { path, def: read(path) };
}

/** Attributes through the extends chain, the nearer definition winning; constraints of the nearest that has them. */
function resolve(dir, name, base) {
  const chain = [];
  let current = name;
  while (current && current !== base) {
    const { path, def } = findDef(dir, current);
    chain.unshift({ path, def });
    current = def.extends;
  }
  let attrs = {};
  let constraints;
  for (const { def } of chain) {
    const own = attributesOf(def);
    for (const [k, v] of Object.entries(own)) attrs[k] = deepMerge(attrs[k] ?? {}, v);
    if (def.constraints) constraints = def.constraints;
  }
  return { attrs, constraints, chain: chain.map((c) => c.path), def: chain.at(-1).def };
}

const PRIMITIVE = { string_t: 'string', integer_t: 'integer', long_t: 'integer', float_t: 'number', boolean_t: 'boolean' };
const types = dictionary.types.attributes;
function primitive(type) {
  let t = type;
  while (t && !PRIMITIVE[t] && types[t]?.type) t = types[t].type;
  if (t === 'json_t') return {};
  return PRIMITIVE[t] ? { type: PRIMITIVE[t] } : undefined;
}

const definitions = {};
const sources = new Set();

function attributeSchema(name, a, reach) {
  const d = deepMerge(dictionary.attributes[name] ?? {}, a);
  const type = d.type;
  let s;
  if (type === 'object') s = { type: 'object' };
  else if (types[type] || type === 'json_t') {
    s = primitive(type);
    if (!s) throw new Error(`attribute ${name}: unknown type ${type}`);
    if (d.enum && name.endsWith('_id') && s.type === 'integer') s = { ...s, enum: Object.keys(d.enum).map(Number).sort((x, y) => x - y) };
  } else if (reach) s = { $ref: `#/definitions/${objectDef(type)}` };
  else s = { type: 'object', description: `OCSF object ${type} (reached through an optional attribute: not expanded)` };
  return d.is_array ? { type: 'array', items: s } : s;
}

function bodyOf(attrs, constraints, reach) {
  const required = [];
  const properties = {};
  for (const [name, a] of Object.entries(attrs).sort(([x], [y]) => (x < y ? -1 : 1))) {
    const req = a.requirement;
    if (req === 'required') required.push(name);
    properties[name] = attributeSchema(name, a, reach && (req === 'required' || req === 'recommended'));
  }
  const body = { type: 'object', additionalProperties: false, ...(required.length ? { required } : {}), properties };
  if (constraints?.at_least_one) body.anyOf = constraints.at_least_one.map((k) => ({ required: [k] }));
  if (constraints?.just_one) body.oneOf = constraints.just_one.map((k) => ({ required: [k] }));
  return body;
}

function objectDef(name) {
  if (definitions[name]) return name;
  definitions[name] = {}; // placeholder: objects refer to each other
  const { attrs, constraints, chain } = resolve('objects', name, 'object');
  for (const c of chain) sources.add(c);
  definitions[name] = { title: `OCSF object ${name}`, ...bodyOf(attrs, constraints, true) };
  return name;
}

const cls = resolve('events', className, undefined);
for (const c of cls.chain) sources.add(c);
const category = categories[cls.chain.map((p) => read(p).category).filter(Boolean).at(-1)];
const classUid = category.uid * 1000 + cls.def.uid;
const body = bodyOf(cls.attrs, cls.constraints, true);
body.properties.category_uid = { const: category.uid };
body.properties.class_uid = { const: classUid };
body.properties.type_uid = { enum: body.properties.activity_id.enum.map((id) => classUid * 100 + id) };

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `https://archscan.dev/schemas/vendor/ocsf-${version}-${className}.json`,
  $comment:
    `Derived by scripts/gen-ocsf-schema.mjs from github.com/ocsf/ocsf-schema at tag ${tag} (commit ${commit}), ` +
    `OCSF ${version}, class ${className}, profiles applied: ${[...applied].join(', ') || 'none'}. Do not edit: regenerate. ` +
    `Sources: ${[...sources].sort().join(', ')}, dictionary.json, categories.json.`,
  title: `OCSF ${version} ${cls.def.caption} (class_uid ${classUid}): required attributes, types and enums`,
  ...body,
  definitions: Object.fromEntries(Object.entries(definitions).sort(([x], [y]) => (x < y ? -1 : 1))),
};

const out = fileURLToPath(new URL(`../schemas/vendor/ocsf-${version}-${className}.schema.json`, import.meta.url));
writeFileSync(out, `${JSON.stringify(schema, null, 1)}\n`);
process.stdout.write(`wrote ${out}: ${Object.keys(definitions).length} objects\n`);
