/**
 * Reading a headcount or revenue as written by people and data vendors ("51-200", "10,001+",
 * "1-5K", "$10M-$50M", "5,001-10,000 employees · IT Services") into a range and a band.
 */
import { FitgateError } from '../errors.js';
import { bandOfRange } from './band-of-range.js';
import type { SizeRange } from './range-midpoint.js';
import { rangeTokens, type NumberToken, type RangeToken } from './range-tokens.js';
import { bandsProblem, HEADCOUNT_BANDS, REVENUE_BANDS, type SizeBand } from './size-bands.js';

/**
 * The longest text read as a size. The longest form above is 36 characters; anything past 120 is
 * not a size, and the limit is checked before the text is scanned.
 */
export const MAX_RANGE_TEXT_LENGTH = 120;

/** What a range measures. */
export type RangeKind = 'headcount' | 'revenue';

/** Options of `parseRange`. */
export interface ParseRangeOptions {
  /** What the value measures: `headcount` (people) or `revenue` (money per year). */
  kind: RangeKind;
  /**
   * The bands to place the range in.
   * @default HEADCOUNT_BANDS or REVENUE_BANDS, by `kind`
   */
  bands?: readonly SizeBand[];
  /**
   * Multiplier for numbers written without a suffix such as K or M (revenue kept in millions:
   * `1e6`). Numbers with a suffix are not scaled.
   * @default 1
   */
  scale?: number;
  /**
   * The ISO 4217 currency amounts are in (revenue only). An amount marked with another currency
   * is not a size: no conversion is made. Unmarked amounts are taken to be in this currency.
   * @default 'USD'
   */
  currency?: string;
}

/** A parsed size: `range` and `band` when the text is a size, else `reason` says why not. */
export interface RangeResult {
  range: SizeRange | null;
  band: string | null;
  reason: string | null;
}

/** One end of a range as written. */
interface Quantity {
  token: NumberToken;
  multiplier: number | null;
  currency: string | null;
}

/** The shape of the expression: one value, a range, or one value with a bound. */
interface Expression {
  bound: 'exact' | 'atMost' | 'below' | 'atLeast' | 'above';
  first: Quantity;
  second: Quantity | null;
}

type Phrase = readonly string[];

/** Bounds that include their number ("up to 50", "at least 500"). */
const AT_MOST_PREFIXES: Phrase[] = [
  ['<', '='],
  ['≤'],
  ['up', 'to'],
  ['at', 'most'],
  ['max'],
  ['maximum'],
];
const AT_LEAST_PREFIXES: Phrase[] = [['>', '='], ['≥'], ['at', 'least'], ['min'], ['minimum']];
/** Bounds that exclude their number ("under 50", "over 500"). */
const BELOW_PREFIXES: Phrase[] = [['<'], ['under'], ['below'], ['less', 'than'], ['fewer', 'than']];
const ABOVE_PREFIXES: Phrase[] = [
  ['>'],
  ['over'],
  ['above'],
  ['more', 'than'],
  ['greater', 'than'],
];
const APPROXIMATE_PREFIXES: Phrase[] = [
  ['~'],
  ['approx'],
  ['approximately'],
  ['about'],
  ['around'],
  ['circa'],
  ['ca'],
  ['c'],
  ['roughly'],
  ['est'],
  ['estimated'],
];
const BETWEEN_PREFIXES: Phrase[] = [['between'], ['from']];
const OPEN_SUFFIXES: Phrase[] = [
  ['+'],
  ['plus'],
  ['or', 'more'],
  ['or', 'above'],
  ['or', 'over'],
  ['and', 'above'],
  ['and', 'over'],
  ['and', 'up'],
];
const BELOW_SUFFIXES: Phrase[] = [
  ['or', 'less'],
  ['or', 'fewer'],
  ['and', 'below'],
  ['and', 'under'],
];
const RANGE_SEPARATORS: Phrase[] = [['-'], ['to'], ['through'], ['thru']];

/** Suffixes that multiply a number ("5K", "10 million", "2bn", German "Mio"). */
const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['thousand', 1e3],
  ['thousands', 1e3],
  ['tsd', 1e3],
  ['m', 1e6],
  ['mm', 1e6],
  ['mn', 1e6],
  ['mil', 1e6],
  ['mio', 1e6],
  ['million', 1e6],
  ['millions', 1e6],
  ['b', 1e9],
  ['bn', 1e9],
  ['billion', 1e9],
  ['billions', 1e9],
]);

/** Currency marks: symbols, ISO codes and names, to the ISO 4217 code. */
const CURRENCIES: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'],
  ['usd', 'USD'],
  ['dollars', 'USD'],
  ['€', 'EUR'],
  ['eur', 'EUR'],
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ['£', 'GBP'],
  ['gbp', 'GBP'],
  ['pounds', 'GBP'],
  ['¥', 'JPY'],
  ['jpy', 'JPY'],
  ['cad', 'CAD'],
  ['aud', 'AUD'],
  ['chf', 'CHF'],
  ['inr', 'INR'],
  ['cny', 'CNY'],
]);

/** Words that may follow a size without changing it ("51-200 employees", "$5M ARR"). */
const UNIT_WORDS: Readonly<Record<RangeKind, ReadonlySet<string>>> = {
  headcount: new Set(
    ['employee', 'employees', 'staff', 'people', 'persons', 'person', 'workers', 'worker'].concat([
      'fte',
      'ftes',
      'headcount',
      'heads',
      'emp',
      'emps',
    ]),
  ),
  revenue: new Set(
    ['revenue', 'revenues', 'sales', 'turnover', 'arr', 'annual', 'annually'].concat([
      'per',
      'a',
      'year',
      'yr',
      'yearly',
      'pa',
    ]),
  ),
};

/** Symbols after which any text without a number may follow ("51-200 employees · IT"). */
const TAIL_SEPARATORS = new Set(['·', '•', '|', ';', '(', '[', ',', '/', ':', '-', '–']);

/**
 * The range and band of a headcount or revenue value, or null and the reason it is not a size.
 *
 * Reads one value or one range, with thousands separators ("10,001"), suffixes (K, M, B and
 * their words; a suffix on one end of a range applies to the other when that keeps the range in
 * order, so "1-5K" is 1,000-5,000 but "500-5K" is 500-5,000), currency marks ("$10M-$50M"),
 * open ends ("10,001+"; "over 500", which for a headcount is 501 or more; "under 50", from 0),
 * unit words ("employees", "ARR") and any trailing text without a number ("· IT Services").
 * Two quantities ("25 employees, 50 contractors"), an unknown word after the number, a money
 * amount read as a headcount, a fractional headcount and a currency other than `currency` are
 * not sizes. For a headcount, a period followed by exactly three digits is a thousands separator
 * ("10.000"). The text is length-checked (`MAX_RANGE_TEXT_LENGTH`) before it is scanned; parsing
 * never throws on any value, only on bad options.
 *
 * @example
 * parseRange('1-5K', { kind: 'headcount' })
 * // => { range: { min: 1000, max: 5000 }, band: '1001-5000', reason: null }
 * parseRange('25 employees, 50 contractors', { kind: 'headcount' }).reason
 * // => 'more than one quantity in "25 employees, 50 contractors"'
 */
export function parseRange(value: string | number, options: ParseRangeOptions): RangeResult {
  const { kind, bands, scale, currency } = checkOptions(options);

  // Numbers from a typed source need no scanning.
  const range = typeof value === 'number' ? rangeOfNumber(value, kind, scale) : rangeOfText(value);
  if (typeof range === 'string') return { range: null, band: null, reason: range };
  return { range, band: bandOfRange(range, bands), reason: null };

  function rangeOfText(text: string): SizeRange | string {
    if (text.length > MAX_RANGE_TEXT_LENGTH) {
      return `longer than ${MAX_RANGE_TEXT_LENGTH} characters: not a ${kind}`;
    }
    const tokens = rangeTokens(text);
    if (!tokens.some((t) => t.type === 'number')) return `no number in ${JSON.stringify(text)}`;
    const expression = readExpression(tokens, kind, text);
    if (typeof expression === 'string') return expression;
    return rangeOfExpression(expression, { kind, scale, currency, text });
  }
}

function checkOptions(options: ParseRangeOptions): Required<ParseRangeOptions> {
  const { kind, scale = 1, currency = 'USD' } = options;
  if (kind !== 'headcount' && kind !== 'revenue') {
    throw new FitgateError(
      'BAD_OPTION',
      `kind must be "headcount" or "revenue"; got ${String(kind)}`,
    );
  }
  const bands = options.bands ?? (kind === 'headcount' ? HEADCOUNT_BANDS : REVENUE_BANDS);
  const problem = bandsProblem(bands);
  if (problem !== null) throw new FitgateError('BAD_OPTION', `bands: ${problem}`);
  if (!(Number.isFinite(scale) && scale > 0)) {
    throw new FitgateError('BAD_OPTION', `scale must be a positive number; got ${String(scale)}`);
  }
  return { kind, bands, scale, currency: currency.toUpperCase() };
}

/** A number from a typed column: one exact size. */
function rangeOfNumber(value: number, kind: RangeKind, scale: number): SizeRange | string {
  if (!Number.isFinite(value) || value < 0) return `not a ${kind}: ${String(value)}`;
  if (kind === 'headcount' && !Number.isInteger(value)) {
    return `a headcount is a whole number; got ${value}`;
  }
  const size = kind === 'revenue' ? value * scale : value;
  return { min: size, max: size };
}

/** Parses the token list against the grammar described on `parseRange`. */
function readExpression(
  tokens: readonly RangeToken[],
  kind: RangeKind,
  text: string,
): Expression | string {
  const at = { i: 0 };
  const quoted = JSON.stringify(text);

  // A prefix, then the quantities and their bound.
  const { bound: prefixBound, between } = readPrefix(tokens, at);
  const first = readQuantity(tokens, at);
  if (first === null) return `unexpected ${JSON.stringify(tokenText(tokens[at.i]))} in ${quoted}`;
  const body = readRest(tokens, at, prefixBound, between);
  if (typeof body === 'string') return `${body} in ${quoted}`;

  // Unit words, then an open end written after them ("10,000 employees or more").
  let bound = body.bound;
  while (at.i < tokens.length && UNIT_WORDS[kind].has(tokenText(tokens[at.i]))) at.i++;
  const openAfterUnits = bound === 'exact' && body.second === null;
  if (openAfterUnits && readPhrase(tokens, at, OPEN_SUFFIXES)) bound = 'atLeast';

  const tail = tailProblem(tokens, at.i, kind);
  return tail === null ? { bound, first, second: body.second } : `${tail} in ${quoted}`;
}

/** The bound a prefix sets ("under", "at least", "between", "~"), consumed. */
function readPrefix(
  tokens: readonly RangeToken[],
  at: { i: number },
): { bound: Expression['bound']; between: boolean } {
  const between = readPhrase(tokens, at, BETWEEN_PREFIXES);
  if (readPhrase(tokens, at, AT_MOST_PREFIXES)) return { bound: 'atMost', between };
  if (readPhrase(tokens, at, AT_LEAST_PREFIXES)) return { bound: 'atLeast', between };
  if (readPhrase(tokens, at, BELOW_PREFIXES)) return { bound: 'below', between };
  if (readPhrase(tokens, at, ABOVE_PREFIXES)) return { bound: 'above', between };
  readPhrase(tokens, at, APPROXIMATE_PREFIXES);
  return { bound: 'exact', between };
}

/** After the first quantity: an open end ("+"), a closing bound ("or less") or a second one. */
function readRest(
  tokens: readonly RangeToken[],
  at: { i: number },
  bound: Expression['bound'],
  between: boolean,
): { bound: Expression['bound']; second: Quantity | null } | string {
  if (bound !== 'exact') return { bound, second: null };
  if (readPhrase(tokens, at, OPEN_SUFFIXES)) return { bound: 'atLeast', second: null };
  if (readPhrase(tokens, at, BELOW_SUFFIXES)) return { bound: 'atMost', second: null };

  const separators = between ? [...RANGE_SEPARATORS, ['and']] : RANGE_SEPARATORS;
  if (!readPhrase(tokens, at, separators)) {
    return between ? '"between" without a second number' : { bound, second: null };
  }
  const second = readQuantity(tokens, at);
  return second === null ? 'a range without an upper end' : { bound, second };
}

/** What is wrong with the tokens after the size, or null: a separator and no other number. */
function tailProblem(tokens: readonly RangeToken[], from: number, kind: RangeKind): string | null {
  if (from === tokens.length) return null;
  const next = tokens[from];
  if (!TAIL_SEPARATORS.has(tokenText(next))) {
    return next.type === 'word'
      ? `${JSON.stringify(next.text)} is not a unit of ${kind}`
      : `unexpected ${JSON.stringify(tokenText(next))}`;
  }
  return tokens.slice(from).some((t) => t.type === 'number') ? 'more than one quantity' : null;
}

/** A quantity: an optional currency, a number, an optional suffix, an optional currency code. */
function readQuantity(tokens: readonly RangeToken[], at: { i: number }): Quantity | null {
  const before = readCurrency(tokens, at);
  const token = tokens[at.i];
  if (token === undefined || token.type !== 'number') return null;
  at.i++;
  const suffix = tokens[at.i];
  const multiplier = suffix?.type === 'word' ? (MULTIPLIERS.get(suffix.text) ?? null) : null;
  if (multiplier !== null) at.i++;
  const after = readCurrency(tokens, at);
  return { token, multiplier, currency: before ?? after };
}

/** A currency mark at the cursor ("$", "US$", "USD", "euros"), consumed, or null. */
function readCurrency(tokens: readonly RangeToken[], at: { i: number }): string | null {
  const usDollar = tokenText(tokens[at.i]) === 'us' && tokenText(tokens[at.i + 1]) === '$';
  if (usDollar) at.i++;
  const code = CURRENCIES.get(tokenText(tokens[at.i])) ?? null;
  if (code !== null) at.i++;
  return code;
}

/** Consumes the first of `phrases` found at the cursor; true when one was. */
function readPhrase(tokens: readonly RangeToken[], at: { i: number }, phrases: Phrase[]): boolean {
  for (const phrase of phrases) {
    if (phrase.every((word, k) => tokenText(tokens[at.i + k]) === word)) {
      at.i += phrase.length;
      return true;
    }
  }
  return false;
}

function tokenText(token: RangeToken | undefined): string {
  if (token === undefined) return '';
  return token.type === 'number' ? String(token.value) : token.text;
}

/** Turns the parsed expression into numbers: shared suffixes, currency, scale, order. */
function rangeOfExpression(
  expression: Expression,
  context: { kind: RangeKind; scale: number; currency: string; text: string },
): SizeRange | string {
  const { kind, scale, currency, text } = context;
  const { bound, first, second } = expression;

  // Currency: none for a headcount; for revenue, only the normaliser's own.
  const marked = first.currency ?? second?.currency ?? null;
  if (second?.currency && first.currency && second.currency !== first.currency) {
    return `two currencies in ${JSON.stringify(text)}`;
  }
  if (kind === 'headcount' && marked !== null)
    return `a money amount, not a headcount: ${JSON.stringify(text)}`;
  if (marked !== null && marked !== currency) {
    return `an amount in ${marked}; this normaliser reads ${currency} and converts no currency`;
  }

  // Values of both ends, with a suffix shared across the range where it applies.
  const ends = second === null ? [sizeOf(first, null)] : sharedSuffix(first, second);
  const values: number[] = [];
  for (const end of ends) {
    const size = wholeSize(end, kind, scale);
    if (typeof size === 'string') return size;
    values.push(size);
  }

  // Bounds and order.
  const [low, high = low] = values;
  if (high < low)
    return `the lower end ${low} is above the upper end ${high} in ${JSON.stringify(text)}`;
  // A strict bound on a headcount moves by one person ("over 500" is 501 or more).
  const step = kind === 'headcount' ? 1 : 0;
  if (bound === 'atMost') return { min: 0, max: low };
  if (bound === 'below') return { min: 0, max: Math.max(0, low - step) };
  if (bound === 'atLeast') return { min: low, max: null };
  if (bound === 'above') return { min: low + step, max: null };
  return { min: low, max: high };
}

/** One end's number and whether a suffix multiplied it. */
interface End {
  token: NumberToken;
  multiplier: number | null;
}

function sizeOf(quantity: Quantity, borrowed: number | null): End {
  return { token: quantity.token, multiplier: quantity.multiplier ?? borrowed };
}

/**
 * "1-5K" reads as 1K-5K and "10M-50" as 10M-50M: a suffix on one end applies to the other, but
 * only when that keeps the lower end at or below the upper end ("500-5K" stays 500-5,000).
 */
function sharedSuffix(first: Quantity, second: Quantity): [End, End] {
  const a = first.token.value;
  const b = second.token.value;
  if (first.multiplier === null && second.multiplier !== null) {
    return [sizeOf(first, a <= b ? second.multiplier : null), sizeOf(second, null)];
  }
  if (first.multiplier !== null && second.multiplier === null) {
    return [
      sizeOf(first, null),
      sizeOf(second, b < a * first.multiplier ? first.multiplier : null),
    ];
  }
  return [sizeOf(first, null), sizeOf(second, null)];
}

/** The number an end stands for: multiplied, scaled, and whole for a headcount. */
function wholeSize(end: End, kind: RangeKind, scale: number): number | string {
  const { token, multiplier } = end;
  if (multiplier !== null) return token.value * multiplier;
  if (kind === 'revenue') return token.value * scale;
  if (token.fractionDigits === 0) return token.value;

  // "10.000" is ten thousand in much of Europe; "12.5" people is not a headcount.
  if (token.fractionDigits === 3 && !token.grouped) return Math.round(token.value * 1000);
  return `a headcount is a whole number; got ${token.value}`;
}
