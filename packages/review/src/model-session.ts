/**
 * The machinery around a provider for one run: a cache, a concurrency limit, a budget of calls, a
 * timeout on each call and retries with backoff. Adjudication and mapping suggestions both ask the
 * model through a session.
 */
import { FitgateError } from '@fitgate/core';
import { backoffDelay, type BackoffOptions } from './backoff-delay.js';
import type { ChatMessage, ChatProvider, ChatReply } from './chat-provider.js';
import { ProviderError } from './provider-error.js';

/** Thirty seconds: a short answer from a hosted model takes a few; a loaded server, more. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Two retries (three attempts), the common default of HTTP clients for model APIs. */
export const DEFAULT_RETRIES = 2;

/** Four requests at a time: quick on a batch, and under the rate limits of most plans. */
export const DEFAULT_CONCURRENCY = 4;

/**
 * A hundred calls per run. REVIEW is meant to be a narrow band; a run that needs more is worth a
 * look before it is paid for, and `budget` raises the limit.
 */
export const DEFAULT_BUDGET = 100;

/**
 * Where answers are kept between questions: any object with `get` and `set`, such as a `Map`. Only
 * answers that parsed are stored, under a key made of the provider, the scope and the messages.
 */
export interface AnswerCache {
  get(key: string): string | undefined;
  set(key: string, answer: string): void;
}

export interface ModelSessionOptions extends BackoffOptions {
  /**
   * Milliseconds to wait for one request before it is abandoned (and retried).
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * Further attempts after a timeout, a network error, a 408, a 429 or a 5xx.
   * @default 2
   */
  retries?: number;
  /**
   * Requests in flight at once.
   * @default 4
   */
  concurrency?: number;
  /**
   * The most requests this run may send, retries included; past it, questions are not sent.
   * @default 100
   */
  budget?: number;
  /**
   * Where answers are cached.
   * @default a new Map (answers live as long as the session)
   */
  cache?: AnswerCache;
  /** Cancels the run: requests in flight are aborted and nothing more is sent. */
  signal?: AbortSignal;
  /**
   * The random numbers for backoff jitter.
   * @default Math.random
   */
  random?: () => number;
}

/** What came of one question. `calls` counts the requests it took (0 from the cache). */
export type AskOutcome<T> =
  | { status: 'answered'; value: T; text: string; calls: number; fromCache: boolean }
  | { status: 'unparseable'; text: string; calls: number }
  | { status: 'failed'; error: ProviderError; calls: number }
  | { status: 'over_budget'; calls: number };

/** What a session has spent so far. */
export interface SessionUsage {
  /** Requests sent, retries included. */
  calls: number;
  /** Questions answered from the cache or from an identical question in flight. */
  cacheHits: number;
  /** Tokens the endpoint reported; 0 when it reports none. */
  promptTokens: number;
  completionTokens: number;
  /** The budget this session was given. */
  budget: number;
}

export interface ModelSession {
  /**
   * Ask one question. `parse` turns the answer text into a value or null (unparseable); `scope`
   * joins the cache key (the definition's version, say).
   */
  ask<T>(
    messages: readonly ChatMessage[],
    parse: (text: string) => T | null,
    scope?: string,
  ): Promise<AskOutcome<T>>;
  /** A snapshot of what has been spent. */
  usage(): SessionUsage;
}

/** Check that a count option is a whole number of at least `min`. */
function checkCount(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new FitgateError('BAD_OPTION', `${name} must be a whole number >= ${min}; got ${value}`, {
      value,
    });
  }
  return value;
}

/** The options with defaults filled in and checked. */
function settle(options: ModelSessionOptions) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw new FitgateError('BAD_OPTION', `timeoutMs must be a positive number; got ${timeoutMs}`);
  }
  return {
    timeoutMs,
    retries: checkCount('retries', options.retries ?? DEFAULT_RETRIES, 0),
    concurrency: checkCount('concurrency', options.concurrency ?? DEFAULT_CONCURRENCY, 1),
    budget: checkCount('budget', options.budget ?? DEFAULT_BUDGET, 0),
    cache: options.cache ?? new Map<string, string>(),
    random: options.random ?? Math.random,
  };
}

/** A first-in, first-out limit on how many tasks run at once. */
function createLimiter(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running -= 1;
    const next = waiting.shift();
    if (next !== undefined) {
      running += 1;
      next();
    }
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < limit) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}

/** Wait `ms`, or less if the signal aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * One request with a deadline. The provider gets a signal that aborts at the deadline or when the
 * run is cancelled; a provider that ignores it is abandoned all the same.
 */
async function attempt(
  provider: ChatProvider,
  messages: readonly ChatMessage[],
  timeoutMs: number,
  outer: AbortSignal | undefined,
): Promise<ChatReply> {
  const controller = new AbortController();
  let stop: (reason: ProviderError) => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    stop = (reason) => {
      controller.abort(reason);
      reject(reason);
    };
  });
  const timeout = new ProviderError('timeout', `no answer within ${timeoutMs} ms`);
  const timer = setTimeout(() => stop(timeout), timeoutMs);
  const cancel = () => stop(new ProviderError('cancelled', 'the run was cancelled'));
  outer?.addEventListener('abort', cancel, { once: true });
  try {
    return await Promise.race([
      provider.complete(messages, { signal: controller.signal }),
      stopped,
    ]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', cancel);
    stopped.catch(() => {});
  }
}

/** Any thrown value as a `ProviderError`; errors of unknown providers are not retried. */
function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError('bad_response', `the provider failed: ${message}`);
}

/** The state of one session: its provider, settled options, spending and questions in flight. */
interface Run {
  provider: ChatProvider;
  options: ModelSessionOptions;
  settings: ReturnType<typeof settle>;
  usage: SessionUsage;
  inFlight: Map<string, Promise<AskOutcome<unknown>>>;
  limit: ReturnType<typeof createLimiter>;
}

/** Why no further request may be sent for a question, or null when one may. */
function stopBefore<T>(run: Run, calls: number, last: ProviderError | undefined) {
  if (run.options.signal?.aborted) {
    const error = new ProviderError('cancelled', 'the run was cancelled');
    return { status: 'failed', error, calls } satisfies AskOutcome<T>;
  }
  if (run.usage.calls < run.settings.budget) return null;
  if (last === undefined) return { status: 'over_budget', calls } satisfies AskOutcome<T>;
  const budget = run.settings.budget;
  const note = `${last.message}; not retried: the budget of ${budget} calls is used up`;
  return {
    status: 'failed',
    error: new ProviderError(last.kind, note),
    calls,
  } satisfies AskOutcome<T>;
}

/** Send until an answer, a failure not worth retrying, the last retry or the end of the budget. */
async function send<T>(
  run: Run,
  messages: readonly ChatMessage[],
  parse: (text: string) => T | null,
  key: string,
): Promise<AskOutcome<T>> {
  const { settings, usage, options } = run;
  let last: ProviderError | undefined;
  for (let retry = 0, calls = 1; ; retry++, calls++) {
    const stop = stopBefore<T>(run, calls - 1, last);
    if (stop !== null) return stop;
    usage.calls += 1;
    try {
      const reply = await attempt(run.provider, messages, settings.timeoutMs, options.signal);
      usage.promptTokens += reply.usage?.promptTokens ?? 0;
      usage.completionTokens += reply.usage?.completionTokens ?? 0;
      const value = parse(reply.content);
      if (value === null) return { status: 'unparseable', text: reply.content, calls };
      settings.cache.set(key, reply.content);
      return { status: 'answered', value, text: reply.content, calls, fromCache: false };
    } catch (thrown) {
      last = asProviderError(thrown);
      if (!last.retryable || retry >= settings.retries)
        return { status: 'failed', error: last, calls };
      await pause(backoffDelay(retry, options, settings.random, last.retryAfterMs), options.signal);
    }
  }
}

/** One question: from the cache, from an identical question in flight, or sent. */
async function ask<T>(
  run: Run,
  messages: readonly ChatMessage[],
  parse: (text: string) => T | null,
  scope: string,
): Promise<AskOutcome<T>> {
  const key = JSON.stringify([run.provider.id, scope, messages]);

  // A cached answer costs nothing; one that no longer parses is asked again.
  const cached = run.settings.cache.get(key);
  const value = cached === undefined ? null : parse(cached);
  if (cached !== undefined && value !== null) {
    run.usage.cacheHits += 1;
    return { status: 'answered', value, text: cached, calls: 0, fromCache: true };
  }

  // The same question in flight: share its outcome.
  const pending = run.inFlight.get(key) as Promise<AskOutcome<T>> | undefined;
  if (pending !== undefined) {
    const outcome = await pending;
    if (outcome.status !== 'answered') return { ...outcome, calls: 0 };
    run.usage.cacheHits += 1;
    return { ...outcome, calls: 0, fromCache: true };
  }

  // Otherwise wait for a slot and send.
  const outcome = run.limit(() => send(run, messages, parse, key));
  run.inFlight.set(key, outcome);
  try {
    return await outcome;
  } finally {
    run.inFlight.delete(key);
  }
}

/**
 * Open a session on a provider: the budget, cache and limits of one run.
 *
 * Each question is looked up in the cache first (an identical question already in flight counts
 * as a hit too). Otherwise it waits for a free slot, then sends up to `retries + 1` requests while
 * the budget lasts. An answer that does not parse is not retried (at temperature 0 it would come
 * back the same) and is not cached.
 *
 * @throws FitgateError `BAD_OPTION` for an option out of range.
 *
 * @example
 * const session = createModelSession(provider, { budget: 10, timeoutMs: 5000 });
 * const outcome = await session.ask(messages, (text) => text.trim() || null, 'icp-v1');
 * outcome.status // => 'answered' (or 'unparseable', 'failed', 'over_budget')
 */
export function createModelSession(
  provider: ChatProvider,
  options: ModelSessionOptions = {},
): ModelSession {
  const settings = settle(options);
  const run: Run = {
    provider,
    options,
    settings,
    usage: {
      calls: 0,
      cacheHits: 0,
      promptTokens: 0,
      completionTokens: 0,
      budget: settings.budget,
    },
    inFlight: new Map(),
    limit: createLimiter(settings.concurrency),
  };
  return {
    ask: (messages, parse, scope = '') => ask(run, messages, parse, scope),
    usage: () => ({ ...run.usage }),
  };
}
