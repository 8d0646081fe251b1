import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileTitleClassifier,
  MAX_TITLE_LENGTH,
  type TitleRules,
} from '../../src/normalizers/compile-title-classifier.js';

// Small rules written for this test; the package's full defaults are tested in @fitgate/normalize.
const RULES: TitleRules = {
  seniority: [
    { label: 'c-level', phrases: ['ceo', 'chief * officer', 'president'] },
    { label: 'vp', phrases: ['vp', 'svp', 'vice president'] },
    { label: 'director', phrases: ['director', 'head of'] },
    { label: 'intern', phrases: ['intern'] },
    { label: 'senior', phrases: ['senior', 'sr'] },
  ],
  departments: [
    { label: 'sales', phrases: ['sales', 'revops'] },
    { label: 'engineering', phrases: ['engineering', 'engineer', 'internal tools'] },
  ],
  fallbackSeniority: 'individual contributor',
  stopWords: ['to'],
};

describe('compileTitleClassifier', () => {
  const classify = compileTitleClassifier(RULES);

  it('reads whole words only: "Internal Tools" is not an intern', () => {
    expect(classify('Internal Tools')).toMatchObject({
      seniority: 'individual contributor',
      seniorityPhrase: null,
      department: 'engineering',
    });
    expect(classify('Marketing Intern').seniority).toBe('intern');
  });

  it('takes the longest phrase: "Vice President" is not a president', () => {
    expect(classify('Vice President, Sales')).toMatchObject({
      seniority: 'vp',
      department: 'sales',
    });
    expect(classify('President')).toMatchObject({ seniority: 'c-level' });
  });

  it('keeps the words of a seniority phrase from the departments', () => {
    const withPresident = compileTitleClassifier({
      ...RULES,
      departments: [...RULES.departments, { label: 'executive', phrases: ['president'] }],
    });
    expect(withPresident('President').department).toBe('executive');
    expect(withPresident('Vice President').department).toBeNull();
    expect(withPresident('Vice President Sales').department).toBe('sales');
  });

  it('lets "*" stand for one to three words', () => {
    expect(classify('Chief Revenue Officer').seniority).toBe('c-level');
    expect(classify('Chief Information Security Officer').seniority).toBe('c-level');
    expect(classify('Chief Officer').seniority).toBe('individual contributor');
    expect(classify('Chief of the Very Big Team Officer').seniority).toBe('individual contributor');
  });

  it('picks the level listed first, and reads no seniority after a stop word', () => {
    expect(classify('Senior Director').seniority).toBe('director');
    expect(classify('Senior Intern').seniority).toBe('intern');
    expect(classify('Assistant to the CEO').seniority).toBe('individual contributor');
  });

  it('reads the issue examples with these rules', () => {
    expect(classify('SVP Sales')).toMatchObject({ seniority: 'vp', department: 'sales' });
    expect(classify('P/CEO').seniority).toBe('c-level');
    expect(classify('Head of RevOps')).toMatchObject({
      seniority: 'director',
      department: 'sales',
    });
  });

  it('gives nothing for text without words, and for long text', () => {
    expect(classify('---')).toMatchObject({ seniority: null, reason: 'no letter or digit' });
    expect(classify('12345').seniority).toBeNull();
    expect(classify('vp '.repeat(1_000_000)).reason).toBe(
      `longer than ${MAX_TITLE_LENGTH} characters`,
    );
  });

  it('classifies each label as itself (property: normalising a normalised value)', () => {
    for (const { label } of RULES.seniority) {
      if (label !== 'c-level') expect(classify(label).seniority).toBe(label);
    }
    for (const { label } of RULES.departments) expect(classify(label).department).toBe(label);
  });

  it('never throws and only gives known labels (property)', () => {
    const known = new Set([...RULES.seniority.map((r) => r.label), 'individual contributor', null]);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (title) => {
        expect(known.has(classify(title).seniority)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
