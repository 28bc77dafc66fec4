/**
 * The HTML VAPT pack: valid HTML5 (html-validate), and loaded in a real
 * headless Chromium (Debian's /usr/bin/chromium, or ARCHSCAN_CHROMIUM, through
 * playwright-core; no browser is ever downloaded; skipped with a note when
 * there is none, unless ARCHSCAN_REQUIRE_CHROMIUM=1 as in CI): nothing
 * fetched but the document, no console or page error, the summary numbers in
 * the DOM equal the JSON report's, and it prints to an A4 PDF. Screenshots land in /tmp/vapt-<name>.png for a
 * person to look at; they are not committed.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/assess/types.js';
import { esc, renderHtml } from '../../src/reporters/html.js';
import { renderJson } from '../../src/reporters/json.js';
import { archAssessment, augmented, fixtureAssessment, HOSTILE } from './pack-data.js';

/** Debian's chromium, or the browser ARCHSCAN_CHROMIUM names (a Chrome or Chromium binary). */
const CHROMIUM = process.env['ARCHSCAN_CHROMIUM'] || '/usr/bin/chromium';
/**
 * .ci/run sets ARCHSCAN_REQUIRE_CHROMIUM=1: there a missing browser fails the
 * run. Elsewhere (a developer's machine with only Node) the browser tests are
 * skipped, with one line on stderr saying so and how to run them.
 */
const REQUIRE_BROWSER = process.env['ARCHSCAN_REQUIRE_CHROMIUM'] === '1';
const SKIP_BROWSER = !REQUIRE_BROWSER && !existsSync(CHROMIUM);
if (SKIP_BROWSER) {
  console.warn(
    `archscan tests: HTML rendering test skipped: no browser at ${CHROMIUM}. To run it: apt-get install --no-install-recommends chromium, or ARCHSCAN_CHROMIUM=/path/to/chrome npm test (CI requires it: .ci/run).`,
  );
}
/** Per browser test: generous, since CI runs this file beside the rest of the suite on two cores. */
const BROWSER_TIMEOUT = 120_000;
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const aug = augmented('payments-group');
const cases: [string, Assessment][] = [
  ['payments-group', fixtureAssessment('payments-group')],
  ['giftcard-issuer', fixtureAssessment('giftcard-issuer')],
  ['baseline-compliant', fixtureAssessment('baseline-compliant')],
  ['payments-group-waivers-baseline', aug.assessment],
  // scan --arch: the architecture matrix and diagram (test/reporters/html-architecture.test.ts holds their content).
  ['clubshop-ecommerce-arch', archAssessment('clubshop-ecommerce')],
];
/** What the CLI passes: the generation time (pinned here) and the snapshot file's hash. */
const PROVENANCE = { generatedAt: '2026-12-01T00:00:00Z', snapshotSha256: 'c0ffee'.repeat(10) + 'c0ff' };
const html = new Map(cases.map(([name, a]) => [name, renderHtml(a, { color: false, ...PROVENANCE }).text]));
/** Opened in the browser (giftcard-issuer is only validated, to keep the run short). */
const browserCases = ['payments-group', 'baseline-compliant', 'payments-group-waivers-baseline'];
const scoreAttr = (s: number | null) => (s === null ? 'n/a' : String(s));

describe('HTML VAPT pack: static', () => {
  // The recommended preset, nothing turned off. (Its doctype-style rule wants
  // `<!DOCTYPE html>` in capitals; the reporter writes it so.)
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

  it.each(cases)('%s is valid HTML5 under html-validate:recommended', async (name) => {
    const report = await validator.validateString(html.get(name)!);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
    expect(messages).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('is deterministic and self-contained: no script, no external reference', () => {
    const [, a] = cases[3]!;
    const text = renderHtml(a, { color: false, ...PROVENANCE }).text;
    expect(text).toBe(html.get('payments-group-waivers-baseline'));
    expect(text.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(text).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(text).toMatch(/@page\{size:A4;margin:[^}]+\}/);
    expect(text).toContain('break-before:page');
    expect(text).toContain('thead{display:table-header-group}');
    expect(text).toContain('tr,tbody.finding{break-inside:avoid}');
    expect(text).toContain('overflow-wrap:anywhere');
    // Evidence: pre-wrap, wrapping at spaces and line breaks only (never mid-token as `anywhere` would).
    expect(text).toMatch(/pre\.ev\{[^}]*white-space:pre-wrap;overflow-wrap:break-word;word-break:normal/);
    expect(text).toContain('main>section.framework,main>section#waivers,main>section#architecture{break-before:page}');
    expect(text).not.toContain('main>section+section');
  });

  it('says what it is: generated when and by what, from which snapshot, its scope and limits, with a sign-off block', () => {
    const text = html.get('payments-group')!;
    expect(text).toContain('<dt>Generated at</dt><dd><span class="prov">2026-12-01T00:00:00Z</span></dd>');
    expect(text).toContain(`<dt>Snapshot SHA-256</dt><dd><code class="prov">${PROVENANCE.snapshotSha256}</code></dd>`);
    expect(text).toContain('<dt>Tool</dt><dd>archscan 0.1.0</dd>');
    expect(text).toContain('Configuration review for VAPT preparation (not a penetration test)');
    expect(text).toContain('<section id="scope" aria-labelledby="h-scope">');
    expect(text).toContain('It is not a VAPT, and not a penetration test.');
    for (const role of ['Prepared by', 'Reviewed by', 'Accepted by (account owner)']) expect(text).toContain(`<tr><th scope="row">${role}</th><td></td><td></td><td></td></tr>`);
    expect(renderHtml(cases[0]![1], { color: false }).text).toContain('<dt>Snapshot SHA-256</dt><dd>not recorded');
  });

  it('keeps expected not-applicable answers out of Errors, and titles the change section with the baseline date', () => {
    const gift = html.get('giftcard-issuer')!;
    const errors = gift.slice(gift.indexOf('<section id="errors"'), gift.indexOf('</section>', gift.indexOf('<section id="errors"')));
    expect(errors).not.toContain('UnsupportedOperationException');
    expect(errors).toContain('None: every call succeeded and every result was decided.');
    expect(errors).not.toContain('InvalidAccessException');
    expect(gift).toMatch(/<ul class="note na-calls"><li>kms:GetKeyRotationStatus in ap-south-1 [^<]+: UnsupportedOperationException<\/li><\/ul>/);
    const day = aug.assessment.baseline!.old.collectedAt.slice(0, 10);
    const withBaseline = html.get('payments-group-waivers-baseline')!;
    expect(withBaseline).toContain(`<h2 id="h-baseline">Change since the scan of ${day}</h2>`);
    expect(withBaseline).not.toContain('last quarter');
  });

  it('escapes text from the account everywhere it appears', () => {
    const text = html.get('payments-group-waivers-baseline')!;
    expect(text).not.toContain(HOSTILE);
    expect(text).not.toContain('<img');
    expect(text).toContain(esc(HOSTILE));
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('shows waived results as WAIVED with the waiver ref, and the waivers, errors, manual and change sections', () => {
    const text = html.get('payments-group-waivers-baseline')!;
    expect(text).toContain('<td class="st"><span class="status s-waived">WAIVED</span><br>waiver <code>W-001</code></td>');
    expect(text).toContain('<td class="st"><span class="status s-waived">WAIVED</span><br>waiver <code>W-002</code></td>');
    for (const id of ['summary', 'scope', 'waivers', 'errors', 'manual', 'baseline']) expect(text).toContain(`<section id="${id}"`);
    expect(text).toContain('<span class="status s-expired">EXPIRED</span>');
    expect(text).toContain('<span class="status s-stale">STALE</span>');
    expect(text).toContain('guardduty:ListDetectors failed in eu-west-1: AccessDenied (missing permission guardduty:ListDetectors)');
    // No baseline, no change section.
    expect(html.get('payments-group')).not.toContain('id="baseline"');
  });
});

describe.skipIf(SKIP_BROWSER)('HTML VAPT pack in Chromium', () => {
  let browser: Browser;
  // Made when the tests run, not when they are collected: a skipped run (no browser) leaves nothing behind.
  let dir: string;

  beforeAll(async () => {
    // Under ARCHSCAN_REQUIRE_CHROMIUM=1 (CI: .ci/run installs Debian's chromium) a missing browser fails the run.
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    dir = mkdtempSync(join(tmpdir(), 'archscan-html-'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Open the report from a file, recording every request, console message and page error. */
  async function open(name: string) {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html.get(name)!);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const logs: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(e.message));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, requests, logs, errors };
  }

  async function dataRows(page: Page, selector: string): Promise<Record<string, string>[]> {
    return (await page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => ({ ...e.dataset }))`)) as Record<string, string>[];
  }

  it.each(browserCases)('%s: fetches nothing but itself, logs no error, and shows the JSON report\'s numbers', async (name) => {
    const [, a] = cases.find(([n]) => n === name)!;
    const { page, url, requests, logs, errors } = await open(name);
    try {
      expect(requests).toEqual([url]);
      expect(logs.filter((m) => m.startsWith('error'))).toEqual([]);
      expect(errors).toEqual([]);
      expect(await page.locator('script, link, img, iframe, object, embed, [src]').count()).toBe(0);

      // The numbers as the JSON report has them.
      const json = JSON.parse(renderJson(a, { color: false }).text) as Assessment;
      const [facts] = await dataRows(page, '#summary dl[data-account]');
      expect(facts).toEqual({
        account: json.snapshot.accountId,
        collectedAt: json.snapshot.collectedAt,
        complete: String(json.complete),
        callErrors: String(json.callErrors.length),
        errorResults: String(json.evaluations.reduce((n, e) => n + e.counts.error, 0)),
        generatedAt: PROVENANCE.generatedAt,
        snapshotSha256: PROVENANCE.snapshotSha256,
        toolVersion: json.tool.version,
      });
      // The top findings: ranked by severity, then by controls broken; each a failing result of the JSON report.
      const top = await dataRows(page, '#summary table.top tr[data-rank]');
      expect(top.length).toBe(Math.min(10, new Set(json.evaluations.flatMap((e) => e.results.filter((r) => r.status === 'fail' && r.waiver?.everywhere !== true).map((r) => `${e.checkId} ${r.resource.arn}`))).size));
      for (const t of top) {
        expect(json.evaluations.some((e) => e.checkId === t['check'] && e.results.some((r) => r.status === 'fail' && r.resource.arn === t['arn'])), t['arn']).toBe(true);
      }
      // Evidence blocks keep their text whole: no line of a block is wider than its cell (nothing clipped or overflowing).
      const overflow = (await page.evaluate(`[...document.querySelectorAll('pre.ev')].filter((e) => e.scrollWidth > e.clientWidth + 1).length`)) as number;
      expect(overflow).toBe(0);
      const rows = await dataRows(page, '#summary tr[data-framework]');
      expect(rows).toEqual(
        json.frameworks.map((f) => ({
          framework: f.id,
          score: scoreAttr(f.score),
          scoreAttested: scoreAttr(f.scoreAttested),
          scoreCountingWaived: scoreAttr(f.scoreCountingWaived),
          status: f.status,
          pass: String(f.counts.pass),
          fail: String(f.counts.fail),
          error: String(f.counts.error),
          notApplicable: String(f.counts.not_applicable),
          waived: String(f.waived),
          controlsFail: String(f.controlCounts.fail),
          controlsError: String(f.controlCounts.error),
          controlsPass: String(f.controlCounts.pass),
          controlsNotApplicable: String(f.controlCounts.not_applicable),
          controlsManual: String(f.controlCounts.manual),
        })),
      );
      for (const f of json.frameworks) {
        const controls = await dataRows(page, `section.framework[data-framework="${f.id}"] tr[data-control]`);
        expect(controls).toEqual(f.controls.map((c) => ({ control: c.id, status: c.status, evidence: c.evidence, attested: String(c.attested), score: scoreAttr(c.score) })));
        // Every control that is not attested is listed with the rule file's note.
        const caveats = await dataRows(page, `section.framework[data-framework="${f.id}"] tr[data-caveat]`);
        expect(caveats).toEqual(f.controls.filter((c) => c.evidence === 'partial' || !c.verified).map((c) => ({ caveat: c.id, evidence: c.evidence, verified: String(c.verified) })));
      }
      // The charts carry the numbers for a screen reader.
      const chartTitle = await page.locator('#chart-scores-title').textContent();
      for (const f of json.frameworks) expect(chartTitle).toContain(`${f.id} ${f.score === null ? 'n/a' : f.score.toFixed(1)}`);
      expect(await page.locator('svg[role="img"]').count()).toBe(2);

      if (json.waivers) {
        const waivers = await dataRows(page, '#waivers tr[data-waiver]');
        expect(waivers).toEqual(json.waivers.entries.map((w) => ({ waiver: w.ref, state: w.state, matched: String(w.matched) })));
      }
      if (json.baseline) {
        const changes = await dataRows(page, '#baseline tr[data-framework]');
        expect(changes.at(-1)).toEqual({ framework: '*', new: '1', fixed: '1', persisting: '1', newlyWaived: '1', undetermined: '0' });
        expect(changes.slice(0, -1).map((r) => [r['framework'], r['newScore'], r['scoreChange']])).toEqual(
          json.baseline.frameworks.map((f) => [f.id, scoreAttr(f.newScore), scoreAttr(f.scoreChange)]),
        );
        // Hostile text from the account shows as text, never as markup.
        expect(await page.getByText('=HYPERLINK("https://evil.example")', { exact: false }).count()).toBeGreaterThan(0);
      }
    } finally {
      await page.close();
    }
  }, BROWSER_TIMEOUT);

  it('clubshop-ecommerce --arch: the diagram renders inside the page, every arrow drawn, its labels at 4.5:1, nothing fetched', async () => {
    const { page, url, requests, logs, errors } = await open('clubshop-ecommerce-arch');
    try {
      expect(requests).toEqual([url]);
      expect(logs.filter((m) => m.startsWith('error'))).toEqual([]);
      expect(errors).toEqual([]);
      const drawn = (await page.evaluate(`(() => {
        const svg = document.querySelector('svg.arch-diagram');
        const box = svg.getBoundingClientRect();
        const main = document.querySelector('main').getBoundingClientRect();
        const flows = [...svg.querySelectorAll('g.flow')].map((g) => { const b = g.querySelector('path').getBBox(); return b.width + b.height > 0; });
        const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
        const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const contrast = Math.min(...[...svg.querySelectorAll('text')].map((t) => (1.05) / (lum(getComputedStyle(t).fill) + 0.05)));
        return { width: box.width, height: box.height, inside: box.left >= main.left - 1 && box.right <= main.right + 1, flows, contrast, matrixCells: document.querySelectorAll('#architecture td.arch-cell').length };
      })()`)) as { width: number; height: number; inside: boolean; flows: boolean[]; contrast: number; matrixCells: number };
      expect(drawn.width).toBeGreaterThan(400);
      expect(drawn.height).toBeGreaterThan(150);
      expect(drawn.inside).toBe(true);
      expect(drawn.flows).toEqual(Array(11).fill(true));
      expect(drawn.contrast).toBeGreaterThanOrEqual(4.5);
      expect(drawn.matrixCells).toBe(8);
      await page.locator('figure.arch-figure').screenshot({ path: '/tmp/vapt-clubshop-ecommerce-arch.png' });
    } finally {
      await page.close();
    }
  }, BROWSER_TIMEOUT);

  it('keeps text contrast at 4.5:1 or more, and chart colours at 3:1 against white', async () => {
    const { page } = await open('payments-group-waivers-baseline');
    try {
      // WCAG 2 relative luminance; each distinct (colour, background) pair of elements holding text.
      const worst = (await page.evaluate(`(() => {
        const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
        const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
        const background = (el) => { for (let e = el; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if ((rgb(c)[3] ?? 1) > 0) return c; } return 'rgb(255, 255, 255)'; };
        const text = { ratio: 99, what: '' };
        const seen = new Set();
        for (const el of document.querySelectorAll('body *')) {
          if (el.closest('svg') || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
          const pair = getComputedStyle(el).color + ' on ' + background(el);
          if (seen.has(pair)) continue;
          seen.add(pair);
          const r = ratio(getComputedStyle(el).color, background(el));
          if (r < text.ratio) Object.assign(text, { ratio: r, what: el.tagName + ' ' + pair });
        }
        const svgText = Math.min(...[...document.querySelectorAll('svg text')].map((t) => ratio(getComputedStyle(t).fill, 'rgb(255, 255, 255)')));
        const bars = Math.min(...[...document.querySelectorAll('svg rect')].map((r) => getComputedStyle(r).fill).filter((f) => f !== 'rgb(228, 232, 238)').map((f) => ratio(f, 'rgb(255, 255, 255)')));
        return { text, pairs: seen.size, svgText, bars };
      })()`)) as { text: { ratio: number; what: string }; pairs: number; svgText: number; bars: number };
      expect(worst.pairs).toBeGreaterThan(5);
      expect(worst.text.ratio, worst.text.what).toBeGreaterThanOrEqual(4.5);
      expect(worst.svgText).toBeGreaterThanOrEqual(4.5);
      // Bars are graphics (WCAG 1.4.11: 3:1); the track colour behind them is excluded.
      expect(worst.bars).toBeGreaterThanOrEqual(3);
    } finally {
      await page.close();
    }
  }, BROWSER_TIMEOUT);

  it('prints to A4 PDF, a page break before each framework', async () => {
    const { page } = await open('payments-group-waivers-baseline');
    try {
      await page.emulateMedia({ media: 'print' });
      // Each framework section starts a page in print.
      const breaks = (await page.evaluate(
        `[...document.querySelectorAll('section.framework')].map((s) => getComputedStyle(s).breakBefore)`,
      )) as string[];
      expect(breaks).toEqual(['page', 'page', 'page', 'page', 'page']);
      // The closing sections share pages: only the first of them starts one.
      const closing = (await page.evaluate(
        `['waivers', 'errors', 'manual', 'baseline', 'scope'].map((id) => getComputedStyle(document.getElementById(id)).breakBefore)`,
      )) as string[];
      expect(closing).toEqual(['page', 'auto', 'auto', 'auto', 'auto']);
      const pdf = await page.pdf({ format: 'A4' });
      writeFileSync('/tmp/vapt-payments-group-waivers-baseline.pdf', pdf);
      expect(pdf.length).toBeGreaterThan(10_000);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // A4 is 595 × 842 points.
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595(\.\d+)? 84[12](\.\d+)?\]/);
    } finally {
      await page.close();
    }
  }, BROWSER_TIMEOUT);
});
