import { esc } from '../html.js';
import { lines, rendered } from '../stream.js';
import { accountLabel, fmtScore, type OrgReporter } from './types.js';

/**
 * The organisation as one HTML page: its scores, and a section per account
 * with that account's scores and counts per framework (or why it was not
 * scanned). An account's full audit pack is `scan --accounts ID --format
 * html`: one document per account keeps each pack's anchors and size its own.
 */
export const renderOrgHtml: OrgReporter = (org) => {
  const fw = org.organization.frameworks;
  const n = org.organization.accounts;
  const title = `Organisation report: ${n.listed} accounts`;
  const td = (s: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${s}</td>`;
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${esc(`${org.tool.name} ${org.tool.version}`)}">`,
    `<title>${esc(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}td.num{text-align:right}.error{color:#a00}</style>',
    '</head>',
    '<body>',
    '<header>',
    `<h1>${esc(title)}</h1>`,
    `<p>${esc(`${org.tool.name} ${org.tool.version} · ${n.scanned} scanned · ${n.error} could not be scanned · ${n.skipped} skipped${org.complete ? '' : ' · incomplete'}`)}</p>`,
    '</header>',
    '<main>',
    '<section id="organisation" aria-labelledby="h-organisation">',
    '<h2 id="h-organisation">Organisation scores</h2>',
    '<table><thead><tr><th scope="col">Framework</th><th scope="col">Score</th><th scope="col">Attested</th><th scope="col">Fail</th><th scope="col">Error</th><th scope="col">Pass</th></tr></thead><tbody>',
    ...fw.map((f) => `<tr><th scope="row">${esc(f.title)} <code>${esc(f.id)}</code></th>${td(fmtScore(f.score), 'num')}${td(fmtScore(f.scoreAttested), 'num')}${td(String(f.counts.fail), 'num')}${td(String(f.counts.error), 'num')}${td(String(f.counts.pass), 'num')}</tr>`),
    '</tbody></table>',
    `<p>${esc(org.scoring.organizationFormula)}</p>`,
    '</section>',
  ];
  for (const a of org.accounts) {
    const id = `account-${a.accountId}`;
    out.push(`<section id="${id}" aria-labelledby="h-${id}">`, `<h2 id="h-${id}">${esc(accountLabel(a))}</h2>`);
    if (a.status === 'error') {
      out.push(`<p class="error">Could not be scanned: <code>${esc(a.error.call)}</code> failed with ${esc(a.error.code)}: ${esc(a.error.message)}. Needs <code>${esc(a.error.permission)}</code>${a.error.roleArn ? ` on <code>${esc(a.error.roleArn)}</code>` : ''}.</p>`);
    } else if (a.status === 'skipped') {
      out.push(`<p>Skipped: ${esc(a.reason)}.</p>`);
    } else {
      const s = a.assessment;
      out.push(
        `<p>${esc(`regions ${s.snapshot.regions.join(', ') || 'none'} · snapshot collected at ${s.snapshot.collectedAt}${s.complete ? '' : ' · incomplete'}`)}</p>`,
        '<table><thead><tr><th scope="col">Framework</th><th scope="col">Score</th><th scope="col">Attested</th><th scope="col">Controls failing</th><th scope="col">Results failing</th><th scope="col">Results in error</th></tr></thead><tbody>',
        ...s.frameworks.map((f) => `<tr><th scope="row">${esc(f.title)}</th>${td(fmtScore(f.score), 'num')}${td(fmtScore(f.scoreAttested), 'num')}${td(String(f.controlCounts.fail), 'num')}${td(String(f.counts.fail), 'num')}${td(String(f.counts.error), 'num')}</tr>`),
        '</tbody></table>',
      );
    }
    out.push('</section>');
  }
  out.push('</main>', '</body>', '</html>');
  return rendered(() => lines(out));
};
