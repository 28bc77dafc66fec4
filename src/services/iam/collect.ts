/** How IAM's operations are sent (loaded only for a live collection). */
import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListVirtualMFADevicesCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListVirtualMFADevices,
} from '@aws-sdk/client-iam';
import type { ServiceCollector } from '../define.js';

/** How long to wait for IAM to build the credential report: polls from 100 ms, doubling to 2 s, for at most ~30 s. */
export const REPORT_POLL = { firstMs: 100, maxMs: 2000, maxPolls: 20 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const collector: ServiceCollector = {
  bindings: {
    'iam:GenerateCredentialReport': { client: IAMClient, command: GenerateCredentialReportCommand },
    'iam:GetCredentialReport': {
      client: IAMClient,
      command: GetCredentialReportCommand,
      // Ask IAM to build the report and poll until it is COMPLETE, then read it:
      // users, root, passwords, MFA and access keys in one call instead of per-user calls.
      async send(ctx) {
        let wait = REPORT_POLL.firstMs;
        for (let poll = 0; poll < REPORT_POLL.maxPolls; poll++) {
          const generated = (await ctx.call('iam:GenerateCredentialReport')) as { State?: string } | undefined;
          if (!generated || generated.State === 'COMPLETE') break;
          await sleep(wait);
          wait = Math.min(wait * 2, REPORT_POLL.maxMs);
        }
        const report = (await ctx.client().send(new GetCredentialReportCommand({}))) as { Content?: Uint8Array };
        // The API's blob, as `aws iam get-credential-report` prints it: base64.
        return { ...report, Content: Buffer.from(report.Content ?? new Uint8Array()).toString('base64') };
      },
    },
    'iam:GetAccountPasswordPolicy': { client: IAMClient, command: GetAccountPasswordPolicyCommand },
    'iam:GetAccountAuthorizationDetails': {
      client: IAMClient,
      command: GetAccountAuthorizationDetailsCommand,
      paginator: paginateGetAccountAuthorizationDetails,
      pageSize: 1000,
      input: { Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy'] },
    },
    'iam:ListVirtualMFADevices': {
      client: IAMClient,
      command: ListVirtualMFADevicesCommand,
      paginator: paginateListVirtualMFADevices,
      pageSize: 1000,
      input: { AssignmentStatus: 'Assigned' },
    },
  },
};

export default collector;
