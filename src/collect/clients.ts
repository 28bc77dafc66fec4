import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider, Logger } from '@smithy/types';
import type { ClientClass } from '../services/define.js';
import { ScanRetryStrategy } from './retry.js';

export interface AwsOptions {
  /** A profile from the shared config and credentials files (SSO profiles included). */
  profile?: string;
  /** Assume this role (STS AssumeRole) with the base credentials before collecting. */
  roleArn?: string;
  externalId?: string;
  /** Attempts per call, including the first, for throttling (server errors get fewer). */
  maxAttempts: number;
  /** Per-request timeout. */
  timeoutMs: number;
  /** Where the SDK's own log lines go: nowhere unless --debug. */
  logger?: Logger;
}

/** A logger that drops everything: the SDK's own messages are for --debug only. */
export const SILENT: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/**
 * Credentials from the SDK's default provider chain (environment, shared
 * config/credentials files, SSO, container and instance roles), or a named
 * profile, optionally assuming a role. The SDK caches and refreshes them.
 */
export function credentialsFor(o: AwsOptions): AwsCredentialIdentityProvider {
  const base = fromNodeProviderChain(o.profile ? { profile: o.profile } : {});
  if (!o.roleArn) return base;
  return fromTemporaryCredentials({
    masterCredentials: base,
    params: {
      RoleArn: o.roleArn,
      RoleSessionName: 'archscan',
      DurationSeconds: 3600,
      ...(o.externalId ? { ExternalId: o.externalId } : {}),
    },
  });
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
    requestHandler: { connectionTimeout: Math.min(o.timeoutMs, 10_000), requestTimeout: o.timeoutMs } satisfies NodeHttpHandlerOptions,
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
