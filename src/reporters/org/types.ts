import type { OrgAssessment } from '../../org/types.js';
import type { Rendered, ReporterOptions } from '../types.js';

/** Pure: an organisation report in, output out (one reporter per format, as for one account). */
export type OrgReporter = (org: OrgAssessment, options: ReporterOptions) => Rendered;

/** "account 111122223333 (payments-prod)". */
export const accountLabel = (a: { accountId: string; name?: string }) => `account ${a.accountId}${a.name ? ` (${a.name})` : ''}`;

export const fmtScore = (s: number | null) => (s === null ? 'n/a' : s.toFixed(1));
