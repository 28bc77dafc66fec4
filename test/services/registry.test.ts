/**
 * The service-module registry is the one list everything iterates: these
 * tests hold every module to its declarations, and show that a new module
 * (a toy, registered only here) reaches the IAM policy, the operations
 * table, collection, the fakes and the inventory with no other edit.
 */
import { readFileSync } from 'node:fs';
import { DescribeCustomKeyStoresCommand, KMSClient } from '@aws-sdk/client-kms';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../src/collect/collect.js';
import { minimalPolicy, requiredActions } from '../../src/collect/permissions.js';
import { buildInventory, emptyCollections } from '../../src/inventory/build.js';
import type { Resource } from '../../src/inventory/base.js';
import { defineService, type AnyServiceModule, type ServiceModule } from '../../src/services/define.js';
import { operationsOf, READ_ONLY } from '../../src/services/operations.js';
import { SERVICES } from '../../src/services/registry.js';
import type { ShapeTable } from '../../src/services/shape.js';
import { isPrimitive } from '../../src/services/shape.js';
import { moduleNames, render, shapesFor } from '../../scripts/gen-shapes.js';
import { commandsOf, fakeAccount, mockAccount, type MockedAccount } from '../helpers/mock-account.js';
import { ROOT } from '../helpers/cli.js';

const modules = SERVICES as readonly AnyServiceModule[];

describe('every registered module', () => {
  it('is registered under its folder name, once', () => {
    expect(modules.map((m) => m.name).sort()).toEqual(moduleNames());
  });

  it.each(modules.map((m) => [m.name, m] as const))('%s: every operation has a shape generated from the SDK model', (_, m) => {
    for (const op of m.operations) {
      const output = m.shapes.outputs[op.key];
      expect(output, `${op.key} has no output shape: run npm run shapes`).toBeDefined();
      expect(m.shapes.structures[output!], op.key).toBeDefined();
    }
  });

  it.each(modules.map((m) => [m.name, m] as const))('%s: what it says an adapter needs, or reads as "not set", exists in the SDK shapes', (_, m) => {
    for (const op of m.operations) {
      for (const [struct, members] of Object.entries({ ...op.needs, ...op.unset })) {
        const known = m.shapes.structures[struct];
        expect(known, `${op.key}: no structure ${struct} in the SDK model`).toBeDefined();
        for (const member of members) expect(known![member], `${op.key}: ${struct}.${member} is not in the SDK model`).toBeDefined();
      }
    }
  });

  it.each(modules.map((m) => [m.name, m] as const))('%s: record paths lead to lists of structures in the shapes', (_, m) => {
    for (const op of m.operations) {
      for (const record of op.records ?? []) {
        let ref: unknown = m.shapes.outputs[op.key];
        for (const segment of record.path.split('/')) {
          if (segment === '*') {
            expect(Array.isArray(ref), `${op.key} ${record.path}: * is not a list`).toBe(true);
            ref = (ref as unknown[])[0];
          } else {
            expect(typeof ref === 'string' && !isPrimitive(ref), `${op.key} ${record.path}: ${segment} is not in a structure`).toBe(true);
            ref = m.shapes.structures[ref as string]![segment];
          }
        }
        expect(typeof ref === 'string' && !isPrimitive(ref), `${op.key} ${record.path}: records are structures`).toBe(true);
      }
    }
  });

  it.each(modules.map((m) => [m.name, m] as const))('%s: per-resource calls are fed by a call of the same module and scope', (_, m) => {
    for (const op of m.operations) {
      if (!op.perResource) continue;
      const feeder = m.operations.find((o) => o.key === op.perResource!.from);
      expect(feeder, `${op.key} is fed by ${op.perResource.from}`).toBeDefined();
      expect(feeder!.scope).toBe(op.scope);
    }
  });

  it('declares only read-only operations, each key once across modules', () => {
    const ops = operationsOf();
    for (const op of ops) expect(op.key).toMatch(READ_ONLY);
    expect(new Set(ops.map((o) => o.key)).size).toBe(ops.length);
  });

  it('binds every operation it declares to an SDK client and command, and nothing else', async () => {
    for (const m of modules) {
      const { bindings } = await m.collector();
      expect(Object.keys(bindings).sort(), m.name).toEqual(m.operations.map((o) => o.key).sort());
    }
  });

  it('has shapes.generated.ts files that match the installed SDK models (npm run shapes)', { timeout: 120_000 }, async () => {
    for (const name of moduleNames()) {
      const ops = (await import(`../../src/services/${name}/operations.ts`)) as Parameters<typeof shapesFor>[0];
      const expected = render(name, await shapesFor(ops));
      expect(readFileSync(`${ROOT}src/services/${name}/shapes.generated.ts`, 'utf8'), `${name}: run npm run shapes`).toBe(expected);
    }
  });
});

// ---------------------------------------------------------------------------
// A toy module, registered only in this test
// ---------------------------------------------------------------------------

const TOY_KEY = 'kms:DescribeCustomKeyStores';

interface CustomKeyStore extends Resource {
  type: 'AWS::KMS::CustomKeyStore';
  state: string;
}

let toy: ServiceModule<{ customKeyStores: CustomKeyStore[] }>;

beforeAll(async () => {
  const operations = [
    {
      key: TOY_KEY,
      scope: 'regional',
      records: [{ path: 'CustomKeyStores/*', type: 'AWS::KMS::CustomKeyStore', id: 'CustomKeyStoreId', arnOf: (id: string) => `arn:aws:kms:::custom-key-store/${id}` }],
      needs: { CustomKeyStoresListEntry: ['CustomKeyStoreId', 'ConnectionState'] },
    },
  ] as const;
  const shapes: ShapeTable = await shapesFor({ SDK: { kms: '@aws-sdk/client-kms' }, OPERATIONS: operations });
  toy = defineService({
    name: 'toy',
    title: 'A toy service',
    operations,
    shapes,
    build: (src) => ({
      customKeyStores: src.regions.flatMap((region) =>
        src.records<{ CustomKeyStoreId: string; ConnectionState: string }, CustomKeyStore>(region, TOY_KEY, 'CustomKeyStores/*', (s) => ({
          type: 'AWS::KMS::CustomKeyStore',
          arn: `arn:aws:kms:${region}:${src.accountId}:custom-key-store/${s.CustomKeyStoreId}`,
          id: s.CustomKeyStoreId,
          account: src.accountId,
          region,
          tags: {},
          state: s.ConnectionState,
        })),
      ),
    }),
    empty: () => ({ customKeyStores: [] }),
    collector: async () => ({ bindings: { [TOY_KEY]: { client: KMSClient, command: DescribeCustomKeyStoresCommand } } }),
  });
});

const toyFake = (scope: string) => (scope === 'global' ? {} : { [TOY_KEY]: { CustomKeyStores: [{ CustomKeyStoreId: `cks-${scope}`, ConnectionState: 'CONNECTED' }] } });

let mocked: MockedAccount | undefined;
const saved = { ...process.env };
afterEach(() => {
  mocked?.restore();
  mocked = undefined;
  process.env = { ...saved };
});

describe('adding a service is a module and one registry line', () => {
  it('its read-only action joins the generated IAM policy and the operations table', () => {
    expect(requiredActions()).not.toContain(TOY_KEY);
    const withToy = [...modules, toy];
    expect(requiredActions(withToy)).toContain(TOY_KEY);
    expect((minimalPolicy(withToy) as { Statement: { Action: string[] }[] }).Statement[0]!.Action).toContain(TOY_KEY);
    expect(operationsOf(withToy).map((o) => o.key)).toContain(TOY_KEY);
  });

  it('the fake AWS serves it, the collector calls it, and the inventory builds it', async () => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIATOYEXAMPLE000001', AWS_SECRET_ACCESS_KEY: 'toy-secret-not-real', AWS_EC2_METADATA_DISABLED: 'true' });
    const withToy = [...modules, toy];
    expect(Object.keys(await commandsOf(withToy))).toContain(TOY_KEY);
    mocked = await mockAccount(await fakeAccount({ modules: withToy, fakes: { toy: toyFake } }), withToy);
    const snapshot = await collectSnapshot(
      { homeRegion: 'ap-south-1', concurrency: 8, maxAttempts: 1, timeoutMs: 5000, now: new Date('2026-11-20T06:00:00Z'), collectorVersion: 'test' },
      withToy,
    );
    expect(snapshot.regions['ap-south-2']!.calls[TOY_KEY]).toEqual({ CustomKeyStores: [{ CustomKeyStoreId: 'cks-ap-south-2', ConnectionState: 'CONNECTED' }] });
    const inv = buildInventory(snapshot, withToy) as unknown as { customKeyStores: CustomKeyStore[]; byArn: Map<string, Resource> };
    expect(inv.customKeyStores.map((s) => [s.id, s.state])).toEqual([
      ['cks-ap-south-1', 'CONNECTED'],
      ['cks-ap-south-2', 'CONNECTED'],
    ]);
    expect(inv.byArn.has('arn:aws:kms:ap-south-1:333344445555:custom-key-store/cks-ap-south-1')).toBe(true);

    // Its answers are checked against the SDK's shape like any module's: a bad record is unreadable on its own.
    const bad = structuredClone(snapshot);
    (bad.regions['ap-south-1']!.calls[TOY_KEY] as { CustomKeyStores: object[] }).CustomKeyStores.push({ CustomKeyStoreId: 'cks-broken', ConnectionState: 7 });
    const invBad = buildInventory(bad, withToy);
    expect((invBad as unknown as { customKeyStores: CustomKeyStore[] }).customKeyStores).toHaveLength(2);
    expect(invBad.unreadable.get(TOY_KEY)?.get('ap-south-1')?.map((r) => [r.resource?.id, r.error.path, r.error.expected])).toEqual([
      ['cks-broken', `/regions/ap-south-1/calls/${TOY_KEY}/CustomKeyStores/1/ConnectionState`, 'a string'],
    ]);
  });

  it('its collections are in every empty inventory (the check harness builds on it)', () => {
    expect(emptyCollections({ accountId: '1', partition: 'aws', regions: [] }, [...modules, toy])).toHaveProperty('customKeyStores', []);
  });
});
