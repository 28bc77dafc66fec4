/**
 * What a service module declares about the calls it makes (see define.ts for
 * the module itself): a leaf of the services folder, read by the snapshot
 * reader (source.ts) and the shape generator alike.
 */
import type { Required, ShapeTable } from './shape.js';

export type CallKey = `${string}:${string}`;

/** Where an operation's answer holds resources, so that one bad record is unreadable on its own. */
export interface RecordSpec {
  /** Path of the records in the response, `*` for every item of a list: `SecurityGroups/*`. */
  path: string;
  /** The resource type the records become (a check on that type gets one `error` per bad record). */
  type: string;
  /** Member holding the record's ARN ... */
  arn?: string;
  /** ... or the member holding its short id, and how an ARN is made of it. */
  id?: string;
  arnOf?: (id: string, at: ArnContext) => string;
}

export interface ArnContext {
  partition: string;
  accountId: string;
  /** A region name, or `global`. */
  region: string;
}

export interface OperationSpec {
  /** `service:Operation`: the snapshot key, and the IAM action unless `iamAction` says otherwise. */
  key: CallKey;
  /** `global` calls are made once (IAM, S3 listing); `regional` in every scanned region. */
  scope: 'global' | 'regional';
  /** The IAM action the call needs, when it is not the key itself (S3, API Gateway, Access Analyzer). */
  iamAction?: string;
  /**
   * Error codes that mean "this feature is not set up" rather than "the call
   * failed": data, not an error (no password policy is a finding, not a gap).
   */
  absentCodes?: readonly string[];
  /**
   * Error codes that mean "this call does not apply to this resource" (KMS
   * rotation of an asymmetric key): the resource is not applicable, and the
   * failure is not listed among the scan's errors.
   */
  inapplicableCodes?: readonly string[];
  /** A call the collector sends to prepare or locate data, never stored (why it is needed). */
  support?: string;
  /** A call the collector makes before any module, to plan the collection (why); its answer is stored like any other. */
  plan?: string;
  /** A per-resource call (stored under `perResource[key][id]`): the call whose answer names the ids, and what an id is. */
  perResource?: { from: CallKey; id: string };
  /** Request parameters that narrow the answer, when the collector sends any. */
  request?: string;
  /** Where the answer holds resources (see RecordSpec). */
  records?: readonly RecordSpec[];
  /**
   * Members the adapter needs, by SDK structure name: a record without them
   * (or with an empty string for a needed string) is unreadable.
   */
  needs?: Required;
  /**
   * Members the adapter reads whose absence (or an empty string) is how AWS
   * says "not set": a trail's KmsKeyId, an instance's PublicIpAddress. Every
   * other member a verdict depends on belongs in `needs`; the mutation test
   * (test/robustness) holds modules to that.
   */
  unset?: Required;
}

/** What the snapshot reader needs of a module: its name, operations and shapes. */
export interface ModuleSpec {
  /** The folder name, and the service prefix of most of its keys. */
  readonly name: string;
  readonly operations: readonly OperationSpec[];
  /** Generated from the AWS SDK models (shapes.generated.ts). */
  readonly shapes: ShapeTable;
}
