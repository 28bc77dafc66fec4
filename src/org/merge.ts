/**
 * `archscan merge`: account reports (`scan --format json`) and organisation
 * reports of shards (`scan --org --shard i/n --format json`) into one
 * organisation report, the same bytes as one run over the same accounts.
 * Only reports of one archscan release and one set of frameworks combine.
 */
import type { Assessment } from '../assess/types.js';
import { parseReport } from '../diff/read.js';
import { InputError } from '../errors.js';
import { readJsonText } from '../files.js';
import { ajv, describeAjvError, validatorFor } from '../schemas.js';
import { jsonErrorLocation, rejectDuplicateKeys } from '../snapshot/read.js';
import { organizationReport } from './combine.js';
import type { OrgAccount, OrgAssessment } from './types.js';

const WHAT = 'a JSON report of `archscan scan --format json` (one account, or --org)';

/** One input: its accounts, where each sits in the file (for messages), and the release that wrote it. */
interface Input {
  file: string;
  version: string;
  accounts: { account: OrgAccount; path: string; frameworksPath: string }[];
}

function parseOrgReport(text: string, file: string): OrgAssessment {
  validatorFor('report.schema.json'); // registers the schema under its $id
  const validate = ajv.getSchema('https://archscan.dev/schemas/report-v1.json#/definitions/organizationReport')!;
  const data: unknown = JSON.parse(text);
  if (!validate(data)) {
    const err = validate.errors![0]!;
    throw new InputError(file, err.instancePath || '/', `${describeAjvError(err)} (an organisation report of \`archscan scan --org --format json\`)`);
  }
  return data as OrgAssessment;
}

async function readInput(file: string): Promise<Input> {
  const text = await readJsonText(file, WHAT);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, jsonErrorLocation(text, e as Error), `${WHAT}, in valid JSON (${(e as Error).message})`);
  }
  rejectDuplicateKeys(text, file);
  if (data !== null && typeof data === 'object' && (data as { kind?: unknown }).kind === 'organization') {
    const org = parseOrgReport(text, file);
    return { file, version: org.tool.version, accounts: org.accounts.map((account, i) => ({ account, path: `/accounts/${i}/accountId`, frameworksPath: `/accounts/${i}/assessment/frameworks` })) };
  }
  const a = parseReport(text, file) as unknown as Assessment;
  if ((a as { baseline?: unknown }).baseline !== undefined) delete (a as { baseline?: unknown }).baseline;
  return { file, version: a.tool.version, accounts: [{ account: { accountId: a.snapshot.accountId, status: 'scanned', assessment: a }, path: '/snapshot/accountId', frameworksPath: '/frameworks' }] };
}

const frameworksOf = (a: Assessment) => a.frameworks.map((f) => `${f.id}@${f.version}`).join(', ');

export async function mergeReports(files: readonly string[]): Promise<OrgAssessment> {
  const inputs: Input[] = [];
  for (const file of files) inputs.push(await readInput(file));
  const first = inputs[0]!;
  const seen = new Map<string, string>();
  let reference: { file: string; frameworks: string } | undefined;
  const accounts: OrgAccount[] = [];
  for (const input of inputs) {
    if (input.version !== first.version) {
      throw new InputError(input.file, '/tool/version', `a report of archscan ${first.version}, as ${first.file} is, not ${input.version} (merge reports of one release; re-scan the older ones)`);
    }
    for (const { account, path, frameworksPath } of input.accounts) {
      const other = seen.get(account.accountId);
      if (other !== undefined) throw new InputError(input.file, path, `accounts no other input has, but ${account.accountId} is also in ${other}`);
      seen.set(account.accountId, input.file);
      if (account.status === 'scanned') {
        const frameworks = frameworksOf(account.assessment);
        if (reference === undefined) reference = { file: input.file, frameworks };
        else if (frameworks !== reference.frameworks) {
          throw new InputError(input.file, frameworksPath, `the frameworks of ${reference.file} (${reference.frameworks}), not ${frameworks} (scan every shard with the same --framework and --rules)`);
        }
      }
      accounts.push(account);
    }
  }
  return organizationReport(accounts, first.version);
}
