import { join } from 'node:path';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { getHomeDir, loadConfig, NODE_REGION_CONFIG_FILE_OPTIONS, parseKnownFiles } from '@smithy/core/config';
import type { NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Logger } from '@smithy/types';
import type { ClientClass } from '../services/define.js';
import { ScanRetryStrategy } from './retry.js';

export interface AwsOptions {
  /** A profile from the shared config and credentials files (SSO profiles included). */
  profile?: string;
  /** Assume this role (STS AssumeRole) with the base credentials before collecting. */
  roleArn?: string;
  externalId?: string;
  /** Session length of the assumed role, in seconds (default 3600, the AWS CLI's). */
  durationSeconds?: number;
  /** The MFA device --role-arn requires: its serial number or ARN. */
  mfaSerial?: string;
  /**
   * Answers an MFA challenge with the device's current code: for mfaSerial, or
   * for a profile whose role has `mfa_serial`. Called at most once per session.
   */
  mfaCode?: (serial: string) => Promise<string>;
  /** Attempts per call, including the first, for throttling (server errors get fewer). */
  maxAttempts: number;
  /** Per-request timeout. */
  timeoutMs: number;
  /** Where the SDK's own log lines go: nowhere unless --debug. */
  logger?: Logger;
}

/** A logger that drops everything: the SDK's own messages are for --debug only. */
export const SILENT: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/** The shared config and credentials files, where the SDK (and the AWS CLI) read them. */
export function sharedFiles(env: NodeJS.ProcessEnv = process.env): { config: string; credentials: string } {
  return {
    config: env['AWS_CONFIG_FILE'] || join(getHomeDir(), '.aws', 'config'),
    credentials: env['AWS_SHARED_CREDENTIALS_FILE'] || join(getHomeDir(), '.aws', 'credentials'),
  };
}

/** Every profile the shared config and credentials files define (read afresh, as the SDK parses them). */
export async function profileNames(): Promise<Set<string>> {
  return new Set(Object.keys(await parseKnownFiles({ ignoreCache: true })));
}

/**
 * The `region =` of a profile (the named one, else AWS_PROFILE, else
 * `default`), read by the SDK's own loader from the credentials, then the
 * config, file. Environment variables are the caller's business.
 */
export async function profileRegion(profile?: string): Promise<string | undefined> {
  const region = loadConfig<string | undefined>(
    { environmentVariableSelector: () => undefined, configFileSelector: (p) => p['region'], default: () => undefined },
    { ...NODE_REGION_CONFIG_FILE_OPTIONS, ignoreCache: true, ...(profile ? { profile } : {}) },
  );
  return (await region())?.trim() || undefined;
}

/**
 * One credential resolution for every client: each SDK client memoizes its
 * own, so without this a role would be assumed (and an MFA code asked for)
 * once per client. Resolved again only when the session is within five
 * minutes of expiry; a failure is not cached.
 */
export function shareCredentials(provider: AwsCredentialIdentityProvider, now: () => number = Date.now): AwsCredentialIdentityProvider {
  let value: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  const fresh = (c: AwsCredentialIdentity) => c.expiration === undefined || c.expiration.getTime() - now() > 300_000;
  return async (props) => {
    if (value && fresh(value)) return value;
    pending ??= provider(props)
      .then((c) => (value = c))
      .finally(() => (pending = undefined));
    return pending;
  };
}

/**
 * Credentials from the SDK's default provider chain (environment, shared
 * config/credentials files, SSO, web identity, container and instance roles),
 * or a named profile (its `role_arn`, `source_profile`, `mfa_serial`,
 * `duration_seconds` as the AWS CLI reads them), optionally assuming a role
 * in `region`. The STS clients that assume roles never get the debug logger:
 * the SDK logs AssumeRole's input, and its TokenCode is not marked sensitive.
 */
export function credentialsFor(o: AwsOptions, region: string): AwsCredentialIdentityProvider {
  const base = fromNodeProviderChain({
    ...(o.profile ? { profile: o.profile } : {}),
    ...(o.mfaCode ? { mfaCodeProvider: o.mfaCode } : {}),
    clientConfig: { logger: SILENT },
  });
  if (!o.roleArn) return shareCredentials(base);
  return shareCredentials(
    fromTemporaryCredentials({
      masterCredentials: base,
      params: {
        RoleArn: o.roleArn,
        RoleSessionName: 'archscan',
        DurationSeconds: o.durationSeconds ?? 3600,
        ...(o.externalId ? { ExternalId: o.externalId } : {}),
        ...(o.mfaSerial ? { SerialNumber: o.mfaSerial } : {}),
      },
      ...(o.mfaCode ? { mfaCodeProvider: o.mfaCode } : {}),
      logger: SILENT,
      clientConfig: { region, requestHandler: requestHandlerOptions(o) },
    }),
  );
}

function requestHandlerOptions(o: AwsOptions): NodeHttpHandlerOptions {
  return { connectionTimeout: Math.min(o.timeoutMs, 10_000), requestTimeout: o.timeoutMs };
}

/**
 * Shared client settings. AWS_ENDPOINT_URL(_<SERVICE>) is honoured by the SDK itself.
 * The request handler is given as options, not an instance, so that each
 * client builds its own: a shared handler would be torn down by the first
 * client.destroy() under the other services' requests in flight.
 */
export function clientConfig(region: string, credentials: AwsCredentialIdentityProvider, o: AwsOptions) {
  return {
    region,
    credentials,
    maxAttempts: o.maxAttempts,
    retryStrategy: new ScanRetryStrategy(o.maxAttempts),
    logger: o.logger ?? SILENT,
    requestHandler: requestHandlerOptions(o),
  };
}

export type ClientConfig = ReturnType<typeof clientConfig>;

/** One client per (class, region, extra settings), made on first use and destroyed together. */
export class ClientPool {
  private readonly clients = new Map<string, InstanceType<ClientClass>>();

  constructor(private readonly configFor: (region: string) => ClientConfig) {}

  get(Client: ClientClass, region: string, extra?: object): InstanceType<ClientClass> {
    const key = `${Client.name}\u0000${region}\u0000${extra ? JSON.stringify(extra) : ''}`;
    let c = this.clients.get(key);
    if (!c) this.clients.set(key, (c = new Client({ ...this.configFor(region), ...extra })));
    return c;
  }

  destroy(): void {
    for (const c of this.clients.values()) c.destroy();
    this.clients.clear();
  }
}
