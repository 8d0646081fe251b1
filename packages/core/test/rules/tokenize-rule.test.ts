import { describe, expect, it } from 'vitest';
import { FitgateError } from '../../src/errors.js';
import { MAX_RULE_LENGTH } from '../../src/rules/rule-syntax.js';
import { tokenizeRule } from '../../src/rules/tokenize-rule.js';

/** Kind and text of each token, for compact expectations. */
function shapes(source: string): string[] {
  return tokenizeRule(source).map((t) => `${t.kind}:${t.text}`);
}

function errorOf(run: () => unknown): FitgateError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FitgateError);
    return error as FitgateError;
  }
  throw new Error('expected a FitgateError');
}

describe('tokenizeRule', () => {
  it('splits a comparison and marks the end', () => {
    expect(shapes('employees >= 10')).toEqual(['field:employees', 'op:>=', 'number:10', 'end:']);
  });

  it('keeps the 0-based position of every token', () => {
    // Positions counted by hand: c=0, o=8 ("in" at 8), ( at 11, "US" at 12, ) at 16.
    expect(tokenizeRule('country in ("US")').map((t) => t.position)).toEqual([
      0, 8, 11, 12, 16, 17,
    ]);
  });

  it('reads keywords in any case and keeps the field names as written', () => {
    const tokens = tokenizeRule('Country NOT In ("x") AnD b iS Missing');
    expect(
      tokens.filter((t) => t.kind === 'keyword').map((t) => (t as { word: string }).word),
    ).toEqual(['not', 'in', 'and', 'is', 'missing']);
    expect(tokens[0]).toMatchObject({ kind: 'field', name: 'Country' });
  });

  it('reads dotted names and backquoted names with spaces and escapes', () => {
    expect(tokenizeRule('company.size = 1')[0]).toMatchObject({
      kind: 'field',
      name: 'company.size',
    });
    expect(tokenizeRule('`Lead Source` = "x"')[0]).toMatchObject({
      kind: 'field',
      name: 'Lead Source',
    });
    expect(tokenizeRule('`a\\`b\\\\c` = 1')[0]).toMatchObject({ kind: 'field', name: 'a`b\\c' });
  });

  it('reads strings with \\" and \\\\ escapes', () => {
    expect(tokenizeRule('a = "say \\"hi\\" \\\\ bye"')[2]).toMatchObject({
      kind: 'string',
      value: 'say "hi" \\ bye',
    });
  });

  it.each([
    ['12', 12],
    ['-3.5', -3.5],
    ['+2', 2],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['2.5E-2', 0.025],
  ])('reads the number %s as %d', (text, value) => {
    expect(tokenizeRule(`a = ${text}`)[2]).toMatchObject({ kind: 'number', value, text });
  });

  it('reads operators, including the two-character ones', () => {
    expect(shapes('a<1 b<=2 c>3 d>=4 e=5 f!=6').filter((s) => s.startsWith('op:'))).toEqual([
      'op:<',
      'op:<=',
      'op:>',
      'op:>=',
      'op:=',
      'op:!=',
    ]);
  });

  it.each([
    ['a = 12abc', 'column 5', 'a number runs into letters'],
    ['a = 1.2.3', 'column 5', 'a number runs into letters'],
    ['a = 1e400', 'column 5', 'too large'],
    ['a == 1', 'column 3', 'write = once'],
    ['a <> 1', 'column 3', 'write !='],
    ['a ! 1', 'column 3', 'write !='],
    ["a = 'x'", 'column 5', 'double quotes'],
    ['a = "open', 'column 5', 'never closed'],
    ['`open = 1', 'column 1', 'never closed'],
    ['`` = 1', 'column 1', 'empty'],
    ['a = "x\\ny"', 'column 7', 'unknown escape'],
    ['país = 1', 'column 3', 'backquotes'],
    ['a = 1 # note', 'column 7', 'unexpected character "#"'],
    ['a = \u0007', 'column 5', 'U+0007'],
  ])('refuses %j at %s', (source, column, words) => {
    const error = errorOf(() => tokenizeRule(source));
    expect(error.code).toBe('BAD_RULE');
    expect(error.message).toContain(`at ${column}:`);
    expect(error.message).toContain(words);
  });

  it('refuses text longer than the limit before reading it', () => {
    const error = errorOf(() => tokenizeRule(`a = "${'x'.repeat(MAX_RULE_LENGTH)}"`));
    expect(error.code).toBe('BAD_RULE');
    expect(error.message).toContain(`over the limit of ${MAX_RULE_LENGTH}`);
  });

  it('accepts text exactly at the limit', () => {
    const source = `a = "${'x'.repeat(MAX_RULE_LENGTH - 6)}"`;
    expect(source.length).toBe(MAX_RULE_LENGTH);
    expect(tokenizeRule(source)).toHaveLength(4);
  });

  it('refuses what is not text', () => {
    expect(errorOf(() => tokenizeRule(42 as unknown as string)).code).toBe('BAD_RULE');
  });
});
