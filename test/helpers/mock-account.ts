/**
 * One AWS fake for the collector tests: every command the registered service
 * modules' bindings can send is answered through aws-sdk-client-mock, from
 * the data each module's fake.ts serves (or what a test puts in its place).
 * A new module shows up here with no edit.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mockClient } from 'aws-sdk-client-mock';
import type { AnyServiceModule, ClientClass, CommandClass, FakeAnswer, ServiceFake } from '../../src/services/define.js';
import { SERVICES } from '../../src/services/registry.js';

export const ACCOUNT = '333344445555';
export const TRAIL_ARN = `arn:aws:cloudtrail:ap-south-1:${ACCOUNT}:trail/org-audit`;
/** The regions of the fake account (me-central-1 exists but is not opted in). */
export const FAKE_REGIONS = ['ap-south-1', 'ap-south-2'];

/** The slice of aws-sdk-client-mock's stub this helper uses. */
interface AnyStub {
  on(command: unknown): { callsFake(fn: (input: Record<string, unknown>, getClient: () => { config: { region: () => Promise<string> } }) => unknown): unknown };
  restore(): void;
}

/** An AWS SDK-style service error. */
export function awsError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });
}

export type Answer = FakeAnswer;
/** Per region (or `global`): service:Operation -> answer. Missing operations answer an empty object. */
export type FakeAccount = Record<string, Record<string, Answer>>;

export interface MockedAccount {
  /** Every command sent, as service:Operation with the client's region. */
  sent: { key: string; region: string; input: Record<string, unknown> }[];
  restore(): void;
}

const SERVICES_DIR = fileURLToPath(new URL('../../src/services/', import.meta.url));

/** Each module's fake.ts, by module name (modules without one serve nothing). */
export async function moduleFakes(modules: readonly AnyServiceModule[] = SERVICES): Promise<Record<string, ServiceFake>> {
  const present = new Set(readdirSync(SERVICES_DIR));
  const out: Record<string, ServiceFake> = {};
  for (const m of modules) {
    if (!present.has(m.name)) continue;
    try {
      out[m.name] = ((await import(`../../src/services/${m.name}/fake.ts`)) as { default: ServiceFake }).default;
    } catch (e) {
      if ((e as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND' && !/Failed to load url|Cannot find module/.test(String(e))) throw e;
    }
  }
  return out;
}

/** The fake account: every module's fake data for `global` and each region, merged. */
export async function fakeAccount(
  o: { modules?: readonly AnyServiceModule[]; fakes?: Record<string, ServiceFake>; account?: string; regions?: string[] } = {},
): Promise<FakeAccount> {
  const fakes = { ...(await moduleFakes(o.modules)), ...o.fakes };
  const account = o.account ?? ACCOUNT;
  const out: FakeAccount = {};
  for (const scope of ['global', ...(o.regions ?? FAKE_REGIONS)]) {
    out[scope] = Object.assign({}, ...Object.values(fakes).map((f) => f(scope, account))) as Record<string, Answer>;
  }
  return out;
}

/** service:Operation -> the client and command that send it, from the modules' bindings. */
export async function commandsOf(modules: readonly AnyServiceModule[] = SERVICES): Promise<Record<string, [ClientClass, CommandClass]>> {
  const out: Record<string, [ClientClass, CommandClass]> = {};
  for (const m of modules) {
    const { bindings } = await m.collector();
    for (const [key, b] of Object.entries(bindings)) out[key] = [b.client, b.command];
  }
  return out;
}

/** `latencyMs`: every answer waits this long first, as a distant endpoint would (for the collection bench). */
export async function mockAccount(account: FakeAccount, modules: readonly AnyServiceModule[] = SERVICES, o: { latencyMs?: number } = {}): Promise<MockedAccount> {
  const commands = await commandsOf(modules);
  const global = new Set<string>(modules.flatMap((m) => m.operations.filter((op) => op.scope === 'global').map((op) => op.key)));
  const stubs = new Map<ClientClass, AnyStub>();
  const sent: MockedAccount['sent'] = [];
  for (const [key, [Client, Command]] of Object.entries(commands)) {
    let stub = stubs.get(Client);
    if (!stub) {
      stub = mockClient(Client as never) as unknown as AnyStub;
      stubs.set(Client, stub);
    }
    stub.on(Command).callsFake(async (input, getClient) => {
      const region = global.has(key) ? 'global' : await getClient().config.region();
      sent.push({ key, region, input: { ...input } }); // paginators reuse the input object
      if (o.latencyMs) await new Promise((r) => setTimeout(r, o.latencyMs));
      const answer = account[region]?.[key] ?? {};
      if (answer instanceof Error) throw answer;
      return typeof answer === 'function' ? answer(input) : structuredClone(answer);
    });
  }
  return {
    sent,
    restore: () => {
      for (const stub of stubs.values()) stub.restore();
    },
  };
}
