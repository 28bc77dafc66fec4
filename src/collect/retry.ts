/**
 * Retries as a scanner needs them: throttling is retried with the SDK's
 * adaptive mode up to --max-attempts (the account is busy, the data will
 * come); a server error (5xx, a timeout, a reset connection) only a couple of
 * times (the service is failing: record it and move on); anything else never
 * (a denied call or an unparseable answer does not improve by asking again).
 */
import { AdaptiveRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken } from '@smithy/types';

/** Retries of a server error after the first attempt. */
export const SERVER_ERROR_RETRIES = 2;

export class ScanRetryStrategy implements RetryStrategyV2 {
  private readonly adaptive: AdaptiveRetryStrategy;
  /** Server-error retries spent per request (tokens are per request). */
  private readonly serverRetries = new WeakMap<RetryToken, number>();

  constructor(maxAttempts: number) {
    this.adaptive = new AdaptiveRetryStrategy(async () => maxAttempts);
  }

  acquireInitialRetryToken(scope: string): Promise<RetryToken> {
    return this.adaptive.acquireInitialRetryToken(scope);
  }

  async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const spent = this.serverRetries.get(token) ?? 0;
    if (info.errorType !== 'THROTTLING') {
      if (info.errorType === 'CLIENT_ERROR' || spent >= SERVER_ERROR_RETRIES) throw new Error('not retried');
    }
    const next = await this.adaptive.refreshRetryTokenForRetry(token as StandardRetryToken, info);
    this.serverRetries.set(next, info.errorType === 'THROTTLING' ? spent : spent + 1);
    return next;
  }

  recordSuccess(token: RetryToken): void {
    this.adaptive.recordSuccess(token as StandardRetryToken);
  }

  /** The mode the SDK reports in its user agent. */
  readonly mode = 'adaptive';
}
