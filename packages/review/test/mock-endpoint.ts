/**
 * Test helpers: a scripted chat-completion endpoint on 127.0.0.1 (node:http), and a fetch that
 * refuses every host but 127.0.0.1, so no test can reach another machine.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The body as received. */
  raw: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  body:
    | { model?: string; messages?: { role: string; content: string }[]; [k: string]: unknown }
    | undefined;
}

/** What the endpoint answers: a status, a body (objects are sent as JSON), headers, a delay. */
export interface MockReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (the slow endpoint). */
  delayMs?: number;
}

export interface MockEndpoint {
  /** The base URL, such as http://127.0.0.1:40123/v1 */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A chat-completion body whose answer is `content`. */
export function chatBody(content: string, usage = { prompt_tokens: 100, completion_tokens: 10 }) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

/** The user message of a request. */
export function userMessage(request: RecordedRequest): string {
  return request.body?.messages?.find((m) => m.role === 'user')?.content ?? '';
}

/** The JSON between `<tag>` and `</tag>` of a prompt, parsed; throws when the block is absent. */
export function dataBlock(prompt: string, tag: string): unknown {
  const start = prompt.indexOf(`<${tag}>\n`);
  const end = prompt.indexOf(`\n</${tag}>`);
  if (start < 0 || end < start) throw new Error(`no <${tag}> block in the prompt`);
  return JSON.parse(prompt.slice(start + tag.length + 3, end));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function record(request: IncomingMessage, raw: string): RecordedRequest {
  let body: RecordedRequest['body'];
  try {
    body = JSON.parse(raw) as RecordedRequest['body'];
  } catch {
    body = undefined;
  }
  return {
    method: request.method ?? '',
    path: request.url ?? '',
    headers: request.headers,
    raw,
    body,
  };
}

async function answer(response: ServerResponse, reply: MockReply): Promise<void> {
  if (reply.delayMs !== undefined) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, reply.delayMs);
      response.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  if (response.destroyed || response.writableEnded) return;
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
  response.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
  response.end(text);
}

/**
 * Start an endpoint on 127.0.0.1 with a free port. `reply` decides each answer from the request
 * and its index (0 for the first request).
 */
export async function startMockEndpoint(
  reply: (request: RecordedRequest, index: number) => MockReply,
): Promise<MockEndpoint> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((raw) => {
      const recorded = record(request, raw);
      requests.push(recorded);
      return answer(response, reply(recorded, requests.length - 1));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fetch that reaches only 127.0.0.1 and throws for any other host. */
export const loopbackFetch: typeof fetch = (input, init) => {
  const href = input instanceof Request ? input.url : String(input);
  const host = new URL(href).hostname;
  if (host !== '127.0.0.1')
    throw new Error(`a test tried to reach ${host}; only 127.0.0.1 is allowed`);
  return fetch(input, init);
};
