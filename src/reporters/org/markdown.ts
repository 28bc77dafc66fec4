import { mdText, renderMarkdown } from '../markdown.js';
import { lines, rendered } from '../stream.js';
import { accountLabel, fmtScore, type OrgReporter } from './types.js';

const cell = (s: string) => mdText(s).replace(/\|/g, '\\|');

/**
 * The organisation in Markdown: its scores and accounts, then each scanned
 * account's own audit pack in full, one after the other.
 */
export const renderOrgMarkdown: OrgReporter = (org, options) => {
  const fw = org.organization.frameworks;
  const head: string[] = [
    `# archscan organisation report (${org.organization.accounts.listed} accounts)`,
    '',
    `${org.tool.name} ${org.tool.version} · ${org.organization.accounts.scanned} scanned · ${org.organization.accounts.error} could not be scanned · ${org.organization.accounts.skipped} skipped${org.complete ? '' : ' · **incomplete**'}`,
    '',
    '## Organisation scores',
    '',
    '| Framework | Score | Attested | Fail | Error | Pass |',
    '|---|--:|--:|--:|--:|--:|',
    ...fw.map((f) => `| ${cell(f.title)} \`${f.id}\` | ${fmtScore(f.score)} | ${fmtScore(f.scoreAttested)} | ${f.counts.fail} | ${f.counts.error} | ${f.counts.pass} |`),
    '',
    cell(org.scoring.organizationFormula),
    '',
    '## Accounts',
    '',
    `| Account | Status | ${fw.map((f) => `\`${f.id}\``).join(' | ')} |`,
    `|---|---|${fw.map(() => '--:|').join('')}`,
    ...org.accounts.map((a) => {
      const scores = fw.map((f) => fmtScore(f.accounts.find((x) => x.accountId === a.accountId)?.score ?? null));
      const status = a.status === 'scanned' ? (a.assessment.complete ? 'scanned' : 'scanned, incomplete') : a.status === 'error' ? `**error**: ${cell(`${a.error.call} ${a.error.code}`)}` : `skipped: ${cell(a.reason)}`;
      return `| ${cell(accountLabel(a))} | ${status} | ${scores.join(' | ')} |`;
    }),
  ];
  const failed = org.accounts.flatMap((a) => (a.status === 'error' ? [a] : []));
  if (failed.length > 0) {
    head.push('', '## Accounts that could not be scanned', '');
    for (const a of failed) head.push(`- ${cell(accountLabel(a))}: \`${a.error.call}\` failed with ${cell(a.error.code)}: ${cell(a.error.message)} (needs \`${a.error.permission}\`${a.error.roleArn ? ` on \`${a.error.roleArn}\`` : ''})`);
  }
  return rendered(function* () {
    yield* lines(head);
    for (const a of org.accounts) {
      if (a.status !== 'scanned') continue;
      yield '\n---\n\n';
      yield* renderMarkdown(a.assessment, options).chunks();
    }
  });
};
