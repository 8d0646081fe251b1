/**
 * A `ChatProvider` for OpenAI-compatible chat-completion endpoints (`POST {url}/chat/completions`),
 * which OpenAI, Azure's compatible route, vLLM, llama.cpp's server, Ollama and most gateways serve.
 * It makes one request per call; the session adds timeouts, retries and the budget.
 */
import { FitgateError } from '@fitgate/core';
import type { ChatMessage, ChatProvider, ChatReply, ChatRequestOptions } from './chat-provider.js';
import { ProviderError } from './provider-error.js';

/** Temperature 0: the same question should get the same verdict, run after run. */
export const DEFAULT_TEMPERATURE = 0;

/**
 * A verdict and one sentence fit in well under 100 tokens; 200 leaves room for a long sentence and
 * bounds what a runaway answer can cost.
 */
export const DEFAULT_MAX_TOKENS = 200;

/** How much of an error body is kept in a message: enough to read, not a whole HTML page. */
const ERROR_BODY_CHARS = 200;

const PATH = '/chat/completions';

export interface OpenAiChatProviderOptions {
  /**
   * The endpoint's base URL, such as `https://api.openai.com/v1` or `http://127.0.0.1:11434/v1`.
   * `/chat/completions` is appended unless the URL already ends with it.
   */
  url: string;
  /** The model name the endpoint expects, such as `gpt-4o-mini`. */
  model: string;
  /** Sent as `Authorization: Bearer KEY` when given; never part of any message or error. */
  key?: string;
  /**
   * Sampling temperature; null leaves it out (some reasoning models accept only their default).
   * @default 0
   */
  temperature?: number | null;
  /**
   * `max_tokens` of the request; null leaves it out.
   * @default 200
   */
  maxTokens?: number | null;
  /**
   * Allow a key to travel over plain `http:` to a host other than this machine.
   * @default false
   */
  allowPlainHttp?: boolean;
  /**
   * The fetch function to use (tests pass one that refuses every host but loopback).
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
}

/** Whether a host name is this machine (where plain HTTP cannot be read on the way). */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The full request URL, checked: http or https, and no key in clear text to another host. */
function endpointUrl(options: OpenAiChatProviderOptions): URL {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new FitgateError('BAD_OPTION', `the model URL is not a URL; got "${options.url}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FitgateError(
      'BAD_OPTION',
      `the model URL must use http or https; got "${url.protocol}"`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new FitgateError(
      'BAD_OPTION',
      'the model URL holds credentials; pass the key separately',
    );
  }
  const insecure = url.protocol === 'http:' && !isLoopback(url.hostname);
  if (insecure && options.key !== undefined && options.allowPlainHttp !== true) {
    throw new FitgateError(
      'BAD_OPTION',
      `refusing to send the API key over plain http to ${url.host}; ` +
        'use https, or set allowPlainHttp',
    );
  }
  if (!url.pathname.endsWith(PATH)) url.pathname = url.pathname.replace(/\/+$/, '') + PATH;
  return url;
}

/** The first characters of a body, on one line, for an error message. */
function excerpt(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return line.length > ERROR_BODY_CHARS ? `${line.slice(0, ERROR_BODY_CHARS)}...` : line;
}

/** A `Retry-After` header in seconds, as milliseconds (dates are ignored). */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null || !/^\s*\d+(\.\d+)?\s*$/.test(header)) return undefined;
  return Math.round(Number(header) * 1000);
}

/** The error for a non-2xx answer: 408, 429 and 5xx are worth retrying, other 4xx are not. */
async function statusError(response: Response): Promise<ProviderError> {
  const body = excerpt(await response.text().catch(() => ''));
  const message = `HTTP ${response.status} ${response.statusText}${body ? `: ${body}` : ''}`.trim();
  const details = {
    status: response.status,
    retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
  };
  if (response.status === 408) return new ProviderError('timeout', message, details);
  if (response.status === 429) return new ProviderError('rate_limited', message, details);
  if (response.status >= 500) return new ProviderError('server', message, details);
  return new ProviderError('rejected', message, details);
}

/** The answer text and token counts of a chat-completion body, or a `bad_response` error. */
function replyFromBody(body: unknown): ChatReply {
  const choice = (body as { choices?: unknown })?.choices;
  const message = Array.isArray(choice) ? (choice[0] as { message?: unknown })?.message : undefined;
  const content = (message as { content?: unknown } | undefined)?.content;
  if (typeof content !== 'string') {
    const refusal = (message as { refusal?: unknown } | undefined)?.refusal;
    const why =
      typeof refusal === 'string'
        ? `the model refused: ${excerpt(refusal)}`
        : "the endpoint's answer has no text in choices[0].message.content";
    throw new ProviderError('bad_response', why);
  }
  const usage = (body as { usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } })
    .usage;
  const prompt = usage?.prompt_tokens;
  const completion = usage?.completion_tokens;
  if (typeof prompt !== 'number' || typeof completion !== 'number') return { content };
  return { content, usage: { promptTokens: prompt, completionTokens: completion } };
}

/** Turn whatever a failed fetch threw into a `ProviderError`. */
function requestError(error: unknown, signal: AbortSignal): ProviderError {
  if (error instanceof ProviderError) return error;
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    return reason instanceof ProviderError ? reason : new ProviderError('cancelled', 'cancelled');
  }
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  const detail = typeof cause === 'string' ? ` (${cause})` : '';
  return new ProviderError('network', `the endpoint could not be reached${detail}`);
}

/**
 * A provider for an OpenAI-compatible chat-completion endpoint.
 *
 * Each call sends `{ model, messages, temperature, max_tokens }` and reads
 * `choices[0].message.content`. A 408, 429 or 5xx status, a network error or a timeout throws a
 * retryable `ProviderError`; another 4xx or a body without text throws one that is not.
 *
 * @example
 * const provider = openAiChatProvider({ url: 'http://127.0.0.1:8080/v1', model: 'local' });
 * provider.id // => 'openai-chat:http://127.0.0.1:8080/v1/chat/completions#local'
 */
export function openAiChatProvider(options: OpenAiChatProviderOptions): ChatProvider {
  const url = endpointUrl(options);
  if (options.model.trim() === '') throw new FitgateError('BAD_OPTION', 'the model name is empty');
  const send = options.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  const temperature = options.temperature === undefined ? DEFAULT_TEMPERATURE : options.temperature;
  const maxTokens = options.maxTokens === undefined ? DEFAULT_MAX_TOKENS : options.maxTokens;

  const complete = async (
    messages: readonly ChatMessage[],
    { signal }: ChatRequestOptions,
  ): Promise<ChatReply> => {
    // The body is built with JSON.stringify only, so no message text can change its shape.
    const body: Record<string, unknown> = { model: options.model, messages };
    if (temperature !== null) body.temperature = temperature;
    if (maxTokens !== null) body.max_tokens = maxTokens;
    try {
      const init = { method: 'POST', headers, body: JSON.stringify(body), signal };
      const response = await send(url, init);
      if (!response.ok) throw await statusError(response);
      const parsed: unknown = await response.json().catch((error: unknown) => {
        if (signal.aborted) throw error;
        throw new ProviderError('bad_response', "the endpoint's answer is not JSON");
      });
      return replyFromBody(parsed);
    } catch (error) {
      throw requestError(error, signal);
    }
  };
  return { id: `openai-chat:${url.href}#${options.model}`, complete };
}
