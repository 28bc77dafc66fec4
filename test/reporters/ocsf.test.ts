import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import type { Assessment } from '../../src/assess/types.js';
import { buildInventory } from '../../src/inventory/build.js';
import { renderAsff } from '../../src/reporters/asff.js';
import { OCSF_VERSION, renderOcsf } from '../../src/reporters/ocsf.js';
import { applyFilter } from '../../src/rules/filter.js';
import { loadBuiltinRuleSets } from '../../src/rules/load.js';
import { parseSnapshot } from '../../src/snapshot/read.js';
import { ROOT, fixture } from '../helpers/cli.js';

const FIXTURES = readdirSync(`${ROOT}fixtures`).filter((f) => /^[a-z-]+\.json$/.test(f)).map((f) => f.replace(/\.json$/, '')).sort();
const ruleSets = loadBuiltinRuleSets();
const assessFixture = (name: string, sets = ruleSets): Assessment => {
  const snapshot = parseSnapshot(readFileSync(fixture(`${name}.json`), 'utf8'), name);
  return assess(snapshot, buildInventory(snapshot), sets, '0.1.0');
};
type Event = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ocsfOf = (a: Assessment) => JSON.parse(renderOcsf(a, { color: false }).text) as Event[];

// Derived from github.com/ocsf/ocsf-schema by scripts/gen-ocsf-schema.mjs (see its $comment).
const schema = JSON.parse(readFileSync(`${ROOT}schemas/vendor/ocsf-${OCSF_VERSION}-compliance_finding.schema.json`, 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('the derived OCSF schema', () => {
  it('is OCSF 1.8.0 compliance_finding with its required attributes, and rejects what OCSF does', () => {
    expect((schema as { $comment: string }).$comment).toMatch(/ocsf-schema at tag 1\.8\.0 \(commit [0-9a-f]{40}\)/);
    expect((schema as { required: string[] }).required).toEqual(
      expect.arrayContaining(['activity_id', 'category_uid', 'class_uid', 'cloud', 'compliance', 'finding_info', 'metadata', 'severity_id', 'time', 'type_uid']),
    );
    const [e] = ocsfOf(assessFixture('giftcard-issuer'));
    expect(validate(e), JSON.stringify(validate.errors)).toBe(true);
    const bad = structuredClone(e!);
    delete bad['finding_info'].uid;
    bad.class_uid = 2004;
    bad.compliance.status_id = 7;
    bad.colour = 'red';
    expect(validate(bad)).toBe(false);
    const paths = validate.errors!.map((x) => `${x.instancePath} ${x.keyword}`);
    expect(paths).toEqual(expect.arrayContaining([' additionalProperties', '/class_uid const', '/compliance/status_id enum', '/finding_info required']));
  });
});

describe.each(FIXTURES)('OCSF of %s', (name) => {
  const a = assessFixture(name);
  const events = ocsfOf(a);

  it('every event validates against the OCSF 1.8.0 Compliance Finding schema', () => {
    expect(events.length).toBeGreaterThan(0);
    const bad = events.filter((e) => !validate(e));
    expect(bad.length, JSON.stringify(validate.errors?.slice(0, 3))).toBe(0);
  });

  it('class 2003 in category 2; same findings, ids and order as ASFF; time from the snapshot', () => {
    const asff = JSON.parse(renderAsff(a, { color: false }).text) as { Id: string; Compliance: { Status: string } }[];
    expect(events.map((e) => e['finding_info'].uid)).toEqual(asff.map((f) => f.Id));
    const status = { FAILED: 3, WARNING: 2, PASSED: 1 } as Record<string, number>;
    expect(events.map((e) => e['compliance'].status_id)).toEqual(asff.map((f) => status[f.Compliance.Status]));
    for (const e of events) {
      expect([e['class_uid'], e['category_uid'], e['type_uid'], e['metadata'].version]).toEqual([2003, 2, 200301, OCSF_VERSION]);
      expect(e['time']).toBe(Date.parse(a.snapshot.collectedAt));
      expect(e['cloud'].provider).toBe('AWS');
      if (e['compliance'].status_id === 3) expect(e['compliance'].requirements.length).toBeGreaterThan(0);
    }
    expect(renderOcsf(assessFixture(name), { color: false }).text).toBe(renderOcsf(a, { color: false }).text);
  });
});

it('a filtered scan says so in every OCSF event', () => {
  const { ruleSets: narrowed, report } = applyFilter(ruleSets, { severity: 'high' });
  const a = assessFixture('giftcard-issuer', narrowed);
  a.filters = report!;
  const events = ocsfOf(a);
  expect(events.length).toBeGreaterThan(0);
  for (const e of events) {
    expect(e['unmapped'].archscan.filter).toBe(report!.statement);
    expect(e['compliance'].status_id === 1 ? ['informational'] : ['high', 'critical']).toContain(e['severity'].toLowerCase());
    expect(validate(e)).toBe(true);
  }
});
