import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyTitle } from '../src/classify-title.js';
import { DEFAULT_TITLE_RULES } from '../src/default-title-rules.js';

describe('classifyTitle with the default rules', () => {
  it.each([
    // The examples.
    ['SVP Sales', 'vp', 'sales'],
    ['P/CEO', 'c-level', 'executive'],
    ['Internal Tools', 'individual contributor', 'engineering'],
    ['Head of RevOps', 'director', 'sales'],
    // Longest phrase first, precedence between levels, words that only look senior.
    ['Vice President of Marketing', 'vp', 'marketing'],
    ['Senior Director, Product', 'director', 'product'],
    ['Sr. Software Engineer', 'senior', 'engineering'],
    ['Marketing Intern', 'intern', 'marketing'],
    ['Senior Intern', 'intern', null],
    ['Chief Revenue Officer', 'c-level', 'sales'],
    ['Chief of Staff', 'director', 'executive'],
    ['Chief Growth Officer', 'c-level', 'marketing'],
    ['Chief Information Security Officer', 'c-level', 'security'],
    ['Co-Founder & CTO', 'c-level', 'executive'],
    ['Product Owner', 'individual contributor', 'product'],
    ['Account Executive', 'individual contributor', 'sales'],
    ['Executive Assistant to the CEO', 'individual contributor', 'executive'],
    ['Assistant to the CEO', 'individual contributor', 'executive'],
    ['Lead Generation Specialist', 'individual contributor', 'marketing'],
    ['Team Lead, Customer Support', 'manager', 'customer success'],
    ['Director of Internships', 'director', null],
    ['VP Finance & Operations', 'vp', 'finance'],
    ['Data Scientist', 'individual contributor', 'data'],
    ['Owner', 'c-level', 'executive'],
  ])('%j -> %s, %s', (title, seniority, department) => {
    expect(classifyTitle(title)).toMatchObject({ seniority, department });
  });

  it('gives a missing seniority to text without a word', () => {
    expect(classifyTitle('—').seniority).toBeNull();
    expect(classifyTitle('').reason).toBe('no letter or digit');
  });

  it('classifies each seniority and department label as itself (property: idempotence)', () => {
    for (const { label } of DEFAULT_TITLE_RULES.seniority) {
      expect(classifyTitle(label).seniority).toBe(label);
    }
    for (const { label } of DEFAULT_TITLE_RULES.departments) {
      expect(classifyTitle(label).department).toBe(label);
    }
  });

  it('never throws, and gives only the listed levels and departments (property)', () => {
    const levels = new Set<string | null>([
      ...DEFAULT_TITLE_RULES.seniority.map((r) => r.label),
      null,
    ]);
    const departments = new Set<string | null>([
      ...DEFAULT_TITLE_RULES.departments.map((r) => r.label),
      null,
    ]);
    const phrase = fc.constantFrom(
      ...DEFAULT_TITLE_RULES.seniority.flatMap((r) => r.phrases.filter((p) => !p.includes('*'))),
      ...DEFAULT_TITLE_RULES.departments.flatMap((r) => r.phrases),
      'of',
      'to',
      '&',
      '/',
      ',',
    );
    const title = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.array(phrase, { maxLength: 6 }).map((p) => p.join(' ')),
    );
    fc.assert(
      fc.property(title, (t) => {
        const result = classifyTitle(t);
        expect(levels.has(result.seniority)).toBe(true);
        expect(departments.has(result.department)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a long title before reading it', () => {
    expect(classifyTitle('intern '.repeat(200_000)).reason).toBe('longer than 200 characters');
  });

  it('lists no phrase under two labels of the same kind', () => {
    for (const rules of [DEFAULT_TITLE_RULES.seniority, DEFAULT_TITLE_RULES.departments]) {
      const phrases = rules.flatMap((r) => r.phrases);
      expect(new Set(phrases).size).toBe(phrases.length);
    }
  });
});
