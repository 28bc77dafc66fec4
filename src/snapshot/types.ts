/**
 * Snapshot format v1: raw, read-only AWS API responses, exactly as the API
 * returns them (the JSON `aws <service> <operation> --output json` prints),
 * de-paginated, keyed by `service:Operation` (which is also the IAM action
 * the call needs). See schemas/snapshot.schema.json.
 */

export const SNAPSHOT_FORMAT = 'archscan-snapshot';
export const SNAPSHOT_FORMAT_VERSION = 1;
/** Region name used for global services (IAM) in errors and results. */
export const GLOBAL_REGION = 'global';

export interface SnapshotMetadata {
  format: typeof SNAPSHOT_FORMAT;
  formatVersion: typeof SNAPSHOT_FORMAT_VERSION;
  accountId: string;
  partition: string;
  /** The regions that were collected (and so are scanned). */
  regions: string[];
  /** ISO 8601; also the "now" against which ages (access keys) are measured. */
  collectedAt: string;
  collectorVersion: string;
  /** Regions skipped (not opted in), with the reason. */
  skippedRegions?: { region: string; reason: string }[];
}

/** Responses of one scope (a region, or the global services). */
export interface SnapshotScope {
  /** Account-wide calls: `service:Operation` -> the de-paginated response. */
  calls: Record<string, unknown>;
  /** Per-resource calls: `service:Operation` -> resource id -> response. */
  perResource: Record<string, Record<string, unknown>>;
}

/** A call that failed. Never dropped: the checks that needed it report `error`. */
export interface CallError {
  service: string;
  operation: string;
  /** A region name or `global`. */
  region: string;
  /** The resource id for a per-resource call. */
  resource?: string;
  /** The AWS error code (AccessDenied, NoSuchEntity, ...). */
  code: string;
  message: string;
  /** For an answer that could not be read (code MalformedResponse): the JSON pointer of the bad value in the snapshot ... */
  path?: string;
  /** ... and what was expected there. Never in a snapshot's own `errors`: found when the snapshot is read. */
  expected?: string;
}

export interface Snapshot {
  metadata: SnapshotMetadata;
  global: SnapshotScope;
  regions: Record<string, SnapshotScope>;
  errors: CallError[];
}

/** `service:Operation`, e.g. `ec2:DescribeSecurityGroups`. */
export type CallKey = `${string}:${string}`;
