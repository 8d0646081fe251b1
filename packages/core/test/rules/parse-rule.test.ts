import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FitgateError } from '../../src/errors.js';
import { parseRule } from '../../src/rules/parse-rule.js';
import { ruleFields } from '../../src/rules/rule-fields.js';
import { MAX_LIST_ITEMS, MAX_RULE_DEPTH } from '../../src/rules/rule-syntax.js';
import { printRule, ruleTree, tokenSoup } from './rule-arbitraries.js';

function errorOf(source: string): FitgateError {
  try {
    parseRule(source);
  } catch (error) {
    expect(error).toBeInstanceOf(FitgateError);
    return error as FitgateError;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be refused`);
}

const one = { type: 'number', value: 1, text: '1' } as const;
const eq = (field: string, value: number) =>
  ({
    type: 'compare',
    field,
    op: '=',
    value: { type: 'number', value, text: String(value) },
  }) as const;

describe('parseRule: grammar', () => {
  it('gives "and" precedence over "or"', () => {
    expect(parseRule('a = 1 or b = 2 and c = 3')).toEqual({
      type: 'or',
      items: [eq('a', 1), { type: 'and', items: [eq('b', 2), eq('c', 3)] }],
    });
  });

  it('lets parentheses override precedence', () => {
    expect(parseRule('(a = 1 or b = 2) and c = 3')).toEqual({
      type: 'and',
      items: [{ type: 'or', items: [eq('a', 1), eq('b', 2)] }, eq('c', 3)],
    });
  });

  it('binds "not" tighter than "and" and flattens chains', () => {
    expect(parseRule('not a = 1 and b = 2 and c = 3')).toEqual({
      type: 'and',
      items: [{ type: 'not', item: eq('a', 1) }, eq('b', 2), eq('c', 3)],
    });
  });

  it('reads every condition form', () => {
    expect(parseRule('x != 1')).toEqual({ type: 'compare', field: 'x', op: '!=', value: one });
    expect(parseRule('x in ("a", 3, true)')).toEqual({
      type: 'in',
      field: 'x',
      negated: false,
      values: [
        { type: 'string', value: 'a' },
        { type: 'number', value: 3, text: '3' },
        { type: 'boolean', value: true },
      ],
    });
    expect(parseRule('x not in (false)')).toMatchObject({ type: 'in', negated: true });
    expect(parseRule('x is missing')).toEqual({ type: 'missing', field: 'x', negated: false });
    expect(parseRule('x is not missing')).toEqual({ type: 'missing', field: 'x', negated: true });
    expect(parseRule('x contains "a"')).toEqual({
      type: 'text',
      field: 'x',
      op: 'contains',
      text: 'a',
    });
    expect(parseRule('x starts with "a"')).toMatchObject({ op: 'starts with' });
    expect(parseRule('x ENDS WITH "a"')).toMatchObject({ op: 'ends with' });
  });

  it('reads backquoted names with spaces, and keywords in any case', () => {
    expect(parseRule('`Lead Source` IN ("Google") Or `in` IS NOT MISSING')).toEqual({
      type: 'or',
      items: [
        {
          type: 'in',
          field: 'Lead Source',
          negated: false,
          values: [{ type: 'string', value: 'Google' }],
        },
        { type: 'missing', field: 'in', negated: true },
      ],
    });
  });

  it('spans lines', () => {
    expect(parseRule('a = 1\n  and\n  b = 1')).toEqual({
      type: 'and',
      items: [eq('a', 1), eq('b', 1)],
    });
  });

  it('lists the fields a rule reads, once each', () => {
    expect(
      ruleFields(parseRule('a = 1 or (b > 2 and not a is missing) or `c d` contains "x"')),
    ).toEqual(['a', 'b', 'c d']);
  });
});

describe('parseRule: errors point at the position', () => {
  it.each([
    // [rule, where, what]: columns counted by hand from 1.
    [
      'country in ("US", )',
      'column 19',
      'expected a value (a number, "text" in double quotes, true or false), got ")"',
    ],
    ['a = 1 and', 'column 10', 'got the end of the rule'],
    ['a = 1 b = 2', 'column 7', 'expected "and", "or" or the end of the rule, got "b"'],
    ['(a = 1', 'column 7', 'expected ")"'],
    ['a = 1)', 'column 6', 'got ")"'],
    ['a >= "10"', 'column 6', 'expected a number after >='],
    ['a contains 5', 'column 12', 'expected "text" in double quotes after contains'],
    ['a starts "x"', 'column 10', 'expected "with"'],
    ['a is present', 'column 6', 'expected "missing"'],
    ['a not = 1', 'column 7', 'expected "in"'],
    ['a in "x"', 'column 6', 'expected a list in parentheses'],
    ['a in ()', 'column 7', 'expected a value'],
    ['a in ("x" "y")', 'column 11', 'expected "," or ")"'],
    ['a = yes', 'column 5', 'write text in double quotes: "yes"'],
    ['a', 'column 2', 'expected a comparison after the field'],
    ['in = 1', 'column 1', 'put a field named like a keyword in backquotes'],
    ['5 < a', 'column 1', 'a condition starts with the field'],
    ['', 'column 1', 'the rule is empty'],
    ['   ', 'column 4', 'the rule is empty'],
    ['a = 1 or\nb = ', 'line 2, column 5', 'expected a value'],
  ])('%j: at %s, %s', (source, where, what) => {
    const error = errorOf(source);
    expect(error.code).toBe('BAD_RULE');
    expect(error.message).toContain(`cannot parse rule at ${where}: `);
    expect(error.message).toContain(what);
    expect(error.value).toBe(source);
  });

  it('quotes the rule with a caret under the position', () => {
    expect(errorOf('country = )').message).toBe(
      'cannot parse rule at column 11: expected a value (a number, "text" in double quotes, ' +
        'true or false), got ")"\n  country = )\n            ^',
    );
  });

  it('shows a window of a long rule around the position', () => {
    const source = `a in (${'"xxxxxxxx", '.repeat(30)})`;
    const [, shown, caret] = errorOf(source).message.split('\n');
    expect(shown.length).toBeLessThan(90);
    expect(shown.startsWith('  ...')).toBe(true);
    // The caret sits under the ")" that came where a value was expected.
    expect(shown[caret.indexOf('^')]).toBe(')');
  });
});

describe('parseRule: limits', () => {
  it('refuses a 10,000-character rule', () => {
    const error = errorOf(`a in (${'"abcdefgh", '.repeat(833)}"z")`);
    expect(error.code).toBe('BAD_RULE');
    expect(error.message).toContain('characters long');
  });

  it(`accepts ${MAX_RULE_DEPTH} levels of nesting and refuses one more`, () => {
    const nest = (n: number) => `${'('.repeat(n)}a = 1${')'.repeat(n)}`;
    expect(parseRule(nest(MAX_RULE_DEPTH))).toEqual(eq('a', 1));
    expect(errorOf(nest(MAX_RULE_DEPTH + 1)).message).toContain(
      `at column ${MAX_RULE_DEPTH + 1}: the rule nests deeper than ${MAX_RULE_DEPTH} levels`,
    );
  });

  it('refuses deep nesting of parentheses or "not" quickly, without a stack overflow', () => {
    expect(errorOf(`${'('.repeat(1900)}a = 1${')'.repeat(1900)}`).code).toBe('BAD_RULE');
    expect(errorOf(`${'not '.repeat(990)}a = 1`).code).toBe('BAD_RULE');
    expect(errorOf(`${'not ('.repeat(600)}a = 1${')'.repeat(600)}`).code).toBe('BAD_RULE');
  });

  it(`accepts a list of ${MAX_LIST_ITEMS} values and refuses one more`, () => {
    const list = (n: number) => `a in (${Array.from({ length: n }, (_, i) => i).join(',')})`;
    expect(parseRule(list(MAX_LIST_ITEMS))).toMatchObject({ type: 'in' });
    expect(errorOf(list(MAX_LIST_ITEMS + 1)).message).toContain(`at most ${MAX_LIST_ITEMS} values`);
  });

  it('reads a long flat chain without recursion trouble', () => {
    const chain = Array.from({ length: 300 }, (_, i) => `a${i} = 1`).join(' or ');
    expect(parseRule(chain)).toMatchObject({ type: 'or' });
  });
});

describe('parseRule: properties', () => {
  /** Parse, and report any error other than BAD_RULE. */
  function parsesOrRefuses(source: string): void {
    try {
      parseRule(source);
    } catch (error) {
      if (!(error instanceof FitgateError) || error.code !== 'BAD_RULE') throw error;
    }
  }

  it('either parses arbitrary text or throws BAD_RULE, never another error', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), parsesOrRefuses), {
      numRuns: 2000,
    });
  });

  it('either parses token soup or throws BAD_RULE, never another error', () => {
    fc.assert(fc.property(tokenSoup, parsesOrRefuses), { numRuns: 3000 });
  });

  it('reads back every printed rule tree as the same tree', () => {
    fc.assert(
      fc.property(ruleTree, (tree) => {
        expect(parseRule(printRule(tree))).toEqual(tree);
      }),
      { numRuns: 500 },
    );
  });
});
