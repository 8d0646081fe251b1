/**
 * The HTTP provider against a server this test starts on 127.0.0.1 (loopback only). Each domain
 * asks the server for one behaviour; the server counts the requests it gets.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpJsonProvider, type HttpJsonProviderOptions } from '../src/http-json-provider.js';
import { waterfall } from '../src/waterfall.js';

const requests = new Map<string, number>();
let inFlight = 0;
let maxInFlight = 0;
let base = '';

function reply(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const domain = url.searchParams.get('domain') ?? '';
  const count = (requests.get(domain) ?? 0) + 1;
  requests.set(domain, count);

  if (req.headers['x-api-key'] !== 'secret') return reply(res, 401, { error: 'no key' });
  switch (domain) {
    case 'acme.com':
      return reply(res, 200, {
        industry: 'software',
        metrics: { employees: 120 },
        tags: ['b2b'],
        name: 'Acme',
      });
    case 'missing.com':
      return reply(res, 404, { error: 'not found' });
    case 'flaky.com':
      return count <= 2
        ? reply(res, 503, { error: 'busy' })
        : reply(res, 200, { industry: 'retail' });
    case 'limited.com':
      return count === 1
        ? reply(res, 429, {}, { 'retry-after': '1' })
        : reply(res, 200, { industry: 'media' });
    case 'forbidden.com':
      return reply(res, 403, { error: 'plan' });
    case 'big.com':
      return reply(res, 200, { blob: 'x'.repeat(5000) });
    case 'notjson.com':
      return reply(res, 200, 'hello');
    case 'slow.com':
      return setTimeout(() => reply(res, 200, { industry: 'late' }), 1000);
    default: {
      // c1.com, c2.com, ...: slow enough for requests to overlap, counting those in flight.
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight--;
      return reply(res, 200, { industry: domain });
    }
  }
}

const server = createServer((req, res) => void handle(req, res));

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requests.clear();
  maxInFlight = 0;
});

function provider(options: Partial<HttpJsonProviderOptions> = {}) {
  return httpJsonProvider({
    url: `${base}/companies?domain={domain}&token=QUERYSECRET`,
    headers: { 'x-api-key': 'secret' },
    backoffMs: 1,
    maxBackoffMs: 5,
    ...options,
  });
}

describe('httpJsonProvider', () => {
  it('returns the top-level response values, with the URL (no query) as the source', async () => {
    const result = await provider().enrich({ domain: 'acme.com' });
    expect({ ...result?.fields }).toEqual({ industry: 'software', name: 'Acme' });
    expect(result?.source).toBe(`${base}/companies`);
  });

  it('picks fields by dotted path', async () => {
    const result = await provider({
      fields: { industry: 'industry', employees: 'metrics.employees', x: 'no.such' },
    }).enrich({
      domain: 'acme.com',
    });
    expect({ ...result?.fields }).toEqual({ industry: 'software', employees: 120 });
  });

  it('reads 404 as not found, and does not ask for a lead without a domain', async () => {
    const http = provider();
    expect(await http.enrich({ domain: 'missing.com' })).toBeNull();
    expect(await http.enrich({ email: 'jo@gmail.com', domain: null })).toBeNull();
    expect(requests.get('')).toBeUndefined();
  });

  it('retries 5xx with backoff until it succeeds', async () => {
    const result = await provider({ retries: 2 }).enrich({ domain: 'flaky.com' });
    expect(result?.fields.industry).toBe('retail');
    expect(requests.get('flaky.com')).toBe(3);
  });

  it('gives up after the retries, naming the URL without its query', async () => {
    const failure = provider({ retries: 1 }).enrich({ domain: 'flaky.com' });
    await expect(failure).rejects.toThrow(
      `http: GET ${base}/companies failed after 2 attempts: HTTP 503`,
    );
    await expect(failure).rejects.not.toThrow(/QUERYSECRET/);
    expect(requests.get('flaky.com')).toBe(2);
  });

  it('retries a 429 after Retry-After (capped by maxBackoffMs)', async () => {
    const result = await provider().enrich({ domain: 'limited.com' });
    expect(result?.fields.industry).toBe('media');
    expect(requests.get('limited.com')).toBe(2);
  });

  it('fails at once on other 4xx, on too-big bodies and on bodies that are not JSON', async () => {
    const http = provider({ retries: 3, maxResponseBytes: 1000 });
    await expect(http.enrich({ domain: 'forbidden.com' })).rejects.toThrow(/failed: HTTP 403$/);
    await expect(http.enrich({ domain: 'big.com' })).rejects.toThrow(/above the limit of 1000/);
    await expect(http.enrich({ domain: 'notjson.com' })).rejects.toThrow(/not JSON/);
    expect(requests.get('forbidden.com')).toBe(1);
    await expect(provider({ headers: {} }).enrich({ domain: 'acme.com' })).rejects.toThrow(
      /HTTP 401/,
    );
  });

  it('times out each attempt', async () => {
    const failure = provider({ timeoutMs: 50, retries: 1 }).enrich({ domain: 'slow.com' });
    await expect(failure).rejects.toThrow(/failed after 2 attempts: timed out$/);
    expect(requests.get('slow.com')).toBe(2);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = provider({ retries: 3 }).enrich(
      { domain: 'slow.com' },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error('shutting down')), 20);
    await expect(pending).rejects.toThrow(/shutting down/);
  });

  it('caches answers, shares a request in flight, and forgets failures', async () => {
    const http = provider();
    await Promise.all([http.enrich({ domain: 'acme.com' }), http.enrich({ domain: 'acme.com' })]);
    await http.enrich({ domain: 'acme.com' });
    await http.enrich({ domain: 'missing.com' });
    await http.enrich({ domain: 'missing.com' });
    expect(requests.get('acme.com')).toBe(1);
    expect(requests.get('missing.com')).toBe(1);

    await expect(http.enrich({ domain: 'forbidden.com' })).rejects.toThrow();
    await expect(http.enrich({ domain: 'forbidden.com' })).rejects.toThrow();
    expect(requests.get('forbidden.com')).toBe(2);
  });

  it('drops the least recently used answer when the cache is full', async () => {
    const http = provider({ cacheSize: 1 });
    await http.enrich({ domain: 'acme.com' });
    await http.enrich({ domain: 'missing.com' });
    await http.enrich({ domain: 'acme.com' });
    expect(requests.get('acme.com')).toBe(2);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const domains = Array.from({ length: 10 }, (_, i) => `c${i}.com`);
    const three = provider({ concurrency: 3 });
    const results = await Promise.all(domains.map((domain) => three.enrich({ domain })));
    expect(results.map((r) => r?.fields.industry)).toEqual(domains);
    expect(maxInFlight).toBeLessThanOrEqual(3);

    maxInFlight = 0;
    const one = provider({ concurrency: 1 });
    await Promise.all(domains.map((domain) => one.enrich({ domain: `x${domain}` })));
    expect(maxInFlight).toBe(1);
  });

  it('never blocks a waterfall: a failing service leaves the fields missing', async () => {
    const record = await waterfall([provider({ retries: 0 })])({ domain: 'forbidden.com' });
    expect(Object.keys(record.fields)).toEqual([]);
    expect(record.steps[0]).toMatchObject({ outcome: 'failed' });
    expect(record.steps[0].reason).toMatch(/HTTP 403/);
  });

  it('refuses a URL that is not http(s) and bad options', () => {
    expect(() => httpJsonProvider({ url: 'file:///etc/{domain}' })).toThrow(
      /must be an http\(s\) URL/,
    );
    expect(() => httpJsonProvider({ url: `${base}/{domain}`, concurrency: 0 })).toThrow(
      /concurrency/,
    );
    expect(() => httpJsonProvider({ url: `${base}/{domain}`, timeoutMs: -1 })).toThrow(/timeoutMs/);
  });
});
