import { describe, expect, it } from 'vitest';
import { DEFAULT_INDUSTRY_TAXONOMY } from '../src/default-industry-taxonomy.js';
import { industryTaxonomy } from '../src/industry-taxonomy.js';

describe('industryTaxonomy', () => {
  it('is the default taxonomy with the default floor when no team list is given', () => {
    const taxonomy = industryTaxonomy();
    expect(taxonomy.fuzzyFloor).toBe(0.85);
    expect(taxonomy.aliases).toEqual(DEFAULT_INDUSTRY_TAXONOMY);
    expect(Object.keys(taxonomy.aliases).length).toBeGreaterThanOrEqual(30);
  });

  it('extends: the team adds labels and aliases, and removes aliases from default labels', () => {
    const { aliases } = industryTaxonomy({
      industries: { beauty: ['cosmetics', 'personal care'], technology: ['tech stack'] },
    });
    expect(aliases.beauty).toEqual(['cosmetics', 'personal care']);
    expect(aliases['consumer goods']).not.toContain('cosmetics');
    expect(aliases.technology).toEqual(
      expect.arrayContaining(['tech stack', 'tech', 'it', 'internet technology']),
    );
  });

  it('extends: a default label listed as a team alias is folded into the team label', () => {
    const { aliases } = industryTaxonomy({ technology: ['software'] });
    expect(aliases.software).toBeUndefined();
    expect(aliases.technology).toEqual(expect.arrayContaining(['software', 'saas', 'tech']));
  });

  it('replaces: only the team labels exist', () => {
    const taxonomy = industryTaxonomy({
      mode: 'replace',
      fuzzyFloor: 0.9,
      industries: { fintech: 'payments', other: null },
    });
    expect(taxonomy).toEqual({ aliases: { fintech: ['payments'], other: [] }, fuzzyFloor: 0.9 });
  });

  it('says what is wrong with a bad document', () => {
    expect(() => industryTaxonomy('technology')).toThrow(
      'industry taxonomy: a taxonomy must be an object; got "technology"',
    );
    expect(() => industryTaxonomy({ industries: { a: ['x'], b: ['X'] } })).toThrow(
      'alias "X" is listed under both "a" and "b"',
    );
    expect(() => industryTaxonomy({ mode: 'merge', industries: {} })).toThrow(/mode must be/);
    expect(() => industryTaxonomy({ industries: {}, floor: 1 })).toThrow(/unknown key\(s\) floor/);
    expect(() => industryTaxonomy({ industries: { a: { b: 1 } } })).toThrow(
      /must be a list of text/,
    );
    expect(() => industryTaxonomy({ industries: {}, fuzzyFloor: 2 })).toThrow(/fuzzyFloor/);
  });

  it('treats a label named "__proto__" as a label', () => {
    const { aliases } = industryTaxonomy(
      JSON.parse('{"mode":"replace","industries":{"__proto__":["x"]}}'),
    );
    expect(Object.keys(aliases)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(aliases)).toBe(Object.prototype);
  });
});
