import type { AnyServiceModule, InventoryContext } from '../services/define.js';
import { SERVICES } from '../services/registry.js';
import { ServiceSource } from '../services/source.js';
import type { Snapshot } from '../snapshot/types.js';
import type { Resource } from './base.js';
import type { Inventory } from './types.js';

const byArnOrder = (a: Resource, b: Resource): number => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0);

/** The modules in build order: each after the modules it reads (`after`), otherwise in registry order. */
export function buildOrder(modules: readonly AnyServiceModule[]): AnyServiceModule[] {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const done = new Set<string>();
  const order: AnyServiceModule[] = [];
  const visit = (m: AnyServiceModule, path: string[]) => {
    if (done.has(m.name)) return;
    if (path.includes(m.name)) throw new Error(`service modules read each other in a cycle: ${[...path, m.name].join(' -> ')}`);
    for (const dep of m.after ?? []) {
      const d = byName.get(dep);
      if (!d) throw new Error(`${m.name} is built after ${dep}, which is not registered`);
      visit(d, [...path, m.name]);
    }
    done.add(m.name);
    order.push(m);
  };
  for (const m of modules) visit(m, []);
  return order;
}

/** Every resource of a set of collections: list items and single resources that have an ARN. */
export function* resourcesOf(collections: object): Generator<Resource> {
  for (const v of Object.values(collections)) {
    if (Array.isArray(v)) {
      for (const r of v) if (r && typeof r === 'object' && 'arn' in r) yield r as Resource;
    } else if (v && typeof v === 'object' && 'arn' in v) yield v as Resource;
  }
}

/** The collections of an account in which no service holds anything. */
export function emptyCollections(ctx: InventoryContext, modules: readonly AnyServiceModule[] = SERVICES): Record<string, unknown> {
  return Object.assign({}, ...modules.map((m) => m.empty(ctx)));
}

/**
 * Turn a snapshot into the typed inventory, once: each service module builds
 * its collections from its own answers. Nothing here throws on content: what
 * cannot be read is in `failures`, `unreadable` and `dataErrors`.
 */
export function buildInventory(snapshot: Snapshot, modules: readonly AnyServiceModule[] = SERVICES): Inventory {
  const src = new ServiceSource(snapshot, modules);
  const { partition, accountId, collectedAt } = snapshot.metadata;
  const regions = [...src.regions];
  const collections: Record<string, unknown> = {};
  for (const m of buildOrder(modules)) Object.assign(collections, m.build(src, collections));
  const byArn = new Map<string, Resource>();
  for (const v of Object.values(collections)) if (Array.isArray(v) && v.length > 0 && 'arn' in v[0]) (v as Resource[]).sort(byArnOrder);
  for (const r of resourcesOf(collections)) byArn.set(r.arn, r);
  return {
    accountId,
    partition,
    regions,
    collectedAt,
    ...collections,
    byArn,
    failures: src.failures,
    unreadable: src.unreadable,
    dataErrors: src.dataErrors,
  } as unknown as Inventory;
}
