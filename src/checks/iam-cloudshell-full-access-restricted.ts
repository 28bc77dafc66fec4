import type { JSONSchemaType } from 'ajv';
import { isAwsManagedPolicyArn } from '../inventory/policy.js';
import type { AttachedPolicy, Inventory } from '../inventory/types.js';
import { defineCheck, error, fail, pass } from './define.js';
import type { ResourceRef } from './types.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

function accountRef(inv: Inventory): ResourceRef {
  return { type: 'AWS::IAM::Account', arn: `arn:${inv.partition}:iam::${inv.accountId}:account`, id: 'account', account: inv.accountId, region: 'global' };
}

const isCloudShell = (p: AttachedPolicy) => isAwsManagedPolicyArn(p.arn, 'AWSCloudShellFullAccess');

export default defineCheck<Params>({
  id: 'iam-cloudshell-full-access-restricted',
  title: 'The AWSCloudShellFullAccess policy is attached to no user, group or role',
  severity: 'medium',
  resourceType: 'AWS::IAM::Account',
  requires: ['iam:GetCredentialReport', 'iam:GetAccountAuthorizationDetails'],
  rationale:
    'AWSCloudShellFullAccess lets its holder upload and download files to a CloudShell environment with internet access: a path to move data out of the account and tools in, outside the controls on workstations (CIS AWS Foundations 2.20).',
  remediation:
    'Detach AWSCloudShellFullAccess (aws iam list-entities-for-policy --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess, then detach-*-policy) and grant CloudShell, where needed, through a policy that denies cloudshell:GetFileUploadUrls and cloudshell:GetFileDownloadUrls.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const account = accountRef(inv);
    const holders: string[] = [];
    for (const u of inv.iamUsers) {
      if (!u.grants.ok) return [error(account, u.grants.error)];
      if (u.grants.value.attached.some(isCloudShell)) holders.push(u.arn);
    }
    for (const g of inv.iamGroups) if (g.grants.attached.some(isCloudShell)) holders.push(g.arn);
    for (const r of inv.iamRoles) if (r.grants.attached.some(isCloudShell)) holders.push(r.arn);
    holders.sort();
    if (holders.length === 0) return [pass(account, `No user, group or role in account ${inv.accountId} has AWSCloudShellFullAccess attached.`, { attachedTo: [] })];
    return [fail(account, `AWSCloudShellFullAccess is attached to ${holders.length} principal(s).`, { attachedTo: holders })];
  },
});
