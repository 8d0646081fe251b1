/** The error a `ChatProvider` throws when one request fails, with whether to try again. */

/**
 * Why a request failed. `timeout`, `network`, `rate_limited` and `server` are worth another
 * attempt; `rejected` (a 4xx other than 408 and 429), `bad_response` and `cancelled` are not.
 */
export type ProviderErrorKind =
  'timeout' | 'network' | 'rate_limited' | 'server' | 'rejected' | 'bad_response' | 'cancelled';

const RETRYABLE: ReadonlySet<ProviderErrorKind> = new Set([
  'timeout',
  'network',
  'rate_limited',
  'server',
]);

/**
 * One failed request to a model endpoint.
 *
 * @example
 * new ProviderError('server', 'HTTP 503 Service Unavailable').retryable // => true
 */
export class ProviderError extends Error {
  readonly code = 'PROVIDER_ERROR';
  readonly kind: ProviderErrorKind;
  readonly retryable: boolean;
  /** The HTTP status, when the endpoint answered. */
  readonly status?: number;
  /** How long the endpoint asked us to wait (a `Retry-After` header), in milliseconds. */
  readonly retryAfterMs?: number;

  constructor(
    kind: ProviderErrorKind,
    message: string,
    details: { status?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
    this.kind = kind;
    this.retryable = RETRYABLE.has(kind);
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}
