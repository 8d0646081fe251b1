/**
 * Mapping suggestions for industry values the normaliser left unmapped: the model proposes one of
 * the team's canonical industries (or none) for each value, with a reason. Suggestions are for a
 * person to approve into the taxonomy; nothing here changes a mapping.
 */
import { FitgateError } from '@fitgate/core';
import type { ChatMessage, ChatProvider } from './chat-provider.js';
import {
  createModelSession,
  type ModelSessionOptions,
  type SessionUsage,
} from './model-session.js';
import { parseAnswerLine } from './parse-answer-line.js';
import { quoteData } from './quote-data.js';
import { checkTemplate, renderTemplate } from './render-template.js';
import {
  MAPPING_PLACEHOLDERS,
  MAPPING_REQUIRED,
  MAPPING_TEMPLATE,
  type PromptTemplate,
} from './templates.js';

/** The word the model answers when no canonical industry fits. */
export const NO_MATCH = 'NONE';

/**
 * What the model proposed for one value. `suggested`: a canonical industry. `no_match`: it said
 * none fits. `unparseable`, `failed`, `over_budget`: no suggestion (the reason says why).
 */
export interface MappingSuggestion {
  value: string;
  canonical: string | null;
  reason: string;
  status: 'suggested' | 'no_match' | 'unparseable' | 'failed' | 'over_budget';
}

export interface SuggestMappingsOptions extends ModelSessionOptions {
  /**
   * The prompt to fill in.
   * @default MAPPING_TEMPLATE
   */
  template?: PromptTemplate;
}

/** The canonical name an answer names (any case), null for NONE, undefined for anything else. */
function canonicalOf(head: string, taxonomy: readonly string[]): string | null | undefined {
  const wanted = head.toLowerCase();
  const found = taxonomy.find((name) => name.toLowerCase() === wanted);
  if (found !== undefined) return found;
  return head === NO_MATCH ? null : undefined;
}

/**
 * Parse an answer `INDUSTRY | reason`: INDUSTRY must be one of the canonical names (case aside)
 * or NONE; anything else is null.
 *
 * @example
 * parseMappingAnswer('Technology | a misspelling of technology', ['Technology', 'Retail'])
 * // => { canonical: 'Technology', reason: 'a misspelling of technology' }
 */
export function parseMappingAnswer(
  text: string,
  taxonomy: readonly string[],
): { canonical: string | null; reason: string } | null {
  const line = parseAnswerLine(text);
  if (line === null) return null;
  const canonical = canonicalOf(line.head, taxonomy);
  return canonical === undefined ? null : { canonical, reason: line.reason };
}

/** The distinct non-empty values, trimmed, in first-seen order. */
function distinct(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => String(v).trim()).filter((v) => v !== ''))];
}

/** The messages for one value. */
function mappingPrompt(value: string, taxonomy: readonly string[], template: PromptTemplate) {
  const values = { taxonomy: quoteData(taxonomy), value: quoteData(value) };
  const messages: ChatMessage[] = [
    { role: 'system', content: renderTemplate(template.system, values) },
    { role: 'user', content: renderTemplate(template.user, values) },
  ];
  return messages;
}

/**
 * Ask the model, value by value, which canonical industry each unmapped value belongs to.
 *
 * Values are trimmed and asked once each; the run has the same cache, limits, timeout, retries and
 * budget as adjudication. The suggestions come back for a person to approve (see
 * `mappingSuggestionsDocument`); none is applied.
 *
 * @throws FitgateError `BAD_OPTION` when the taxonomy is empty or the template is bad.
 *
 * @example
 * const { suggestions } = await suggestMappings(['technolgy'], ['Technology', 'Retail'], provider);
 * suggestions[0]
 * // => { value: 'technolgy', canonical: 'Technology', reason: '...', status: 'suggested' }
 */
export async function suggestMappings(
  values: readonly string[],
  taxonomy: readonly string[],
  provider: ChatProvider,
  options: SuggestMappingsOptions = {},
): Promise<{ suggestions: MappingSuggestion[]; usage: SessionUsage }> {
  const template = options.template ?? MAPPING_TEMPLATE;
  checkTemplate(template.system + template.user, MAPPING_PLACEHOLDERS, MAPPING_REQUIRED);
  const names = distinct(taxonomy);
  if (names.length === 0) throw new FitgateError('BAD_OPTION', 'the taxonomy has no names');
  const session = createModelSession(provider, options);
  const scope = JSON.stringify(names);
  const parse = (text: string) => parseMappingAnswer(text, names);

  const suggestions = await Promise.all(
    distinct(values).map(async (value): Promise<MappingSuggestion> => {
      const outcome = await session.ask(mappingPrompt(value, names, template), parse, scope);
      const none = { value, canonical: null };
      if (outcome.status === 'over_budget') {
        return { ...none, reason: 'not sent: the budget is used up', status: 'over_budget' };
      }
      if (outcome.status === 'failed') {
        return { ...none, reason: `model call failed: ${outcome.error.message}`, status: 'failed' };
      }
      if (outcome.status === 'unparseable') {
        return { ...none, reason: 'unparseable answer', status: 'unparseable' };
      }
      const { canonical, reason } = outcome.value;
      return { value, canonical, reason, status: canonical === null ? 'no_match' : 'suggested' };
    }),
  );
  return { suggestions, usage: session.usage() };
}
