import { prettyJson, rendered, resultText } from '../stream.js';
import type { OrgReporter } from './types.js';

/** accounts[i].assessment.evaluations[j].results[k]: one result per line, as in an account's report. */
const isResult = (path: readonly (string | number)[]) => path.length === 7 && path[0] === 'accounts' && path[2] === 'assessment' && path[3] === 'evaluations' && path[5] === 'results';

/** The organisation report as JSON (schemas/report.schema.json#/definitions/organizationReport), streamed. */
export const renderOrgJson: OrgReporter = (org) =>
  rendered(() => {
    const refs = new Map<object, string>();
    return prettyJson(org, isResult, (r) => resultText(r, refs));
  });
