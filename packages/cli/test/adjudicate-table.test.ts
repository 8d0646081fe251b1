import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qualify } from '@fitgate/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { icpFixture as icp } from '../../review/test/fixtures/icp.js';
import {
  chatBody,
  loopbackFetch,
  startMockEndpoint,
  type MockEndpoint,
} from '../../review/test/mock-endpoint.js';
import {
  adjudicate,
  adjudicationSummaryText,
  resolveLlmEndpoint,
} from '../src/adjudicate-table.js';
import { UsageError } from '../src/errors.js';

let endpoint: MockEndpoint | undefined;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fitgate-adjudicate-'));
});
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
  await rm(dir, { recursive: true, force: true });
});

const rows = [
  { industry: 'software', employees: '200' }, // QUALIFIED by the rule
  { industry: 'software', employees: '' }, // REVIEW, fit 75
  { industry: 'retail', employees: 'NA' }, // REVIEW, fit 15 (below the floor)
];
const results = rows.map((row) => qualify(row, icp));

describe('resolveLlmEndpoint', () => {
  it('is a usage error without an endpoint, naming what is missing', () => {
    expect(() => resolveLlmEndpoint({ env: {} })).toThrow(UsageError);
    expect(() => resolveLlmEndpoint({ env: {} })).toThrow(
      '--adjudicate needs a model endpoint; missing --llm-url or FITGATE_LLM_URL and --llm-model ' +
        'or FITGATE_LLM_MODEL',
    );
    expect(() =>
      resolveLlmEndpoint({
        env: { FITGATE_LLM_URL: 'http://127.0.0.1:1/v1', FITGATE_LLM_MODEL: ' ' },
      }),
    ).toThrow(/missing --llm-model or FITGATE_LLM_MODEL \(/);
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      FITGATE_LLM_URL: 'http://127.0.0.1:1/v1',
      FITGATE_LLM_MODEL: 'env-model',
      FITGATE_LLM_KEY: 'k',
    };
    expect(resolveLlmEndpoint({ env })).toEqual({
      url: 'http://127.0.0.1:1/v1',
      model: 'env-model',
      key: 'k',
    });
    expect(resolveLlmEndpoint({ env, model: 'flag-model', url: 'https://llm.test/v1' })).toEqual({
      url: 'https://llm.test/v1',
      model: 'flag-model',
      key: 'k',
    });
  });

  it('turns an unusable URL into a usage error', () => {
    expect(() => resolveLlmEndpoint({ env: {}, url: 'ftp://x', model: 'm' })).toThrow(UsageError);
  });
});

describe('adjudicate', () => {
  it('sends only the REVIEW rows, returns every result in order, and a summary', async () => {
    endpoint = await startMockEndpoint(() => ({ body: chatBody('QUALIFIED | fits the profile') }));
    const env = { FITGATE_LLM_URL: endpoint.url, FITGATE_LLM_MODEL: 'mock' };
    const out = await adjudicate(rows, results, icp, { env, fetch: loopbackFetch });

    expect(out.results.map((r) => r.verdict)).toEqual(['QUALIFIED', 'QUALIFIED', 'REVIEW']);
    // The third lead is below the fit floor: the model's QUALIFIED is refused, so nothing was
    // applied.
    expect(out.adjudicated).toEqual([false, true, false]);
    expect(out.results[0]).toBe(results[0]);
    expect(out.results[2].reasons.at(-1)?.code).toBe('ADJUDICATED');
    expect(out.summary).toMatchObject({
      review: 2,
      sent: 2,
      answered: 2,
      qualified: 1,
      notQualified: 0,
      stillReview: 1,
      refused: 1,
      unparseable: 0,
      failed: 0,
      calls: 2,
      cacheHits: 0,
    });
    expect(endpoint.requests).toHaveLength(2);
    // Tokens: 2 answers x (100 prompt + 10 completion) from chatBody's usage = 220.
    expect(adjudicationSummaryText(out.summary)).toBe(
      'adjudication: 2 REVIEW leads, 2 sent (0 from the cache), 2 answered: 1 QUALIFIED, ' +
        '0 NOT_QUALIFIED, 1 still REVIEW\n' +
        '  1 refused below the fit floor, 0 unparseable, 0 failed, 0 over budget; cost: 2 calls, ' +
        '220 tokens\n',
    );
  });

  it('keeps answers in a cache file, so a second run makes no calls', async () => {
    endpoint = await startMockEndpoint(() => ({ body: chatBody('NOT_QUALIFIED | not a fit') }));
    const options = {
      url: endpoint.url,
      model: 'mock',
      env: {},
      cacheFile: 'cache.json',
      cwd: dir,
      fetch: loopbackFetch,
    };
    const first = await adjudicate(rows, results, icp, options);
    expect(first.summary).toMatchObject({ calls: 2, cacheHits: 0 });

    const saved = JSON.parse(await readFile(join(dir, 'cache.json'), 'utf8'));
    expect(saved.kind).toBe('fitgate.review-cache');
    expect(Object.keys(saved.entries)).toHaveLength(2);
    expect(Object.keys(saved.entries)[0]).toMatch(/^[0-9a-f]{64}$/); // hashed, no lead data in keys

    const second = await adjudicate(rows, results, icp, options);
    expect(second.summary).toMatchObject({ calls: 0, cacheHits: 2, notQualified: 2 });
    expect(second.results.map((r) => r.verdict)).toEqual(first.results.map((r) => r.verdict));
    expect(endpoint.requests).toHaveLength(2);
  });

  it('refuses a cache file that is not a review cache, and leaves it alone', async () => {
    const path = join(dir, 'cache.json');
    await writeFile(path, '{"not": "a cache"}');
    const options = {
      url: 'http://127.0.0.1:9/v1',
      model: 'mock',
      env: {},
      cacheFile: path,
      fetch: loopbackFetch,
    };
    await expect(adjudicate(rows, results, icp, options)).rejects.toThrow(
      /is not a fitgate review cache/,
    );
    expect(await readFile(path, 'utf8')).toBe('{"not": "a cache"}');
  });

  it('needs one result per row, and an endpoint', async () => {
    const options = { url: 'http://127.0.0.1:9/v1', model: 'mock', env: {}, fetch: loopbackFetch };
    await expect(adjudicate(rows, results.slice(1), icp, options)).rejects.toThrow(
      'adjudicate needs one result per row; got 3 rows and 2 results',
    );
    await expect(adjudicate(rows, results, icp, { env: {} })).rejects.toThrow(UsageError);
  });
});
