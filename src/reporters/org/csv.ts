import { csvRecords, csvRows } from '../csv.js';
import { rendered } from '../stream.js';
import type { OrgReporter } from './types.js';

/**
 * One CSV for the organisation: every account's rows under one header (the
 * `account` column tells them apart); an account that could not be scanned
 * is one `error` row naming the call and the permission, a skipped one a
 * `not_applicable` row with the reason.
 */
export const renderOrgCsv: OrgReporter = (org) => {
  const warnings: string[] = [];
  return rendered(function* () {
    warnings.length = 0;
    yield csvRows([], true);
    for (const a of org.accounts) {
      if (a.status === 'scanned') yield* csvRecords(a.assessment, warnings, false);
      else if (a.status === 'error') {
        const e = a.error;
        yield csvRows([{ account: a.accountId, check_id: e.call, status: 'error', message: `could not be scanned: ${e.code}: ${e.message} (needs ${e.permission}${e.roleArn ? ` on ${e.roleArn}` : ''})` }], false);
      } else yield csvRows([{ account: a.accountId, status: 'not_applicable', message: `skipped: ${a.reason}` }], false);
    }
  }, warnings);
};
