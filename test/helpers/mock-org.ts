/**
 * A fake AWS organisation for aws-sdk-client-mock: every account answers
 * from its own FakeAccount, told apart by the access key the calling client
 * signs with (the base credentials are the management account's; each
 * AssumeRole hands out a key naming its account). organizations:ListAccounts
 * and sts:AssumeRole answer from the organisation's list.
 */
import { ListAccountsCommand, OrganizationsClient, type Account } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import type { ClientClass } from '../../src/services/define.js';
import { SERVICES } from '../../src/services/registry.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { awsError, commandsOf, type FakeAccount } from './mock-account.js';

export const BASE_KEY = 'AKIAORGTESTBASE00001';
const roleKey = (account: string) => `ASIAORG${account}`;

interface Stub {
  on(command: unknown): { callsFake(fn: (input: Record<string, unknown>, getClient: () => { config: { region: () => Promise<string>; credentials: () => Promise<{ accessKeyId: string }> } }) => unknown): unknown };
  restore(): void;
}

export interface FakeOrg {
  management: string;
  /** As ListAccounts answers them, in this order, two per page. */
  listed: Account[];
  accounts: Record<string, FakeAccount>;
  /** Accounts whose role cannot be assumed: AssumeRole answers AccessDenied. */
  denied: string[];
}

export interface MockedOrg {
  sent: { key: string; account: string; input: Record<string, unknown> }[];
  restore(): void;
}

/** A FakeAccount that answers what a fixture snapshot recorded (collecting it gives the fixture back). */
export function accountOf(s: Snapshot): FakeAccount {
  const account: FakeAccount = {
    global: {
      'sts:GetCallerIdentity': { Account: s.metadata.accountId, Arn: `arn:${s.metadata.partition}:sts::${s.metadata.accountId}:assumed-role/Audit/archscan` },
      'ec2:DescribeRegions': { Regions: s.metadata.regions.map((RegionName) => ({ RegionName, OptInStatus: 'opt-in-not-required' })) },
      'iam:GenerateCredentialReport': { State: 'COMPLETE' },
    },
  };
  const scopes: [string, Snapshot['global']][] = [['global', s.global], ...Object.entries(s.regions)];
  for (const [region, scope] of scopes) {
    const answers = (account[region] ??= {});
    for (const [key, response] of Object.entries(scope.calls)) {
      answers[key] = key === 'iam:GetCredentialReport' ? { ...(response as object), Content: Buffer.from((response as { Content: string }).Content, 'base64') } : (response as object);
    }
    for (const [key, byId] of Object.entries(scope.perResource)) {
      // The id is whichever request value (or list member: ssm's InstanceIds) the snapshot recorded an answer for,
      // so a new per-resource call needs no entry here.
      answers[key] = (input) => {
        const values = Object.values(input).flat();
        const id = values.find((v): v is string => typeof v === 'string' && Object.hasOwn(byId, v));
        if (id === undefined) throw awsError('ResourceNotFoundException', String(values.find((v) => typeof v === 'string')));
        return byId[id] as object;
      };
    }
  }
  for (const e of s.errors) {
    if (e.resource === undefined) (account[e.region] ??= {})[`${e.service}:${e.operation}`] = awsError(e.code, e.message);
  }
  return account;
}

export async function mockOrg(org: FakeOrg): Promise<MockedOrg> {
  const modules = SERVICES;
  const commands = await commandsOf(modules);
  const global = new Set<string>(modules.flatMap((m) => m.operations.filter((op) => op.scope === 'global').map((op) => op.key)));
  const stubs = new Map<ClientClass, Stub>();
  const stub = (Client: ClientClass) => {
    let s = stubs.get(Client);
    if (!s) stubs.set(Client, (s = mockClient(Client as never) as unknown as Stub));
    return s;
  };
  const sent: MockedOrg['sent'] = [];
  const accountOfKey = (key: string) => (key === BASE_KEY ? org.management : key.startsWith('ASIAORG') ? key.slice(7) : 'unknown');

  for (const [key, [Client, Command]] of Object.entries(commands)) {
    stub(Client).on(Command).callsFake(async (input, getClient) => {
      const account = accountOfKey((await getClient().config.credentials()).accessKeyId);
      const region = global.has(key) ? 'global' : await getClient().config.region();
      sent.push({ key, account, input: { ...input } });
      const fake = org.accounts[account];
      if (!fake) throw awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
      const answer = fake[region]?.[key] ?? {};
      if (answer instanceof Error) throw answer;
      return typeof answer === 'function' ? answer(input) : structuredClone(answer);
    });
  }
  stub(STSClient as unknown as ClientClass).on(AssumeRoleCommand).callsFake(async (input, getClient) => {
    const caller = accountOfKey((await getClient().config.credentials()).accessKeyId);
    sent.push({ key: 'sts:AssumeRole', account: caller, input: { ...input } });
    const target = /^arn:aws:iam::(\d{12}):role\//.exec(String(input['RoleArn']))?.[1] ?? '';
    if (org.denied.includes(target) || !org.accounts[target]) {
      throw awsError('AccessDenied', `User: arn:aws:sts::${caller}:assumed-role/Admin/ci is not authorized to perform: sts:AssumeRole on resource: ${String(input['RoleArn'])}`, 403);
    }
    return { Credentials: { AccessKeyId: roleKey(target), SecretAccessKey: 'org-test-secret-not-real-0000000000000', SessionToken: `org-test-session-${target}`, Expiration: new Date(Date.now() + 3600_000) } };
  });
  stub(OrganizationsClient as unknown as ClientClass).on(ListAccountsCommand).callsFake(async (input, getClient) => {
    const caller = accountOfKey((await getClient().config.credentials()).accessKeyId);
    sent.push({ key: 'organizations:ListAccounts', account: caller, input: { ...input } });
    const start = Number(input['NextToken'] ?? 0);
    const page = org.listed.slice(start, start + 2);
    return { Accounts: page, ...(start + 2 < org.listed.length ? { NextToken: String(start + 2) } : {}) };
  });
  return {
    sent,
    restore: () => {
      for (const s of stubs.values()) s.restore();
    },
  };
}
