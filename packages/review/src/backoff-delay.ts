/** How long to wait before another attempt at a failed request. */

export interface BackoffOptions {
  /**
   * The wait before the first retry; each further retry doubles it.
   * @default 500
   */
  backoffMs?: number;
  /**
   * The longest wait, whether doubled or asked for by the endpoint (`Retry-After`).
   * @default 8000
   */
  maxBackoffMs?: number;
}

/** Half a second, doubling: the usual start for HTTP clients of rate-limited APIs. */
export const DEFAULT_BACKOFF_MS = 500;

/** Eight seconds: after 500, 1000, 2000 and 4000 ms, a longer wait rarely helps a batch run. */
export const DEFAULT_MAX_BACKOFF_MS = 8000;

/**
 * The wait before retry number `retry` (0 for the first retry): exponential backoff with "equal
 * jitter", half fixed and half random, so that parallel requests that failed together do not
 * retry together. A `Retry-After` from the endpoint is honoured up to `maxBackoffMs`.
 *
 * @example
 * backoffDelay(2, {}, () => 0) // => 1000 (half of 500 x 2^2)
 * backoffDelay(2, {}, () => 1) // => 2000
 * backoffDelay(0, {}, () => 0, 3000) // => 3000
 */
export function backoffDelay(
  retry: number,
  options: BackoffOptions,
  random: () => number,
  retryAfterMs?: number,
): number {
  const base = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const cap = options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;

  // Doubling from the base, capped, then jittered between half and all of it.
  const full = Math.min(cap, base * 2 ** retry);
  const jittered = full / 2 + random() * (full / 2);

  // The endpoint's own request wins when it asks for longer, within the cap.
  if (retryAfterMs === undefined) return Math.round(jittered);
  return Math.round(Math.max(jittered, Math.min(retryAfterMs, cap)));
}
