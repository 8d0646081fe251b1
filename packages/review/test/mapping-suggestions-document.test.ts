import { describe, expect, it } from 'vitest';
import { mappingSuggestionsDocument } from '../src/mapping-suggestions-document.js';
import type { MappingSuggestion } from '../src/suggest-mappings.js';

describe('mappingSuggestionsDocument', () => {
  it('groups proposed aliases by canonical name, lists the rest, and marks nothing applied', () => {
    const suggestions: MappingSuggestion[] = [
      { value: 'technolgy', canonical: 'Technology', reason: 'typo', status: 'suggested' },
      { value: 'Retail & CPG', canonical: 'Retail', reason: 'retail', status: 'suggested' },
      { value: 'tech', canonical: 'Technology', reason: 'short', status: 'suggested' },
      { value: 'Hobbyist', canonical: null, reason: 'none', status: 'no_match' },
      { value: 'Zzz', canonical: null, reason: 'model call failed: HTTP 500', status: 'failed' },
    ];
    const document = mappingSuggestionsDocument(suggestions);
    expect(document.kind).toBe('fitgate.mapping-suggestions');
    expect(document.applied).toBe(false);
    expect(document.note).toMatch(/NOT applied/);
    expect(document.aliases).toEqual({
      Retail: ['Retail & CPG'],
      Technology: ['technolgy', 'tech'],
    });
    expect(Object.keys(document.aliases)).toEqual(['Retail', 'Technology']);
    expect(document.unmatched).toEqual(['Hobbyist', 'Zzz']);
    expect(document.suggestions).toEqual(suggestions);
  });
});
