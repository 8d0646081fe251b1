import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../src/parse-number.js';

/** Equal as numbers, treating 0 and -0 alike (String(-0) is "0"). */
function sameNumber(a: number, b: number): boolean {
  return a === b;
}

describe('parseNumber with a decimal point (default)', () => {
  it.each([
    ['1234.5', 1234.5],
    ['-3', -3],
    ['+7', 7],
    ['1e3', 1000],
    ['1.5E-2', 0.015],
    ['1,234.5', 1234.5],
    ['12,345,678', 12345678],
    [' 12 ', 12],
    ['\t0.25\n', 0.25],
    ['.5', 0.5],
    ['5.', 5],
    ['007', 7],
    ['713752e1', 7137520],
    ['1e+21', 1e21],
  ])('reads %j as %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    '12abc',
    '0x1F',
    'Infinity',
    '-Infinity',
    'NaN',
    '1,2',
    '1,2345',
    ',123',
    '1,234e3',
    '1.234,5',
    '12,5',
    '1 234',
    '$12',
    '12%',
    '1_000',
    '.',
    '-',
    'e5',
    '1e400',
  ])('rejects %j', (text) => {
    expect(parseNumber(text)).toBeNaN();
  });
});

describe('parseNumber with a decimal comma', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['12,5', 12.5],
    ['1 234,5', 1234.5],
    ['1\u00A0234,5', 1234.5],
    ['1\u202F234\u202F567,25', 1234567.25],
    ['-0,75', -0.75],
    [',5', 0.5],
    ['1.234', 1234],
    ['1,5e3', 1500],
    ['42', 42],
  ])('reads %j as %d', (text, expected) => {
    expect(parseNumber(text, ',')).toBe(expected);
  });

  it.each(['1.5', '1.23', '1,234.5', '1.234 567,5', '12,5abc', ''])('rejects %j', (text) => {
    expect(parseNumber(text, ',')).toBeNaN();
  });
});

describe('parseNumber on values that are not text', () => {
  it('passes finite numbers through and refuses the others', () => {
    expect(parseNumber(3.25)).toBe(3.25);
    expect(parseNumber(-0)).toBe(-0);
    expect(parseNumber(Number.NaN)).toBeNaN();
    expect(parseNumber(Number.POSITIVE_INFINITY)).toBeNaN();
  });

  it('converts bigints and refuses other types', () => {
    expect(parseNumber(12n)).toBe(12);
    for (const raw of [null, undefined, true, {}, [], new Date(0), Symbol('x')]) {
      expect(parseNumber(raw)).toBeNaN();
    }
  });
});

describe('parseNumber properties', () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

  it("reads back any finite double's String(x)", () => {
    fc.assert(fc.property(finite, (x) => sameNumber(parseNumber(String(x)), x)));
  });

  it('reads back String(x) with a comma for the point in comma mode', () => {
    fc.assert(
      fc.property(finite, (x) => sameNumber(parseNumber(String(x).replace('.', ','), ','), x)),
    );
  });

  it('reads back safe integers grouped the English, German and French way', () => {
    // en-US groups with ",", de-DE with ".", fr-FR with a narrow no-break space (U+202F).
    const english = new Intl.NumberFormat('en-US');
    const german = new Intl.NumberFormat('de-DE');
    const french = new Intl.NumberFormat('fr-FR');
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        return (
          parseNumber(english.format(n)) === n &&
          parseNumber(german.format(n), ',') === n &&
          parseNumber(french.format(n), ',') === n
        );
      }),
    );
  });

  it('never throws and returns NaN or a finite number', () => {
    const inputs = fc.oneof(fc.anything(), fc.string(), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(inputs, fc.constantFrom('.' as const, ',' as const), (raw, decimal) => {
        const value = parseNumber(raw, decimal);
        return Number.isNaN(value) || Number.isFinite(value);
      }),
    );
  });

  it('agrees with Number on plain decimal text', () => {
    // Shapes with no grouping: Number() is the reference reading.
    const plain = fc.stringMatching(/^-?\d{1,12}(\.\d{1,6})?$/);
    fc.assert(fc.property(plain, (text) => parseNumber(text) === Number(text)));
  });
});
