/**
 * CSV: one row per result, RFC 4180 (read back with csv-parse), waived rows
 * marked, and no cell a spreadsheet would run as a formula.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderCsv } from '../../src/reporters/csv.js';
import { augmented } from './pack-data.js';

describe('CSV', () => {
  const aug = augmented('payments-group');
  const a = aug.assessment;
  // Cells an attacker could plant, each of which a spreadsheet would evaluate.
  const formulas = ['=HYPERLINK("https://evil.example","x")', '+1+cmd|" /C calc"!A0', '-2+3', '@SUM(A1:A9)', '\tcmd', '\rcmd'];
  aug.hostile.resource.name = formulas[0];
  aug.hostile.message = formulas[1]!;
  aug.hostile.evidence = { note: 'a, "quoted"\nsecond line' };
  const text = renderCsv(a, { color: false }).text;
  const rows = parse(text, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];

  it('has the header and one row per result, CRLF-terminated', () => {
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(rows).toHaveLength(a.evaluations.reduce((n, e) => n + e.results.length, 0));
  });

  it('reads back every field as written, quoting commas, quotes and line breaks', () => {
    const ev = a.evaluations[0]!;
    const r = ev.results[0]!;
    const controls = a.frameworks.flatMap((f) => f.controls.filter((c) => c.evaluations.includes(ev.key)).map((c) => `${f.id}:${c.id}`));
    expect(rows[0]).toEqual({
      account: r.resource.account,
      region: r.resource.region,
      framework_controls: controls.join(';'),
      check_id: ev.checkId,
      evaluation: ev.key,
      params: JSON.stringify(ev.params),
      severity: ev.severity,
      status: r.status,
      resource_type: r.resource.type,
      resource_id: r.resource.id,
      resource_name: r.resource.name ?? '',
      arn: r.resource.arn,
      message: r.message,
      evidence: JSON.stringify(r.evidence),
      waiver_refs: '',
    });
    const hostile = rows.find((row) => row['arn'] === aug.hostile.resource.arn && row['check_id'] === aug.hostile.checkId)!;
    expect(hostile['evidence']).toBe('{"note":"a, \\"quoted\\"\\nsecond line"}');
  });

  it('marks results waived everywhere as waived, and lists the refs of partial waivers', () => {
    const row = (ev: { key: string }, arn: string) => rows.find((r) => r['evaluation'] === ev.key && r['arn'] === arn)!;
    const w1 = row(aug.waivedEverywhere.evaluation, aug.waivedEverywhere.result.resource.arn);
    expect([w1['status'], w1['waiver_refs']]).toEqual(['waived', 'W-001']);
    const w2 = row(aug.waivedInOne.evaluation, aug.waivedInOne.result.resource.arn);
    expect([w2['status'], w2['waiver_refs']]).toEqual(['fail', 'W-002']);
    expect(rows.filter((r) => r['status'] === 'waived')).toHaveLength(1);
  });

  it('prefixes cells that start like a formula with a single quote', () => {
    const hostile = rows.find((row) => row['arn'] === aug.hostile.resource.arn && row['check_id'] === aug.hostile.checkId)!;
    expect(hostile['resource_name']).toBe(`'${formulas[0]}`);
    expect(hostile['message']).toBe(`'${formulas[1]}`);
    for (const f of formulas) {
      const copy = structuredClone(a);
      copy.evaluations[0]!.results[0]!.message = f;
      const [first] = parse(renderCsv(copy, { color: false }).text, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
      expect(first!['message']).toBe(`'${f}`);
    }
    // No cell of the report starts a formula.
    for (const r of rows) for (const v of Object.values(r)) expect(v, v).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('is deterministic', () => {
    expect(renderCsv(structuredClone(a), { color: false }).text).toBe(text);
  });
});
