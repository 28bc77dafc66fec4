import type { Run } from 'sarif';
import { renderSarif, SARIF_SCHEMA_URI } from '../sarif.js';
import { rendered } from '../stream.js';
import type { OrgReporter } from './types.js';

/** GitHub code scanning takes at most 20 runs per SARIF upload. */
export const GITHUB_RUNS_PER_UPLOAD = 20;

const indent = (json: string) => `    ${json.replace(/\n/g, '\n    ')}`;

/**
 * SARIF for an organisation: one run per account (its own
 * automationDetails category `archscan/<account>/...`, results located under
 * `aws/<account>/...`), each within GitHub's per-run limits as for one
 * account; an account that could not be scanned is a run with no results and
 * an unsuccessful invocation saying why. Streamed a run at a time.
 */
export const renderOrgSarif: OrgReporter = (org, options) => {
  const warnings: string[] = [];
  if (org.accounts.filter((a) => a.status !== 'skipped').length > GITHUB_RUNS_PER_UPLOAD) {
    warnings.push(`SARIF holds one run per account; GitHub code scanning accepts at most ${GITHUB_RUNS_PER_UPLOAD} runs per upload: upload per shard (--shard) of at most ${GITHUB_RUNS_PER_UPLOAD} accounts`);
  }
  function* runs(): Generator<string> {
    let first = true;
    for (const a of org.accounts) {
      let run: Run;
      if (a.status === 'skipped') continue;
      if (a.status === 'scanned') {
        const one = renderSarif(a.assessment, options);
        for (const w of one.warnings) warnings.push(`account ${a.accountId}: ${w}`);
        run = (JSON.parse(one.text) as { runs: Run[] }).runs[0]!;
      } else {
        run = {
          tool: { driver: { name: 'archscan', version: org.tool.version, semanticVersion: org.tool.version, rules: [] } },
          automationDetails: { id: `archscan/${a.accountId}/` },
          invocations: [
            {
              executionSuccessful: false,
              toolExecutionNotifications: [
                { level: 'error', message: { text: `account ${a.accountId} could not be scanned: ${a.error.call} ${a.error.code}: ${a.error.message} (needs ${a.error.permission}${a.error.roleArn ? ` on ${a.error.roleArn}` : ''})` } },
              ],
            },
          ],
          results: [],
          properties: { account: a.accountId },
        };
      }
      yield `${first ? '' : ',\n'}${indent(JSON.stringify(run, null, 2))}`;
      first = false;
    }
    yield first ? '' : '\n';
  }
  return rendered(function* () {
    warnings.length = 0;
    yield `{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA_URI)},\n  "version": "2.1.0",\n  "runs": [\n`;
    yield* runs();
    yield '  ]\n}\n';
  }, warnings);
};
