/**
 * Collect one service module in one scope (a region, or the global calls):
 * every account-wide operation once, and every per-resource operation for the
 * ids its feeding call names, as soon as that call has answered. Driven only
 * by the module's declarations (operations.ts) and bindings (collect.ts).
 */
import type { AnyServiceModule, Binding, CallKey, FanOutContext, OperationSpec, SendContext, ServiceCollector } from '../services/define.js';
import { GLOBAL_REGION } from '../snapshot/types.js';
import type { ClientPool } from './clients.js';
import { allPages } from './paginate.js';
import type { Recorder } from './recorder.js';

export interface ScopeContext {
  rec: Recorder;
  pool: ClientPool;
  /** A region, or `global`. */
  region: string;
  regions: readonly string[];
  homeRegion: string;
  accountId: string;
}

/** What an operation answered: one response, or one per resource id (undefined where the call failed). */
type Answer = { kind: 'single'; response: object | undefined } | { kind: 'each'; responses: Map<string, object | undefined> };

function bindingOf(collector: ServiceCollector, module: AnyServiceModule, key: string): Binding {
  const b = collector.bindings[key];
  if (!b) throw new Error(`${module.name}/collect.ts has no binding for ${key}`);
  return b;
}

/** Send one request as the binding says: a custom send, a paginator, or the command. */
export async function sendOnce(binding: Binding, ctx: FanOutContext, pool: ClientPool, input: object, clientRegion: string, call: SendContext['call']): Promise<object> {
  const client = (region = clientRegion) => pool.get(binding.client, region, binding.clientConfig);
  if (binding.send) return binding.send({ ...ctx, call, client }, input);
  if (binding.paginator) return allPages(binding.paginator({ client: client(), ...(binding.pageSize ? { pageSize: binding.pageSize } : {}) }, input));
  return (await client().send(new binding.command(input))) as object;
}

export async function collectScope(module: AnyServiceModule, collector: ServiceCollector, ctx: ScopeContext): Promise<void> {
  const scope = ctx.region === GLOBAL_REGION ? 'global' : 'regional';
  const ops = module.operations.filter((o) => o.scope === scope && o.support === undefined && o.plan === undefined);
  const fan: FanOutContext = { region: ctx.region, regions: ctx.regions, homeRegion: ctx.homeRegion, accountId: ctx.accountId };
  const defaultRegion = ctx.region === GLOBAL_REGION ? ctx.homeRegion : ctx.region;

  // Support calls (GenerateCredentialReport) are sent from inside another call's send, under its slots, and never stored.
  const call: SendContext['call'] = (key: CallKey, input: object = {}) => {
    const binding = bindingOf(collector, module, key);
    return ctx.rec.callWithin(ctx.region, key, () => sendOnce(binding, fan, ctx.pool, input, defaultRegion, call));
  };

  const answers = new Map<string, Promise<Answer>>();
  const run = async (op: OperationSpec): Promise<Answer> => {
    const binding = bindingOf(collector, module, op.key);
    if (!op.perResource) {
      const input = typeof binding.input === 'function' ? {} : (binding.input ?? {});
      const region = binding.clientRegion?.(undefined, fan) ?? defaultRegion;
      const response = await ctx.rec.call(ctx.region, op.key, () => sendOnce(binding, fan, ctx.pool, input, region, call));
      if (response) ctx.rec.put(ctx.region, op.key, response);
      return { kind: 'single', response };
    }
    const feeder = answers.get(op.perResource.from);
    if (!feeder) throw new Error(`${op.key} is fed by ${op.perResource.from}, which ${module.name} does not collect in the same scope`);
    const feed = await feeder;
    // (id, the feeding answer it came from) for every resource to ask about.
    const wanted: [string, unknown, string | undefined][] =
      feed.kind === 'single'
        ? feed.response === undefined
          ? []
          : (binding.ids?.(feed.response, fan) ?? []).map((id) => [id, feed.response, undefined])
        : [...feed.responses].flatMap(([feedId, response]) => (binding.ids?.(response, { ...fan, feedId }) ?? []).map((id) => [id, response, feedId] as [string, unknown, string]));
    const responses = new Map<string, object | undefined>();
    await Promise.all(
      [...new Map(wanted.map((w) => [w[0], w])).values()].map(async ([id, response, feedId]) => {
        const at = feedId === undefined ? fan : { ...fan, feedId };
        const input = typeof binding.input === 'function' ? binding.input(id) : (binding.input ?? {});
        const region = binding.clientRegion?.(response, at) ?? defaultRegion;
        const answer = await ctx.rec.call(ctx.region, op.key, () => sendOnce(binding, at, ctx.pool, input, region, call), id);
        if (answer) ctx.rec.putResource(ctx.region, op.key, id, answer);
        responses.set(id, answer);
      }),
    );
    return { kind: 'each', responses };
  };
  // Account-wide calls start at once; per-resource calls wait on their feeding call.
  for (const op of ops.filter((o) => !o.perResource)) answers.set(op.key, run(op));
  const pending = ops.filter((o) => o.perResource);
  while (pending.length > 0) {
    const ready = pending.findIndex((o) => answers.has(o.perResource!.from));
    if (ready < 0) throw new Error(`${module.name}: ${pending.map((o) => o.key).join(', ')} are fed by calls it does not collect in this scope`);
    const [op] = pending.splice(ready, 1);
    answers.set(op!.key, run(op!));
  }
  await Promise.all(answers.values());
}
