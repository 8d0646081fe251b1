import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingTokenSet } from '../../src/missing-tokens.js';
import { compileExpression, evaluateExpression } from '../../src/rules/evaluate-rule.js';
import { hostileProxy, inCondition, lead, printRule, ruleTree } from './rule-arbitraries.js';

const dot = { missingTokens: missingTokenSet(['Select']), decimal: '.' } as const;
const comma = { missingTokens: missingTokenSet(), decimal: ',' } as const;

function truth(source: string, values: unknown, parsing: typeof dot | typeof comma = dot) {
  return evaluateExpression(source, values, parsing);
}

describe('evaluateExpression: comparisons', () => {
  it('compares numbers numerically when both sides are numbers', () => {
    // "12" >= 10 and "9" < 10 as numbers; as text "12" < "9" would say the opposite.
    expect(truth('employees >= 10', { employees: '12' })).toBe(true);
    expect(truth('employees >= 10', { employees: '9' })).toBe(false);
    expect(truth('employees >= 10', { employees: 10 })).toBe(true);
    expect(truth('employees > 10', { employees: ' 10.0 ' })).toBe(false);
    expect(truth('employees < 1000', { employees: '1,234.5' })).toBe(false);
    expect(truth('employees <= -2.5', { employees: '-2.5' })).toBe(true);
    expect(truth('employees = 12', { employees: '12.00' })).toBe(true);
    expect(truth('employees = "12"', { employees: 12 })).toBe(true);
  });

  it('reads cells with the decimal separator of the definition', () => {
    expect(truth('revenue > 1000', { revenue: '1.234,5' }, comma)).toBe(true);
    expect(truth('rate = "1,5"', { rate: '1,50' }, comma)).toBe(true);
    // In '.' mode "1,5" is not a number (a decimal comma or a list?), so it is compared as text.
    expect(truth('rate = "1,5"', { rate: '1,50' })).toBe(false);
  });

  it('treats ordering on a value that is not a number as unknown', () => {
    expect(truth('employees >= 10', { employees: 'lots' })).toBeNull();
    expect(truth('employees >= 10', { employees: '10-50' })).toBeNull();
    expect(truth('employees >= 10', { employees: true })).toBeNull();
  });

  it('compares text trimmed and case-insensitively', () => {
    expect(truth('`Lead Source` = "google"', { 'Lead Source': ' Google ' })).toBe(true);
    expect(truth('`Lead Source` != "GOOGLE"', { 'Lead Source': 'google' })).toBe(false);
    expect(truth('`Lead Source` = "Google Ads"', { 'Lead Source': 'Google' })).toBe(false);
    expect(truth('zip = 2134', { zip: 'ABC' })).toBe(false);
  });

  it('matches true and false as text or booleans', () => {
    expect(truth('active = true', { active: true })).toBe(true);
    expect(truth('active = TRUE', { active: 'True' })).toBe(true);
    expect(truth('active = false', { active: 'yes' })).toBe(false);
  });

  it('checks membership with the same rules as =', () => {
    const rule = 'Country in ("India", "united states", 44)';
    expect(truth(rule, { Country: 'INDIA' })).toBe(true);
    expect(truth(rule, { Country: 'United States' })).toBe(true);
    expect(truth(rule, { Country: '44.0' })).toBe(true);
    expect(truth(rule, { Country: 'Qatar' })).toBe(false);
    expect(truth('Country not in ("India")', { Country: 'Qatar' })).toBe(true);
    expect(truth('Country not in ("India")', { Country: ' india' })).toBe(false);
  });

  it('tests text with contains, starts with and ends with, case-insensitively', () => {
    const lead = { email: ' Jo@Uni.EDU ', Tags: 'Lost to EINS' };
    expect(truth('email ends with ".edu"', lead)).toBe(true);
    expect(truth('email starts with "jo@"', lead)).toBe(true);
    expect(truth('email contains "@uni."', lead)).toBe(true);
    expect(truth('Tags contains "eins"', lead)).toBe(true);
    expect(truth('Tags starts with "eins"', lead)).toBe(false);
    // Regular-expression characters are plain text.
    expect(truth('email contains ".*"', lead)).toBe(false);
    expect(truth('code contains "12"', { code: 3125 })).toBe(true);
  });

  it('reads dotted names as one name, not a path', () => {
    expect(truth('company.size >= 10', { 'company.size': 20 })).toBe(true);
    expect(truth('company.size >= 10', { company: { size: 20 } })).toBeNull();
  });
});

describe('evaluateExpression: missing values and three-valued logic', () => {
  const noCountry = [
    {},
    { Country: '' },
    { Country: ' NA ' },
    { Country: null },
    { Country: 'Select' },
  ];

  it.each(noCountry)('makes every comparison unknown for a missing value (%j)', (values) => {
    for (const rule of [
      'Country = "India"',
      'Country != "India"',
      'Country in ("India")',
      'Country not in ("India")',
      'Country contains "a"',
      'Country > 3',
    ]) {
      expect(truth(rule, values)).toBeNull();
    }
    expect(truth('Country is missing', values)).toBe(true);
    expect(truth('Country is not missing', values)).toBe(false);
  });

  it('carries unknown through and, or and not the way SQL does', () => {
    const x = { a: '1' }; // a = 1 is true, b = 1 is unknown
    expect(truth('a = 1 and b = 1', x)).toBeNull();
    expect(truth('a = 2 and b = 1', x)).toBe(false);
    expect(truth('a = 1 or b = 1', x)).toBe(true);
    expect(truth('a = 2 or b = 1', x)).toBeNull();
    expect(truth('not b = 1', x)).toBeNull();
    expect(truth('b is missing or b = 1', x)).toBe(true);
  });

  it('treats objects, arrays, functions and symbols as present but not comparable', () => {
    for (const value of [{ a: 1 }, [1], () => 1, Symbol('s'), hostileProxy()]) {
      expect(truth('v = 1', { v: value })).toBeNull();
      expect(truth('v contains "1"', { v: value })).toBeNull();
      expect(truth('v is missing', { v: value })).toBe(false);
    }
  });

  it('reads only own properties and survives throwing getters and odd leads', () => {
    const withGetter = Object.defineProperty({}, 'v', {
      get: () => {
        throw new Error('no');
      },
    });
    expect(truth('v is missing', withGetter)).toBe(true);
    expect(truth('constructor is missing', {})).toBe(true);
    expect(truth('toString is missing', Object.create({ toString: 'x' }))).toBe(true);
    expect(truth('v is missing', null)).toBe(true);
    expect(truth('v = 1', 'v')).toBeNull();
    expect(truth('v is missing', hostileProxy())).toBe(true);
    expect(truth('v = 1', Object.assign(Object.create(null), { v: '1' }))).toBe(true);
  });

  it('reads NaN, invalid dates and infinite numbers the way isMissing does', () => {
    expect(truth('v is missing', { v: Number.NaN })).toBe(true);
    expect(truth('v is missing', { v: new Date('nope') })).toBe(true);
    expect(truth('v is missing', { v: Number.POSITIVE_INFINITY })).toBe(false);
    expect(truth('v > 0', { v: Number.POSITIVE_INFINITY })).toBeNull();
  });

  it('defaults to pandas missing tokens and a dot decimal', () => {
    expect(evaluateExpression('v is missing', { v: 'N/A' })).toBe(true);
    expect(evaluateExpression('v is missing', { v: 'Select' })).toBe(false);
    expect(evaluateExpression('v > 1000', { v: '1,234.5' })).toBe(true);
  });
});

describe('compileExpression: properties', () => {
  it('never throws on any lead', () => {
    fc.assert(
      fc.property(ruleTree, lead, (tree, values) => {
        const result = compileExpression(printRule(tree), dot)(values);
        expect([true, false, null]).toContain(result);
      }),
      { numRuns: 1500 },
    );
  });

  it('gives not (X) the negation of X wherever X is known, and unknown where X is', () => {
    fc.assert(
      fc.property(ruleTree, lead, (tree, values) => {
        const x = truth(printRule(tree), values);
        const notX = truth(`not (${printRule(tree)})`, values);
        expect(notX).toBe(x === null ? null : !x);
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees with its definitions: in is a chain of = joined by or, != is not =', () => {
    fc.assert(
      fc.property(inCondition, lead, (condition, values) => {
        const { field } = condition;
        const equalities = condition.values.map((value) =>
          printRule({ type: 'compare', field, op: '=', value }),
        );
        const chain = equalities.map((text) => `(${text})`).join(' or ');
        const expected = truth(condition.negated ? `not (${chain})` : chain, values);
        expect(truth(printRule(condition), values)).toBe(expected);

        const value = condition.values[0];
        const unequal = printRule({ type: 'compare', field, op: '!=', value });
        expect(truth(unequal, values)).toBe(truth(`not (${equalities[0]})`, values));
      }),
      { numRuns: 1000 },
    );
  });
});
