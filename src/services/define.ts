/**
 * What a service module is: everything archscan knows about one AWS service,
 * in one folder (src/services/<name>/). The registry (registry.ts) lists the
 * modules; the collector, `archscan permissions`, inventory building, the
 * check harness and the test fakes all iterate over it.
 *
 * A module's index.ts must not load the AWS SDK at run time (offline scans
 * never need it): the SDK bindings live in its collect.ts, loaded on demand
 * through `collector()`.
 */
import type { ServiceSource } from './source.js';
import type { CallKey, ModuleSpec } from './spec.js';

export type { ArnContext, CallKey, ModuleSpec, OperationSpec, RecordSpec } from './spec.js';

export interface InventoryContext {
  accountId: string;
  partition: string;
  /** The scanned regions, sorted. */
  regions: readonly string[];
}

export interface ServiceModule<C extends object = object, P extends object = object> extends ModuleSpec {
  readonly title: string;
  /** Modules whose collections `build` reads; they are built first. */
  readonly after?: readonly string[];
  /** Typed resources from the stored answers. `prior` holds what the `after` modules built. */
  build(src: ServiceSource, prior: P): C;
  /** The collections of an account in which this service holds nothing. */
  empty(ctx: InventoryContext): C;
  /** The SDK bindings for a live collection, loaded on demand. */
  collector(): Promise<ServiceCollector>;
}

/** A module of any collections, as the registry holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyServiceModule = ServiceModule<any, any>;

// ---------------------------------------------------------------------------
// Live collection bindings (collect.ts of each module)
// ---------------------------------------------------------------------------

/** An AWS SDK v3 client class. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ClientClass = new (config: any) => { send(command: any): Promise<any>; destroy(): void };
/** An AWS SDK v3 command class. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandClass = new (input: any) => unknown;
/** An SDK paginator (`paginateDescribeVpcs`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Paginator = (config: { client: any; pageSize?: number }, input: any) => AsyncIterable<object>;

export interface FanOutContext {
  /** The region (or `global`) the call is made for. */
  region: string;
  /** Every region scanned. */
  regions: readonly string[];
  /** The id of the feeding per-resource answer (when the feeding call is itself per resource). */
  feedId?: string;
  /** The region global calls use (STS, IAM, S3 listing). */
  homeRegion: string;
  /** The account being collected. */
  accountId: string;
}

export interface SendContext extends FanOutContext {
  /** Send another call of this module (a support call such as GenerateCredentialReport); undefined when it failed (recorded). */
  call(key: CallKey, input?: object): Promise<object | undefined>;
  /** A client of this binding's class in `region` (default: the binding's region). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  client(region?: string): any;
}

export interface Binding {
  client: ClientClass;
  command: CommandClass;
  /** Extra client settings (S3's followRegionRedirects). */
  clientConfig?: object;
  /** De-paginate with this SDK paginator. */
  paginator?: Paginator;
  pageSize?: number;
  /** The request: fixed, or built from the id of a per-resource call. */
  input?: object | ((id: string) => object);
  /** For a per-resource call: the ids to ask about, from the feeding answer (undefined when that call failed). */
  ids?: (feed: unknown, ctx: FanOutContext) => readonly string[];
  /** The region of the client for a call (a bucket's own region; CloudFront's us-east-1). */
  clientRegion?: (feed: unknown, ctx: FanOutContext) => string;
  /** A request that does not fit the above (polling, nested pagination); its answer is stored as returned. */
  send?: (ctx: SendContext, input: object) => Promise<object>;
}

export interface ServiceCollector {
  /** One binding per operation of the module, support calls included. */
  bindings: Readonly<Record<string, Binding>>;
}

/** Typing helper for a module definition. */
export function defineService<C extends object, P extends object = object>(m: ServiceModule<C, P>): ServiceModule<C, P> {
  return m;
}

// ---------------------------------------------------------------------------
// Test fakes (fake.ts of each module; never part of the build)
// ---------------------------------------------------------------------------

/** What a fake answers a call with: a response, a function of the request, or an SDK-style error to throw. */
export type FakeAnswer = object | ((input: Record<string, unknown>) => object) | Error;

/** A module's fake account data: per scope (`global` or a region), key -> answer. Keys left out answer `{}`. */
export type ServiceFake = (scope: string, account: string) => Readonly<Record<string, FakeAnswer | undefined>>;
