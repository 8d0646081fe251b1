/** Mapping suggestions written out for a person to approve into the team's taxonomy. */
import type { MappingSuggestion } from './suggest-mappings.js';

/** A review document: proposed aliases by canonical industry, and what found no match. */
export interface MappingSuggestionsDocument {
  kind: 'fitgate.mapping-suggestions';
  /** Always false: the document proposes; a person approves by copying aliases over. */
  applied: false;
  note: string;
  /** Raw values proposed as aliases, by canonical industry, sorted by name. */
  aliases: Record<string, string[]>;
  /** Values with no suggestion: the model found no match, or gave no usable answer. */
  unmatched: string[];
  /** Every suggestion with its reason. */
  suggestions: MappingSuggestion[];
}

const NOTE =
  'Suggested by a language model and NOT applied. Check each alias; copy the ones you approve ' +
  "into your taxonomy's aliases, then run derive or qualify again.";

/**
 * Arrange suggestions as a document a person can review and approve from.
 *
 * @example
 * const typo = { value: 'technolgy', canonical: 'Technology', reason: 'typo' };
 * mappingSuggestionsDocument([{ ...typo, status: 'suggested' }]).aliases
 * // => { Technology: ['technolgy'] }
 */
export function mappingSuggestionsDocument(
  suggestions: readonly MappingSuggestion[],
): MappingSuggestionsDocument {
  // Map, not a plain object, so a canonical name such as __proto__ stays a key.
  const byName = new Map<string, string[]>();
  for (const s of suggestions) {
    if (s.canonical === null) continue;
    byName.set(s.canonical, [...(byName.get(s.canonical) ?? []), s.value]);
  }
  const names = [...byName.keys()].sort();
  return {
    kind: 'fitgate.mapping-suggestions',
    applied: false,
    note: NOTE,
    aliases: Object.fromEntries(names.map((name) => [name, byName.get(name) ?? []])),
    unmatched: suggestions.filter((s) => s.canonical === null).map((s) => s.value),
    suggestions: [...suggestions],
  };
}
