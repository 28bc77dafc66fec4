/**
 * What every part of the typed inventory shares: a resource's identity,
 * observed-or-failed values, and IAM-style policy documents (IAM, S3 and KMS
 * all hold them). Service modules build their resource types on these.
 */
import type { CallError } from '../snapshot/types.js';

export type { CallError };

/** A value that was either observed, or whose call failed (or was never made, or could not be read). */
export type Observed<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** What every resource carries: enough to name it in a finding. */
export interface Resource {
  /** A CloudFormation-style type, `AWS::EC2::SecurityGroup`. */
  type: string;
  arn: string;
  /** The short id a person would search for (sg-..., a key id, a user name). */
  id: string;
  account: string;
  /** A region name, or `global` for IAM. */
  region: string;
  name?: string;
  tags: Record<string, string>;
}

/** The resource a result is about. `id: '*'` stands for "every resource of the type in that region". */
export type ResourceRef = Pick<Resource, 'type' | 'arn' | 'id' | 'account' | 'region'> & { name?: string };

/** One statement of an IAM policy, normalised: single values become lists. */
export interface PolicyStatement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  notActions: string[];
  resources: string[];
  notResources: string[];
  /** Principals of a resource policy: `*`, or `{type: values}` flattened to `type:value` strings. */
  principals: string[];
  hasCondition: boolean;
  /** Condition operator -> key -> values, keys as written. */
  conditions: Record<string, Record<string, string[]>>;
}

export interface PolicyDocument {
  statements: PolicyStatement[];
}

/**
 * The tag map of every untagged resource: one frozen object, not an empty
 * one each (most resources of a large account carry no tags). Frozen, so
 * code that tried to add a tag to it would fail loudly.
 */
const NO_TAGS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** `{Key, Value}` tag lists as a map. */
export function tagMap(tags: { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  if (tags === undefined || tags.length === 0) return NO_TAGS;
  const out: Record<string, string> = {};
  for (const t of tags) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
  return out;
}

export function nameTag(tags: Record<string, string>): { name?: string } {
  return tags['Name'] !== undefined ? { name: tags['Name'] } : {};
}

/**
 * What every resource of a module carries, keys always in this order and
 * `name` (from the Name tag) added last, so that the resources of one type
 * share one V8 hidden class. Building resources as `{...base, more}` gave
 * nearly every one its own (17,592 for 17,600 security groups), which cost
 * memory and made every check's property reads megamorphic. Add the rest of
 * a resource's members with `Object.assign(resourceBase(...), {...})`.
 */
export function resourceBase<T extends string>(type: T, arn: string, id: string, account: string, region: string, tags: Record<string, string>) {
  const r: { type: T; arn: string; id: string; account: string; region: string; tags: Record<string, string>; name?: string } = { type, arn, id, account, region, tags };
  if (tags['Name'] !== undefined) r.name = tags['Name'];
  return r;
}

/** JSON as it sits in a snapshot: the SDK's output types with dates as ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends Uint8Array
    ? string
    : T extends (infer U)[]
      ? Json<U>[]
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

/** A raw response as stored: the SDK v3 output type without `$metadata`. */
export type Raw<T> = Json<Omit<T, '$metadata'>>;
