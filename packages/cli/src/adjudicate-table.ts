/**
 * `qualify --adjudicate`: the REVIEW leads of a table are put to a model endpoint configured by
 * flags or the environment (`FITGATE_LLM_URL`, `FITGATE_LLM_MODEL`, `FITGATE_LLM_KEY`), with an
 * optional cache file so a rerun does not pay twice. Nothing is sent unless an endpoint is set.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { FitgateError, type IcpDefinition, type QualifyResult } from '@fitgate/core';
import {
  adjudicateLeads,
  openAiChatProvider,
  type AdjudicationSummary,
  type AnswerCache,
} from '@fitgate/review';
import { UsageError } from './errors.js';

/** The environment variables read when the flags are not given. */
export const LLM_ENV = {
  url: 'FITGATE_LLM_URL',
  model: 'FITGATE_LLM_MODEL',
  key: 'FITGATE_LLM_KEY',
} as const;

/** The kind tag of a cache file, checked on load. */
const CACHE_KIND = 'fitgate.review-cache';
const CACHE_VERSION = 1;

export interface AdjudicateOptions {
  /** `--llm-url`; else `FITGATE_LLM_URL`. */
  url?: string;
  /** `--llm-model`; else `FITGATE_LLM_MODEL`. */
  model?: string;
  /** The API key; else `FITGATE_LLM_KEY` (the environment is the better place for it). */
  key?: string;
  /**
   * Most requests for the run, retries included.
   * @default 100
   */
  budget?: number;
  /**
   * Requests in flight at once.
   * @default 4
   */
  concurrency?: number;
  /**
   * Milliseconds per request before it is abandoned and retried.
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * Further attempts after a timeout, a network error, a 408, a 429 or a 5xx.
   * @default 2
   */
  retries?: number;
  /** A JSON file of cached answers, read before and written after the run (created if absent). */
  cacheFile?: string;
  /**
   * Columns shown to the model beyond the definition's attributes.
   * @default []
   */
  extraFields?: string[];
  /** Where a relative `cacheFile` is resolved. @default process.cwd() */
  cwd?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Called after each REVIEW lead is settled. */
  onProgress?: (done: number, total: number) => void;
  /** @default globalThis.fetch (tests pass one that reaches only loopback) */
  fetch?: typeof fetch;
}

export interface LlmEndpoint {
  url: string;
  model: string;
  key?: string;
}

export interface AdjudicateOutput {
  /** Every result in input order; REVIEW ones may be changed and carry an ADJUDICATED reason. */
  results: QualifyResult[];
  /** Per row: whether a model's answer was applied (false when the fit floor refused it). */
  adjudicated: boolean[];
  summary: AdjudicationSummary;
}

/** A flag's value, else the environment's; empty means unset. */
function setting(flag: string | undefined, env: AdjudicateOptions['env'], name: string) {
  const value = flag ?? env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * The endpoint from the flags and the environment, checked. Call it before the work starts, so a
 * missing or bad endpoint stops the command at once.
 *
 * @throws UsageError when the URL or the model is missing, or the URL is not usable.
 */
export function resolveLlmEndpoint(options: AdjudicateOptions): LlmEndpoint {
  const url = setting(options.url, options.env, LLM_ENV.url);
  const model = setting(options.model, options.env, LLM_ENV.model);
  const key = setting(options.key, options.env, LLM_ENV.key);
  const missing = [url === undefined ? `--llm-url or ${LLM_ENV.url}` : null]
    .concat(model === undefined ? `--llm-model or ${LLM_ENV.model}` : null)
    .filter((m) => m !== null);
  if (url === undefined || model === undefined) {
    throw new UsageError(
      `--adjudicate needs a model endpoint; missing ${missing.join(' and ')} ` +
        `(set ${LLM_ENV.key} too if the endpoint needs a key). Without --adjudicate nothing is ` +
        'sent and REVIEW leads stay REVIEW.',
    );
  }
  try {
    openAiChatProvider({ url, model, key });
  } catch (error) {
    throw new UsageError(`--llm-url: ${(error as Error).message}`);
  }
  return key === undefined ? { url, model } : { url, model, key };
}

/** A cache of answers kept in a JSON file, under SHA-256 hashes of the questions. */
class FileAnswerCache implements AnswerCache {
  private readonly entries = new Map<string, string>();
  private changed = false;

  constructor(readonly path: string) {}

  private static hash(key: string): string {
    return createHash('sha256').update(key).digest('hex');
  }

  get(key: string): string | undefined {
    return this.entries.get(FileAnswerCache.hash(key));
  }

  set(key: string, answer: string): void {
    this.entries.set(FileAnswerCache.hash(key), answer);
    this.changed = true;
  }

  /** Read the file if it exists; a file that is not a cache is an error, never overwritten. */
  async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return;
      throw new Error(`cannot read the cache file ${this.path}: ${(error as Error).message}`);
    }
    let document: { kind?: unknown; version?: unknown; entries?: unknown };
    try {
      document = JSON.parse(text) as typeof document;
    } catch {
      document = {};
    }
    const entries = document?.entries;
    if (document?.kind !== CACHE_KIND || document.version !== CACHE_VERSION || !isRecord(entries)) {
      throw new Error(
        `${this.path} is not a fitgate review cache (version ${CACHE_VERSION}); ` +
          'delete it or choose another cache file',
      );
    }
    for (const [hash, answer] of Object.entries(entries)) {
      if (typeof answer === 'string') this.entries.set(hash, answer);
    }
  }

  /** Write the file if anything was added: to a temporary file, then renamed over it. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const entries = Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : 1)));
    const document = { kind: CACHE_KIND, version: CACHE_VERSION, entries };
    const text = `${JSON.stringify(document, null, 2)}\n`;
    const temporary = join(dirname(this.path), `.${basename(this.path)}.${randomUUID()}.tmp`);
    try {
      await writeFile(temporary, text, { flag: 'wx' });
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new Error(`cannot write the cache file ${this.path}: ${(error as Error).message}`);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Adjudicate the REVIEW rows of a qualified table through the configured endpoint.
 *
 * `rows[i]` is the row `results[i]` was scored from. Only REVIEW rows are sent, and of each only
 * the definition's attributes (and `extraFields`). The run never throws for a failing endpoint:
 * such rows stay REVIEW with the reason.
 *
 * @throws UsageError when no endpoint is configured; FitgateError `BAD_OPTION` when the rows and
 * results differ in number or an option is out of range.
 *
 * @example
 * const out = await adjudicate(rows, results, icp, { env: process.env, budget: 50 });
 * out.summary // => { review: 12, sent: 12, answered: 11, qualified: 4, ..., calls: 13 }
 */
export async function adjudicate(
  rows: readonly Record<string, unknown>[],
  results: readonly QualifyResult[],
  icp: IcpDefinition,
  options: AdjudicateOptions,
): Promise<AdjudicateOutput> {
  const endpoint = resolveLlmEndpoint(options);
  if (rows.length !== results.length) {
    throw new FitgateError(
      'BAD_OPTION',
      `adjudicate needs one result per row; got ${rows.length} rows and ${results.length} results`,
    );
  }
  const provider = openAiChatProvider({ ...endpoint, fetch: options.fetch });

  // The cache file, when asked for, is read first and written even after a partial run.
  const cache =
    options.cacheFile === undefined
      ? undefined
      : new FileAnswerCache(resolve(options.cwd ?? process.cwd(), options.cacheFile));
  await cache?.load();
  const leads = rows.map((fields, i) => ({ fields, result: results[i] }));
  const run = await adjudicateLeads(leads, icp, provider, {
    budget: options.budget,
    concurrency: options.concurrency,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    extraFields: options.extraFields,
    cache,
    onProgress: options.onProgress,
  }).finally(() => cache?.save());
  return {
    results: run.leads.map((lead) => lead.result),
    adjudicated: run.leads.map((lead) => lead.adjudicated && !lead.refused),
    summary: run.summary,
  };
}

/**
 * The summary as two lines for stderr or stdout.
 *
 * @example
 * adjudicationSummaryText(summary)
 * // => 'adjudication: 12 REVIEW leads, 12 sent (2 from the cache), 11 answered: 4 QUALIFIED, ...'
 */
export function adjudicationSummaryText(s: AdjudicationSummary): string {
  const tokens = s.promptTokens + s.completionTokens;
  const cost = `${s.calls} calls${tokens > 0 ? `, ${tokens} tokens` : ''}`;
  return (
    `adjudication: ${s.review} REVIEW leads, ${s.sent} sent (${s.cacheHits} from the cache), ` +
    `${s.answered} answered: ${s.qualified} QUALIFIED, ${s.notQualified} NOT_QUALIFIED, ` +
    `${s.stillReview} still REVIEW\n` +
    `  ${s.refused} refused below the fit floor, ${s.unparseable} unparseable, ` +
    `${s.failed} failed, ${s.overBudget} over budget; cost: ${cost}\n`
  );
}
