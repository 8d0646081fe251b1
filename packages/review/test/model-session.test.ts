import { describe, expect, it } from 'vitest';
import type { ChatProvider, ChatReply } from '../src/chat-provider.js';
import { createModelSession } from '../src/model-session.js';
import { ProviderError } from '../src/provider-error.js';

const question = (text: string) => [{ role: 'user' as const, content: text }];
const echo = (text: string) => (text.startsWith('ok') ? text : null);
const fast = { backoffMs: 1, maxBackoffMs: 2 };

/** A provider that plays a script: each entry is a reply text or an error to throw. */
function scripted(script: (ProviderError | string)[]) {
  const asked: string[] = [];
  const provider: ChatProvider = {
    id: 'scripted',
    async complete(messages): Promise<ChatReply> {
      asked.push(messages[0].content);
      const next = script.shift() ?? 'ok';
      if (next instanceof ProviderError) throw next;
      return { content: next, usage: { promptTokens: 7, completionTokens: 3 } };
    },
  };
  return { provider, asked };
}

describe('createModelSession', () => {
  it('retries a retryable failure and counts every request', async () => {
    const { provider } = scripted([new ProviderError('server', 'HTTP 500'), 'ok fine']);
    const session = createModelSession(provider, fast);
    const outcome = await session.ask(question('q'), echo);
    expect(outcome).toMatchObject({
      status: 'answered',
      value: 'ok fine',
      calls: 2,
      fromCache: false,
    });
    expect(session.usage()).toMatchObject({ calls: 2, promptTokens: 7, completionTokens: 3 });
  });

  it('does not retry a rejection (4xx) and stops after the last retry', async () => {
    const rejected = scripted([new ProviderError('rejected', 'HTTP 401'), 'ok']);
    const one = await createModelSession(rejected.provider, fast).ask(question('q'), echo);
    expect(one).toMatchObject({ status: 'failed', calls: 1 });

    const down = scripted(Array.from({ length: 5 }, () => new ProviderError('server', 'HTTP 503')));
    const three = await createModelSession(down.provider, { ...fast, retries: 2 }).ask(
      question('q'),
      echo,
    );
    expect(three).toMatchObject({ status: 'failed', calls: 3 });
  });

  it('does not retry or cache an unparseable answer', async () => {
    const { provider, asked } = scripted(['nonsense', 'ok']);
    const session = createModelSession(provider, fast);
    expect(await session.ask(question('q'), echo)).toMatchObject({
      status: 'unparseable',
      text: 'nonsense',
      calls: 1,
    });
    expect(await session.ask(question('q'), echo)).toMatchObject({ status: 'answered', calls: 1 });
    expect(asked).toHaveLength(2);
  });

  it('answers a repeated question from the cache and an identical one in flight once', async () => {
    const { provider, asked } = scripted(['ok a', 'ok b']);
    const session = createModelSession(provider, fast);
    const [first, twin] = await Promise.all([
      session.ask(question('a'), echo),
      session.ask(question('a'), echo),
    ]);
    const again = await session.ask(question('a'), echo);
    expect(asked).toEqual(['a']);
    expect([first.calls, twin.calls, again.calls]).toEqual([1, 0, 0]);
    expect(again).toMatchObject({ status: 'answered', value: 'ok a', fromCache: true });
    expect(session.usage()).toMatchObject({ calls: 1, cacheHits: 2 });
  });

  it('keys the cache by scope: another definition version asks again', async () => {
    const { provider, asked } = scripted(['ok 1', 'ok 2']);
    const cache = new Map<string, string>();
    await createModelSession(provider, { cache }).ask(question('a'), echo, 'v1');
    const other = await createModelSession(provider, { cache }).ask(question('a'), echo, 'v2');
    expect(other).toMatchObject({ value: 'ok 2', fromCache: false });
    expect(asked).toHaveLength(2);
    expect(cache.size).toBe(2);
  });

  it('stops at the budget: the first question past it is not sent', async () => {
    const { provider, asked } = scripted([]);
    const session = createModelSession(provider, { budget: 2, concurrency: 1 });
    const outcomes = await Promise.all(['a', 'b', 'c'].map((q) => session.ask(question(q), echo)));
    expect(outcomes.map((o) => o.status)).toEqual(['answered', 'answered', 'over_budget']);
    expect(asked).toEqual(['a', 'b']);
  });

  it('counts retries against the budget and says so when it cuts one short', async () => {
    const { provider } = scripted([new ProviderError('server', 'HTTP 500'), 'ok']);
    const outcome = await createModelSession(provider, { ...fast, budget: 1 }).ask(
      question('q'),
      echo,
    );
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') {
      expect(outcome.error.message).toBe('HTTP 500; not retried: the budget of 1 calls is used up');
    }
  });

  it('never has more requests in flight than the concurrency limit', async () => {
    let inFlight = 0;
    let most = 0;
    const provider: ChatProvider = {
      id: 'slow',
      async complete() {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return { content: 'ok' };
      },
    };
    const session = createModelSession(provider, { concurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => session.ask(question(`q${i}`), echo)));
    expect(most).toBe(3);
  });

  it('abandons a provider that ignores the timeout signal', async () => {
    const provider: ChatProvider = { id: 'hang', complete: () => new Promise(() => {}) };
    const outcome = await createModelSession(provider, { timeoutMs: 20, retries: 1, ...fast }).ask(
      question('q'),
      echo,
    );
    expect(outcome).toMatchObject({ status: 'failed', calls: 2 });
    if (outcome.status === 'failed') expect(outcome.error.message).toBe('no answer within 20 ms');
  });

  it('sends nothing more once the run is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const { provider, asked } = scripted([]);
    const outcome = await createModelSession(provider, { signal: controller.signal }).ask(
      question('q'),
      echo,
    );
    expect(outcome).toMatchObject({ status: 'failed', calls: 0 });
    expect(asked).toHaveLength(0);
  });

  it('rejects bad options with BAD_OPTION', () => {
    const { provider } = scripted([]);
    expect(() => createModelSession(provider, { budget: -1 })).toThrow(
      /budget must be a whole number >= 0; got -1/,
    );
    expect(() => createModelSession(provider, { concurrency: 0 })).toThrow(/concurrency/);
    expect(() => createModelSession(provider, { timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createModelSession(provider, { retries: 1.5 })).toThrow(/retries/);
  });
});
