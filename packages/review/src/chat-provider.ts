/**
 * The seam between fitgate and a language model: a provider sends one list of chat messages and
 * returns the model's text. Timeouts, retries, the budget and the cache live above it, in
 * `createModelSession`, so every provider gets them the same way.
 */

/** One chat message, as chat-completion endpoints take them. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What one successful request returned. */
export interface ChatReply {
  /** The model's answer text. */
  content: string;
  /** Tokens the endpoint reports for the request and the answer, when it reports them. */
  usage?: { promptTokens: number; completionTokens: number };
}

/** Per-request settings the session passes to a provider. */
export interface ChatRequestOptions {
  /** Aborted when the request times out or the run is cancelled; a provider must honour it. */
  signal: AbortSignal;
}

/**
 * A language model behind one request: send messages, get text back.
 *
 * A provider makes exactly one attempt per call and throws a `ProviderError` when it fails,
 * saying whether another attempt could succeed (`retryable`).
 */
export interface ChatProvider {
  /** Names the endpoint and model; part of the cache key, so two models never share answers. */
  readonly id: string;
  complete(messages: readonly ChatMessage[], options: ChatRequestOptions): Promise<ChatReply>;
}
