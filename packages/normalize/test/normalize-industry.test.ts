import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INDUSTRY_TAXONOMY } from '../src/default-industry-taxonomy.js';
import { industryTaxonomy } from '../src/industry-taxonomy.js';
import { normalizeIndustry } from '../src/normalize-industry.js';

describe('normalizeIndustry with the default taxonomy', () => {
  it('maps typo "technolgy" of crm-sales-opportunities to technology (1 edit in 10: 0.9)', () => {
    expect(normalizeIndustry('technolgy')).toMatchObject({
      label: 'technology',
      method: 'fuzzy',
      confidence: 0.9,
    });
  });

  it('maps three names of one company in the issue: "IT", "Internet technology", software', () => {
    expect(normalizeIndustry('IT').label).toBe('technology');
    expect(normalizeIndustry('Internet technology').label).toBe('technology');
    // Software is its own industry by default; a team can fold it in (see industryTaxonomy).
    expect(normalizeIndustry('Software').label).toBe('software');
  });

  it('normalises text before matching: case, dashes, & / and, punctuation, spacing', () => {
    for (const text of ['E-Commerce', 'e–commerce', 'E COMMERCE', ' e.commerce ']) {
      expect(normalizeIndustry(text).label).toBe('e-commerce');
    }
    expect(normalizeIndustry('Food & Beverages').label).toBe('food and beverage');
    expect(normalizeIndustry('Food/Beverages').label).toBe('food and beverage');
    expect(normalizeIndustry('F&B').label).toBe('food and beverage');
  });

  it('leaves a value it cannot place unmapped with a reason, never "Other"', () => {
    const result = normalizeIndustry('Finance Management');
    expect(result.label).toBeNull();
    expect(result.reason).toMatch(/^no label or alias within similarity 0.85/);
  });

  it('maps every label and alias of the default taxonomy to its label', () => {
    for (const [label, aliases] of Object.entries(DEFAULT_INDUSTRY_TAXONOMY)) {
      for (const text of [label, ...aliases]) expect(normalizeIndustry(text).label).toBe(label);
    }
  });

  it('normalises a normalised value to itself (property)', () => {
    const words = fc.constantFrom(...Object.values(DEFAULT_INDUSTRY_TAXONOMY).flat(), 'x', 'and');
    const text = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.array(words, { maxLength: 3 }).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(text, (value) => {
        const first = normalizeIndustry(value);
        if (first.label !== null) expect(normalizeIndustry(first.label).label).toBe(first.label);
      }),
      { numRuns: 2000 },
    );
  });

  it('uses a team taxonomy when given one', () => {
    const team = industryTaxonomy({ industries: { technology: ['software'] } });
    expect(normalizeIndustry('SaaS', team).label).toBe('technology');
    expect(normalizeIndustry('SaaS').label).toBe('software');
  });
});
