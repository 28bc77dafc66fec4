import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

export interface AwsOptions {
  /** A profile from the shared config and credentials files (SSO profiles included). */
  profile?: string;
  /** Assume this role (STS AssumeRole) with the base credentials before collecting. */
  roleArn?: string;
  externalId?: string;
  /** Attempts per call, including the first, under the SDK's adaptive retry mode. */
  maxAttempts: number;
  /** Per-request timeout. */
  timeoutMs: number;
}

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
 * collector's client.destroy() under the other services' requests in flight.
 */
export function clientConfig(region: string, credentials: AwsCredentialIdentityProvider, o: AwsOptions) {
  return {
    region,
    credentials,
    retryMode: 'adaptive' as const,
    maxAttempts: o.maxAttempts,
    requestHandler: { connectionTimeout: Math.min(o.timeoutMs, 10_000), requestTimeout: o.timeoutMs } satisfies NodeHttpHandlerOptions,
  };
}

export type ClientConfig = ReturnType<typeof clientConfig>;
