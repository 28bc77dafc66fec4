/**
 * Collect every selected account of an organisation, several at once: the
 * account archscan runs in with its own credentials, every other one through
 * `--org-role`. An account that cannot be entered or identified becomes that
 * account's error; the others go on.
 */
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { memoizeIdentityProvider, isIdentityExpired, doesIdentityRequireRefresh } from '@smithy/core';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import pLimit from 'p-limit';
import { clientConfig, credentialsFor } from '../collect/clients.js';
import { collectSnapshot, type CollectOptions } from '../collect/collect.js';
import { errorCode } from '../collect/recorder.js';
import { CollectError } from '../errors.js';
import type { Snapshot } from '../snapshot/types.js';
import { listAccounts, type ListedAccount } from './accounts.js';
import { selectAccounts, type Selection } from './select.js';
import type { FailedAccount, OrgAccountRef, SkippedAccount } from './types.js';

export interface OrgCollectOptions extends CollectOptions {
  /** Role name (may include a path) assumed in each member account. */
  orgRole: string;
  /** For --org-role. */
  orgExternalId?: string;
  /** Session duration of each account's role, seconds (AssumeRole's DurationSeconds). */
  orgSessionSeconds: number;
  selection: Selection;
  /** Accounts collected at once (each with its own call limit `concurrency`). */
  accountConcurrency: number;
  /** Told when each account is done (progress on stderr). */
  onAccount?: (ref: OrgAccountRef, outcome: 'collected' | 'error' | 'skipped', detail: string) => void;
}

export type AccountOutcome<T> = (OrgAccountRef & { status: 'collected'; value: T }) | FailedAccount | SkippedAccount;

const failed = (ref: OrgAccountRef, call: string, e: unknown, roleArn?: string): FailedAccount => ({
  ...ref,
  status: 'error',
  error: {
    call,
    code: errorCode(e),
    message: String((e as Error).message ?? e).slice(0, 2000),
    permission: call,
    ...(roleArn ? { roleArn } : {}),
  },
});

/** Credentials of `roleArn`, assumed once and refreshed before they expire (the SDK's own memoizer). */
function assumedRole(sts: STSClient, roleArn: string, o: OrgCollectOptions): AwsCredentialIdentityProvider {
  const assume = async (): Promise<AwsCredentialIdentity> => {
    const { Credentials: c } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: 'archscan',
        DurationSeconds: o.orgSessionSeconds,
        ...(o.orgExternalId ? { ExternalId: o.orgExternalId } : {}),
      }),
    );
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw Object.assign(new Error(`sts:AssumeRole answered no credentials for ${roleArn}`), { name: 'MalformedResponse' });
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}), ...(c.Expiration ? { expiration: c.Expiration } : {}) };
  };
  return memoizeIdentityProvider(assume, isIdentityExpired, doesIdentityRequireRefresh) as AwsCredentialIdentityProvider;
}

/**
 * Hands an account's snapshot to `each`, which takes it (`take()`, once):
 * from then on the collector holds no reference to it, so the caller can let
 * the raw answers go (an inventory built, a file written) before it does the
 * rest of its work.
 */
export type TakeSnapshot = () => Snapshot;

/**
 * List, select and collect. `each` turns an account's snapshot into what the
 * caller keeps (an assessment, a file written), so that no more than
 * `accountConcurrency` snapshots are in memory at once.
 */
export async function collectOrganization<T>(o: OrgCollectOptions, each: (ref: OrgAccountRef, take: TakeSnapshot) => Promise<T>): Promise<AccountOutcome<T>[]> {
  const base = credentialsFor(o, o.homeRegion);
  const sts = new STSClient(clientConfig(o.homeRegion, base, o));
  const orgs = new OrganizationsClient(clientConfig(o.homeRegion, base, o));
  try {
    let caller: { Account?: string; Arn?: string };
    try {
      caller = await sts.send(new GetCallerIdentityCommand({}));
    } catch (e) {
      throw new CollectError(`could not identify the AWS account (sts:GetCallerIdentity): ${(e as Error).name}: ${(e as Error).message}`);
    }
    const partition = caller.Arn?.split(':')[1] ?? 'aws';
    const listedAccounts = await listAccounts(orgs);
    const byId = new Map<string, ListedAccount>(listedAccounts.map((a) => [a.id, a]));
    const selected = selectAccounts([...byId.keys()], o.selection);
    const limit = pLimit(o.accountConcurrency);
    return await Promise.all(
      selected.map((id) =>
        limit(async (): Promise<AccountOutcome<T>> => {
          const a = byId.get(id)!;
          const ref: OrgAccountRef = { accountId: id, ...(a.name ? { name: a.name } : {}) };
          const outcome = await collectOne(o, ref, a, caller.Account, partition, base, sts, each);
          o.onAccount?.(ref, outcome.status, outcome.status === 'error' ? `${outcome.error.call}: ${outcome.error.code}` : outcome.status === 'skipped' ? outcome.reason : '');
          return outcome;
        }),
      ),
    );
  } finally {
    sts.destroy();
    orgs.destroy();
  }
}

async function collectOne<T>(
  o: OrgCollectOptions,
  ref: OrgAccountRef,
  a: ListedAccount,
  callerAccount: string | undefined,
  partition: string,
  base: AwsCredentialIdentityProvider,
  sts: STSClient,
  each: (ref: OrgAccountRef, take: TakeSnapshot) => Promise<T>,
): Promise<AccountOutcome<T>> {
  if (a.state !== 'ACTIVE') return { ...ref, status: 'skipped', reason: `account state ${a.state} (only ACTIVE accounts are scanned)` };
  // The account archscan runs in is scanned with its own credentials: AWS creates
  // OrganizationAccountAccessRole in member accounts, never in the management account.
  const own = a.id === callerAccount;
  const roleArn = own ? undefined : `arn:${partition}:iam::${a.id}:role/${o.orgRole}`;
  let credentials = base;
  if (roleArn) {
    credentials = assumedRole(sts, roleArn, o);
    try {
      await credentials();
    } catch (e) {
      return failed(ref, 'sts:AssumeRole', e, roleArn);
    }
  }
  let snapshot: Snapshot | undefined;
  try {
    snapshot = await collectSnapshot({ ...o, credentials });
  } catch (e) {
    if (!(e instanceof CollectError)) throw e;
    return failed(ref, 'sts:GetCallerIdentity', e, roleArn);
  }
  if (snapshot.metadata.accountId !== a.id) {
    const e = Object.assign(new Error(`the credentials for account ${a.id} belong to account ${snapshot.metadata.accountId || 'unknown'}`), { name: 'AccountMismatch' });
    return failed(ref, 'sts:GetCallerIdentity', e, roleArn);
  }
  const take: TakeSnapshot = () => {
    if (snapshot === undefined) throw new Error(`the snapshot of account ${a.id} was already taken`);
    const taken = snapshot;
    snapshot = undefined;
    return taken;
  };
  return { ...ref, status: 'collected', value: await each(ref, take) };
}
