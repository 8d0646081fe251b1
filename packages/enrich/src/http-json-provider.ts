/**
 * A provider that asks an HTTP service for a company's record as JSON (a data vendor's API, an
 * internal enrichment service), with a timeout, retries with exponential backoff, a limit on
 * requests in flight and a cache.
 */
import { FitgateError } from '@fitgate/core';
import type {
  EnrichCallOptions,
  EnrichmentInput,
  EnrichmentProvider,
  ProviderResult,
} from './enrichment-types.js';
import { createLimiter } from './limiter.js';

/** Options of `httpJsonProvider`. */
export interface HttpJsonProviderOptions {
  /**
   * The request URL, with `{domain}`, `{email}` and `{company}` replaced by the lead's values
   * (URL-encoded). A lead without a value the URL needs is not looked up.
   */
  url: string;
  /**
   * The provider's name in the provenance of the fields it fills.
   * @default 'http'
   */
  name?: string;
  /**
   * Request headers (an API key belongs here, not in the URL, so that it stays out of messages).
   * @default { accept: 'application/json' }
   */
  headers?: Readonly<Record<string, string>>;
  /**
   * Field name -> dotted path in the JSON response (`{ industry: 'company.category.industry' }`).
   * @default every top-level text, number or boolean of the response
   */
  fields?: Readonly<Record<string, string>>;
  /**
   * Time allowed for one attempt, response body included, in milliseconds.
   * @default 5000
   */
  timeoutMs?: number;
  /**
   * Attempts after the first, for timeouts, network errors, 429 and 5xx responses.
   * @default 2
   */
  retries?: number;
  /**
   * The wait before the first retry, doubled before each next one (exponential backoff).
   * @default 250
   */
  backoffMs?: number;
  /**
   * The longest wait between attempts, also for a server's `Retry-After`.
   * @default 5000
   */
  maxBackoffMs?: number;
  /**
   * Requests in flight at once.
   * @default 4
   */
  concurrency?: number;
  /**
   * Responses remembered, by URL, least recently used dropped first (found and not found alike;
   * failures are not remembered). 0 turns the cache off.
   * @default 1000
   */
  cacheSize?: number;
  /**
   * The largest response body read, in bytes.
   * @default 1048576 (1 MiB)
   */
  maxResponseBytes?: number;
  /**
   * The fetch function.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
}

/** Statuses worth another attempt: too many requests, and server errors. */
const RETRYABLE_STATUS = (status: number) => status === 429 || status >= 500;
/** Statuses that mean "no such company": a result (nothing found), not a failure. */
const NOT_FOUND_STATUS = new Set([404, 410]);
const PLACEHOLDERS = { domain: 'domain', email: 'email', company: 'companyName' } as const;

/** A failure that another attempt would not mend (a 4xx other than 429, a bad body). */
class FinalError extends Error {}

/**
 * A provider that GETs `url` for each lead and returns fields of the JSON response.
 *
 * A 2xx response gives the fields; 404 and 410 mean not found (null); a timeout, a network error,
 * a 429 or a 5xx is tried again up to `retries` times, waiting `backoffMs`, then twice as long
 * each time (or the server's `Retry-After` in seconds), at most `maxBackoffMs`; any other status
 * fails at once. Identical URLs share one request and one cache entry. When every attempt fails
 * the call rejects with a message that names the URL without its query; a waterfall records that
 * and the lead goes on without these fields. Throws `BAD_OPTION` for a bad URL or option.
 *
 * @example
 * const vendor = httpJsonProvider({
 *   url: 'https://enrich.example.com/v1/companies?domain={domain}',
 *   headers: { authorization: `Bearer ${key}` },
 *   fields: { industry: 'industry', employees: 'metrics.employees' },
 * });
 * await vendor.enrich({ domain: 'acme.com' })
 * // => { fields: { industry: 'software', employees: 120 },
 * //      source: 'https://enrich.example.com/v1/companies' }
 */
export function httpJsonProvider(options: HttpJsonProviderOptions): EnrichmentProvider {
  const settings = checkOptions(options);
  const limit = createLimiter(settings.concurrency);
  const cache = new Map<string, Promise<ProviderResult | null>>();

  return {
    name: settings.name,
    async enrich(input: EnrichmentInput, call: EnrichCallOptions = {}) {
      const url = fillUrl(options.url, input);
      if (url === null) return null;

      // One request per URL: a cached or in-flight answer is shared.
      const cached = cache.get(url);
      if (cached !== undefined) {
        cache.delete(url);
        cache.set(url, cached);
        return cached;
      }
      const pending = limit(() => fetchWithRetries(url, settings, call.signal));
      if (settings.cacheSize > 0) remember(cache, url, pending, settings.cacheSize);
      return pending;
    },
  };
}

type Settings = Required<Omit<HttpJsonProviderOptions, 'fields' | 'url'>> & {
  fields: Readonly<Record<string, string>> | null;
};

function checkOptions(options: HttpJsonProviderOptions): Settings {
  const sample = fillUrl(options.url, {
    domain: 'example.com',
    email: 'a@example.com',
    companyName: 'x',
  });
  if (sample === null || !/^https?:\/\//i.test(sample) || !URL.canParse(sample)) {
    throw new FitgateError(
      'BAD_OPTION',
      'url must be an http(s) URL with {domain}, {email} or {company}; ' +
        `got ${JSON.stringify(options.url)}`,
    );
  }
  const settings: Settings = {
    name: options.name ?? 'http',
    headers: { accept: 'application/json', ...options.headers },
    fields: options.fields ?? null,
    timeoutMs: options.timeoutMs ?? 5000,
    retries: options.retries ?? 2,
    backoffMs: options.backoffMs ?? 250,
    maxBackoffMs: options.maxBackoffMs ?? 5000,
    concurrency: options.concurrency ?? 4,
    cacheSize: options.cacheSize ?? 1000,
    maxResponseBytes: options.maxResponseBytes ?? 1 << 20,
    fetch: options.fetch ?? globalThis.fetch,
  };
  for (const key of ['timeoutMs', 'backoffMs', 'maxBackoffMs', 'maxResponseBytes'] as const) {
    if (!(settings[key] > 0))
      throw new FitgateError('BAD_OPTION', `${key} must be above 0; got ${settings[key]}`);
  }
  for (const key of ['retries', 'cacheSize', 'concurrency'] as const) {
    const min = key === 'concurrency' ? 1 : 0;
    if (!Number.isInteger(settings[key]) || settings[key] < min) {
      throw new FitgateError(
        'BAD_OPTION',
        `${key} must be a whole number >= ${min}; got ${settings[key]}`,
      );
    }
  }
  return settings;
}

/** The URL with its placeholders filled, or null when the lead lacks a value it needs. */
function fillUrl(template: string, input: EnrichmentInput): string | null {
  let missing = false;
  const url = template.replace(
    /\{(domain|email|company)\}/g,
    (_, key: keyof typeof PLACEHOLDERS) => {
      const value = input[PLACEHOLDERS[key]];
      if (value === null || value === undefined || value === '') missing = true;
      return encodeURIComponent(value ?? '');
    },
  );
  return missing ? null : url;
}

/** Keeps `pending` under `url`, dropping the least recently used entry and forgetting failures. */
function remember(
  cache: Map<string, Promise<ProviderResult | null>>,
  url: string,
  pending: Promise<ProviderResult | null>,
  size: number,
): void {
  cache.set(url, pending);
  if (cache.size > size) cache.delete(cache.keys().next().value as string);
  pending.catch(() => {
    if (cache.get(url) === pending) cache.delete(url);
  });
}

/** Attempts the request until it succeeds, fails for good or runs out of retries. */
async function fetchWithRetries(
  url: string,
  settings: Settings,
  signal?: AbortSignal,
): Promise<ProviderResult | null> {
  let lastReason = '';
  for (let attempt = 0; attempt <= settings.retries; attempt++) {
    signal?.throwIfAborted();
    try {
      return await fetchOnce(url, settings, signal);
    } catch (error) {
      if (error instanceof FinalError || signal?.aborted) throw named(settings, url, error);
      lastReason = reasonOf(error);
      if (attempt === settings.retries) break;

      // Exponential backoff, or the server's own Retry-After.
      const retryAfter = error instanceof RetryableStatus ? error.retryAfterMs : null;
      const wait = retryAfter ?? settings.backoffMs * 2 ** attempt;
      await sleep(Math.min(wait, settings.maxBackoffMs), signal);
    }
  }
  throw new Error(
    `${settings.name}: GET ${shown(url)} failed after ${settings.retries + 1} attempts: ` +
      lastReason,
  );
}

/** A 429 or 5xx response, with the wait the server asked for. */
class RetryableStatus extends Error {
  constructor(
    status: number,
    readonly retryAfterMs: number | null,
  ) {
    super(`HTTP ${status}`);
  }
}

/** One attempt, under the timeout. */
async function fetchOnce(
  url: string,
  settings: Settings,
  signal?: AbortSignal,
): Promise<ProviderResult | null> {
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const combined = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
  const response = await settings.fetch(url, {
    headers: settings.headers,
    signal: combined,
    redirect: 'follow',
  });

  if (NOT_FOUND_STATUS.has(response.status)) {
    await response.body?.cancel();
    return null;
  }
  if (RETRYABLE_STATUS(response.status)) {
    await response.body?.cancel();
    throw new RetryableStatus(response.status, retryAfterMs(response.headers.get('retry-after')));
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new FinalError(`HTTP ${response.status}`);
  }
  const body = await readLimited(response, settings.maxResponseBytes);
  return { fields: fieldsOf(parseJson(body), settings.fields), source: shown(url) };
}

/** The body as text, refusing one longer than `max` bytes. */
async function readLimited(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > max) {
    await response.body?.cancel();
    throw new FinalError(`response of ${declared} bytes is above the limit of ${max}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > max) throw new FinalError(`response above the limit of ${max} bytes`);
    chunks.push(chunk);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new FinalError('the response is not JSON');
  }
}

/** The wanted fields of a response: by path, or every top-level text, number or boolean. */
function fieldsOf(
  json: unknown,
  paths: Readonly<Record<string, string>> | null,
): Record<string, unknown> {
  const fields: Record<string, unknown> = Object.create(null);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fields;
  const entries =
    paths === null ? Object.keys(json).map((k) => [k, k] as const) : Object.entries(paths);
  for (const [field, path] of entries) {
    const value = valueAt(json, paths === null ? [path] : path.split('.'));
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      fields[field] = value;
  }
  return fields;
}

function valueAt(json: unknown, path: readonly string[]): unknown {
  let value = json;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** `Retry-After` in seconds as milliseconds; an HTTP date or nonsense gives null. */
function retryAfterMs(header: string | null): number | null {
  if (header === null || !/^\d{1,6}$/.test(header.trim())) return null;
  return Number(header.trim()) * 1000;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** The URL without its query and fragment, which may hold secrets. */
function shown(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  if (error instanceof Error && error.cause instanceof Error)
    return `${error.message} (${error.cause.message})`;
  return error instanceof Error ? error.message : String(error);
}

function named(settings: Settings, url: string, error: unknown): Error {
  return new Error(`${settings.name}: GET ${shown(url)} failed: ${reasonOf(error)}`);
}
