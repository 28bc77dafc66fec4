import { Chalk } from 'chalk';
import { lines, rendered } from '../stream.js';
import { accountLabel, fmtScore, type OrgReporter } from './types.js';

/**
 * The organisation in text: its scores, then a summary per account (scores
 * and counts per framework, or why it was not scanned). Findings are left to
 * --format json, or a scan of one account (--accounts ID).
 */
export const renderOrgText: OrgReporter = (org, { color }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const n = org.organization.accounts;
  function* text(): Generator<string> {
    yield `${c.bold(`archscan ${org.tool.version}`)} · organisation: ${n.listed} account(s): ${n.scanned} scanned, ${n.error} could not be scanned, ${n.skipped} skipped`;
    yield '';
    yield c.bold('Organisation scores (every scanned account\'s results together)');
    for (const f of org.organization.frameworks) {
      const r = f.counts;
      yield `  ${f.id.padEnd(24)} ${fmtScore(f.score).padStart(5)}  ${c.gray(`attested ${fmtScore(f.scoreAttested)} · results: ${r.fail} fail · ${r.error} error · ${r.pass} pass · ${r.not_applicable} n/a${f.waived ? ` · ${f.waived} waived` : ''}`)}`;
    }
    if (org.organization.frameworks.length === 0) yield c.gray('  none: no account was scanned');
    yield c.gray(`  ${org.scoring.organizationFormula}`);
    for (const a of org.accounts) {
      yield '';
      if (a.status === 'error') {
        yield c.red.bold(`${accountLabel(a)}: could not be scanned`);
        yield c.red(`  ${a.error.call} failed: ${a.error.code}: ${a.error.message}`);
        yield c.red(`  needs ${a.error.permission}${a.error.roleArn ? ` on ${a.error.roleArn}` : ''}`);
        continue;
      }
      if (a.status === 'skipped') {
        yield c.yellow(`${accountLabel(a)}: skipped: ${a.reason}`);
        continue;
      }
      const s = a.assessment;
      yield `${c.bold(accountLabel(a))} · regions ${s.snapshot.regions.join(', ') || 'none'} · snapshot ${s.snapshot.collectedAt}${s.complete ? '' : c.yellow(' · incomplete')}`;
      for (const f of s.frameworks) {
        const cc = f.controlCounts;
        const r = f.counts;
        yield `  ${f.id.padEnd(24)} ${fmtScore(f.score).padStart(5)}  ${c.gray(`attested ${fmtScore(f.scoreAttested)} · controls ${cc.fail} fail · ${cc.error} error · ${cc.pass} pass · results ${r.fail} fail · ${r.error} error · ${r.pass} pass`)}`;
      }
      if (s.callErrors.length > 0) yield c.yellow(`  ${s.callErrors.length} call(s) failed or could not be read (callErrors in --format json)`);
    }
    yield '';
    yield c.gray('Findings per account: --format json, or scan one account with --accounts ID.');
  }
  return rendered(() => lines(text()));
};
