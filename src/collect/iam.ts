import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetCredentialReportCommand,
  IAMClient,
  paginateGetAccountAuthorizationDetails,
} from '@aws-sdk/client-iam';
import { allPages } from './paginate.js';
import { GLOBAL_REGION } from '../snapshot/types.js';
import type { ClientConfig } from './clients.js';
import type { Recorder } from './recorder.js';

export interface IamTiming {
  /** Wait between polls while IAM builds the credential report. */
  pollMs: number;
  /** Give up waiting after this many polls. */
  maxPolls: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Account-wide IAM, once: the credential report (users, root, passwords, MFA,
 * access keys in one call rather than per-user calls) and the password policy.
 */
export async function collectIam(rec: Recorder, config: ClientConfig, timing: IamTiming): Promise<void> {
  const client = new IAMClient(config);
  const policy = rec.call(GLOBAL_REGION, 'iam:GetAccountPasswordPolicy', () => client.send(new GetAccountPasswordPolicyCommand({})));
  // Users, groups, roles and customer-managed policies with their documents, in one paginated call.
  const details = rec.call(GLOBAL_REGION, 'iam:GetAccountAuthorizationDetails', () =>
    allPages(paginateGetAccountAuthorizationDetails({ client, pageSize: 1000 }, { Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy'] })),
  );

  for (let poll = 0; poll < timing.maxPolls; poll++) {
    const generated = await rec.call(GLOBAL_REGION, 'iam:GenerateCredentialReport', () => client.send(new GenerateCredentialReportCommand({})));
    if (!generated || generated.State === 'COMPLETE') break;
    await sleep(timing.pollMs);
  }
  const report = await rec.call(GLOBAL_REGION, 'iam:GetCredentialReport', () => client.send(new GetCredentialReportCommand({})));
  if (report) {
    // The API's blob, as `aws iam get-credential-report` prints it: base64.
    rec.put(GLOBAL_REGION, 'iam:GetCredentialReport', {
      ...report,
      Content: Buffer.from(report.Content ?? new Uint8Array()).toString('base64'),
    });
  }
  const p = await policy;
  if (p) rec.put(GLOBAL_REGION, 'iam:GetAccountPasswordPolicy', p);
  const d = await details;
  if (d) rec.put(GLOBAL_REGION, 'iam:GetAccountAuthorizationDetails', d);
  client.destroy();
}
