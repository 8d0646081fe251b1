import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MISSING_TOKENS, isMissing, missingTokenSet } from '../src/missing-tokens.js';

describe('DEFAULT_MISSING_TOKENS', () => {
  it("is pandas' default list of missing tokens", () => {
    // From /usr/bin/python3 (pandas 1.5.3):
    //   from pandas._libs.parsers import STR_NA_VALUES; print(sorted(STR_NA_VALUES))
    // plus 'None', which pandas 2.0 added to the list.
    const pandas = [
      '',
      '#N/A',
      '#N/A N/A',
      '#NA',
      '-1.#IND',
      '-1.#QNAN',
      '-NaN',
      '-nan',
      '1.#IND',
      '1.#QNAN',
      '<NA>',
      'N/A',
      'NA',
      'NULL',
      'NaN',
      'n/a',
      'nan',
      'null',
      'None',
    ];
    expect([...DEFAULT_MISSING_TOKENS].sort()).toEqual(pandas.sort());
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEFAULT_MISSING_TOKENS)).toBe(true);
  });
});

describe('isMissing', () => {
  const tokens = missingTokenSet();

  it.each(['', '   ', 'NA', ' N/A ', 'null', 'NULL', 'NaN', 'nan', 'None', '#N/A', '\tNA\r'])(
    'reads %j as missing',
    (text) => {
      expect(isMissing(text, tokens)).toBe(true);
    },
  );

  it.each(['0', 'na', 'Na', 'none', 'unknown', 'Select', 'N A', '-', '0.0'])(
    'reads %j as present (tokens are case-sensitive and exact)',
    (text) => {
      expect(isMissing(text, tokens)).toBe(false);
    },
  );

  it('reads null, undefined, NaN and an invalid Date as missing', () => {
    expect(isMissing(null, tokens)).toBe(true);
    expect(isMissing(undefined, tokens)).toBe(true);
    expect(isMissing(Number.NaN, tokens)).toBe(true);
    expect(isMissing(new Date(Number.NaN), tokens)).toBe(true);
  });

  it('reads numbers, booleans and valid dates as present', () => {
    for (const raw of [0, -0, 1.5, Number.POSITIVE_INFINITY, false, true, new Date(0), 0n]) {
      expect(isMissing(raw, tokens)).toBe(false);
    }
  });

  it('uses the tokens it is given, e.g. a form placeholder', () => {
    const withSelect = missingTokenSet(['Select', ' unknown ']);
    expect(isMissing(' Select', withSelect)).toBe(true);
    expect(isMissing('unknown', withSelect)).toBe(true);
    expect(isMissing('NA', withSelect)).toBe(true);
    expect(isMissing('NA', new Set(['Select']))).toBe(false);
    expect(isMissing('', new Set<string>())).toBe(false);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.anything(), (raw) => typeof isMissing(raw, tokens) === 'boolean'));
  });
});

describe('missingTokenSet', () => {
  it('trims the tokens and keeps the base', () => {
    const set = missingTokenSet(['  Select  ']);
    expect(set.has('Select')).toBe(true);
    expect(set.size).toBe(DEFAULT_MISSING_TOKENS.length + 1);
  });

  it('can start from another base', () => {
    expect([...missingTokenSet(['x'], [' -- '])]).toEqual(['--', 'x']);
  });
});
