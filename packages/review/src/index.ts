/**
 * @fitgate/review: REVIEW adjudication through a language model endpoint. Only REVIEW leads are
 * sent, their values as quoted data; the answer must be `VERDICT | reason`; the model cannot
 * qualify a lead below the fit floor. The same machinery suggests industry mappings for a person
 * to approve.
 */

// Adjudication.
export {
  adjudicateLeads,
  type AdjudicationOptions,
  type AdjudicationRun,
  type AdjudicationStatus,
  type AdjudicationSummary,
  type LeadAdjudication,
} from './adjudicate-leads.js';
export { applyVerdictAnswer, adjudicationReason } from './apply-verdict-answer.js';
export {
  buildAdjudicationPrompt,
  leadFields,
  mayQualify,
  MAX_FIELD_CHARS,
  type AdjudicationLead,
  type AdjudicationPromptOptions,
} from './build-adjudication-prompt.js';
export { parseVerdictAnswer, VERDICTS, type VerdictAnswer } from './parse-verdict-answer.js';
export { parseAnswerLine, MAX_REASON_CHARS } from './parse-answer-line.js';

// Prompts.
export {
  ADJUDICATION_TEMPLATE,
  ADJUDICATION_PLACEHOLDERS,
  MAPPING_TEMPLATE,
  MAPPING_PLACEHOLDERS,
  type PromptTemplate,
} from './templates.js';
export { quoteData } from './quote-data.js';
export { checkTemplate, renderTemplate } from './render-template.js';

// Providers and the session around them.
export type { ChatMessage, ChatProvider, ChatReply, ChatRequestOptions } from './chat-provider.js';
export { ProviderError, type ProviderErrorKind } from './provider-error.js';
export {
  openAiChatProvider,
  DEFAULT_MAX_TOKENS,
  DEFAULT_TEMPERATURE,
  type OpenAiChatProviderOptions,
} from './openai-chat-provider.js';
export {
  createModelSession,
  DEFAULT_BUDGET,
  DEFAULT_CONCURRENCY,
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type AnswerCache,
  type AskOutcome,
  type ModelSession,
  type ModelSessionOptions,
  type SessionUsage,
} from './model-session.js';
export {
  backoffDelay,
  DEFAULT_BACKOFF_MS,
  DEFAULT_MAX_BACKOFF_MS,
  type BackoffOptions,
} from './backoff-delay.js';

// Mapping suggestions.
export {
  suggestMappings,
  parseMappingAnswer,
  NO_MATCH,
  type MappingSuggestion,
  type SuggestMappingsOptions,
} from './suggest-mappings.js';
export {
  mappingSuggestionsDocument,
  type MappingSuggestionsDocument,
} from './mapping-suggestions-document.js';
