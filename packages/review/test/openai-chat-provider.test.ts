import { afterEach, describe, expect, it } from 'vitest';
import { openAiChatProvider } from '../src/openai-chat-provider.js';
import { ProviderError } from '../src/provider-error.js';
import {
  chatBody,
  loopbackFetch,
  startMockEndpoint,
  type MockEndpoint,
  type MockReply,
} from './mock-endpoint.js';

let endpoint: MockEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

const messages = [
  { role: 'system' as const, content: 'rules' },
  { role: 'user' as const, content: 'a "quoted" value\nwith a line break' },
];
const signal = () => new AbortController().signal;

/** One request against an endpoint that replies `reply`; returns the error it threw. */
async function failure(reply: MockReply): Promise<ProviderError> {
  endpoint = await startMockEndpoint(() => reply);
  const provider = openAiChatProvider({ url: endpoint.url, model: 'm', fetch: loopbackFetch });
  const error = await provider.complete(messages, { signal: signal() }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('openAiChatProvider', () => {
  it('posts a well-formed chat-completion request and reads the answer and usage', async () => {
    endpoint = await startMockEndpoint(() => ({ body: chatBody('REVIEW | unclear') }));
    const provider = openAiChatProvider({
      url: `${endpoint.url}/`,
      model: 'test-model',
      key: 'sk-test',
      fetch: loopbackFetch,
    });
    const reply = await provider.complete(messages, { signal: signal() });
    expect(reply).toEqual({
      content: 'REVIEW | unclear',
      usage: { promptTokens: 100, completionTokens: 10 },
    });

    const [request] = endpoint.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.authorization).toBe('Bearer sk-test');
    expect(JSON.parse(request.raw)).toEqual({
      model: 'test-model',
      messages,
      temperature: 0,
      max_tokens: 200,
    });
  });

  it('sends no authorization header without a key, and leaves out nulled settings', async () => {
    endpoint = await startMockEndpoint(() => ({ body: chatBody('REVIEW | x') }));
    const url = `${endpoint.url}/chat/completions`;
    const provider = openAiChatProvider({
      url,
      model: 'm',
      temperature: null,
      maxTokens: null,
      fetch: loopbackFetch,
    });
    await provider.complete(messages, { signal: signal() });
    const [request] = endpoint.requests;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body).toEqual({ model: 'm', messages });
  });

  it('classifies statuses: 5xx and 429 and 408 retryable, other 4xx not', async () => {
    const server = await failure({ status: 500, body: { error: { message: 'boom' } } });
    expect([server.kind, server.retryable, server.status]).toEqual(['server', true, 500]);
    expect(server.message).toBe('HTTP 500 Internal Server Error: {"error":{"message":"boom"}}');
    await endpoint?.close();

    const limited = await failure({ status: 429, headers: { 'retry-after': '2' } });
    expect([limited.kind, limited.retryable, limited.retryAfterMs]).toEqual([
      'rate_limited',
      true,
      2000,
    ]);
    await endpoint?.close();

    const timeout = await failure({ status: 408 });
    expect([timeout.kind, timeout.retryable]).toEqual(['timeout', true]);
    await endpoint?.close();

    const rejected = await failure({ status: 401, body: { error: 'bad key' } });
    expect([rejected.kind, rejected.retryable]).toEqual(['rejected', false]);
  });

  it('treats a body that is not JSON, or has no text, as a bad response (no retry)', async () => {
    const notJson = await failure({ body: '<html>oops</html>' });
    expect([notJson.kind, notJson.retryable]).toEqual(['bad_response', false]);
    await endpoint?.close();

    const noText = await failure({ body: { choices: [] } });
    expect(noText.message).toBe("the endpoint's answer has no text in choices[0].message.content");
    await endpoint?.close();

    const refusal = await failure({
      body: { choices: [{ message: { content: null, refusal: 'I cannot' } }] },
    });
    expect(refusal.message).toBe('the model refused: I cannot');
  });

  it('reports an unreachable endpoint as a retryable network error', async () => {
    endpoint = await startMockEndpoint(() => ({}));
    const url = endpoint.url;
    await endpoint.close(); // nothing listens there now
    endpoint = undefined;
    const provider = openAiChatProvider({ url, model: 'm', fetch: loopbackFetch });
    const error = (await provider
      .complete(messages, { signal: signal() })
      .catch((e: unknown) => e)) as ProviderError;
    expect([error.kind, error.retryable]).toEqual(['network', true]);
  });

  it('rejects unusable URLs before anything is sent', () => {
    expect(() => openAiChatProvider({ url: 'not a url', model: 'm' })).toThrow(/not a URL/);
    expect(() => openAiChatProvider({ url: 'file:///etc/passwd', model: 'm' })).toThrow(
      /http or https/,
    );
    expect(() => openAiChatProvider({ url: 'http://u:p@127.0.0.1/v1', model: 'm' })).toThrow(
      /credentials/,
    );
    expect(() => openAiChatProvider({ url: 'http://127.0.0.1/v1', model: ' ' })).toThrow(
      /model name is empty/,
    );
  });

  it('refuses to send a key over plain http to another host, but allows loopback', () => {
    expect(() =>
      openAiChatProvider({ url: 'http://llm.example.com/v1', model: 'm', key: 'k' }),
    ).toThrow(/refusing to send the API key over plain http to llm.example.com/);
    expect(() =>
      openAiChatProvider({ url: 'http://127.0.0.1:1/v1', model: 'm', key: 'k' }),
    ).not.toThrow();
    expect(() =>
      openAiChatProvider({ url: 'http://[::1]:1/v1', model: 'm', key: 'k' }),
    ).not.toThrow();
  });
});
