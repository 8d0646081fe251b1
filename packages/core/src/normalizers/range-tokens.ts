/**
 * Internal: splits a size text ("$10M-$50M", "5,001-10,000 employees") into numbers, words and
 * symbols for `parseRange`. A hand-written scanner, one pass, no regular expression on the input.
 */

/** A number as written: its value, and how it was written (for the thousands-separator rules). */
export interface NumberToken {
  type: 'number';
  value: number;
  /** Digits after a decimal point, 0 when none. */
  fractionDigits: number;
  /** True when it used a comma as a thousands separator ("10,001"). */
  grouped: boolean;
}

export interface WordToken {
  type: 'word';
  text: string;
}

export interface SymbolToken {
  type: 'symbol';
  text: string;
}

export type RangeToken = NumberToken | WordToken | SymbolToken;

const DASH_LIKE = /[\p{Pd}\u2212\u2043\ufe63\uff0d]/u;
const LETTER = /[\p{L}\p{M}]/u;
const SPACE = /\s/u;

/** Tokens of `text`: lower case, every dash read as "-", periods outside numbers dropped. */
export function rangeTokens(text: string): RangeToken[] {
  const chars = Array.from(text.normalize('NFKC').toLowerCase());
  const tokens: RangeToken[] = [];
  let i = 0;

  while (i < chars.length) {
    const c = chars[i];
    if (isDigit(c)) {
      const [token, next] = readNumber(chars, i);
      tokens.push(token);
      i = next;
    } else if (LETTER.test(c)) {
      let end = i;
      while (end < chars.length && LETTER.test(chars[end])) end++;
      tokens.push({ type: 'word', text: chars.slice(i, end).join('') });
      i = end;
    } else {
      if (!SPACE.test(c) && c !== '.') {
        tokens.push({ type: 'symbol', text: DASH_LIKE.test(c) ? '-' : c });
      }
      i++;
    }
  }
  return tokens;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Reads digits, comma thousands separators ("10,001") and one decimal part ("1.5"). */
function readNumber(chars: readonly string[], start: number): [NumberToken, number] {
  let i = start;
  let digits = '';
  let grouped = false;

  // Integer part: a comma followed by exactly three digits is a thousands separator.
  for (;;) {
    while (isDigit(chars[i])) digits += chars[i++];
    const isGroup =
      chars[i] === ',' &&
      isDigit(chars[i + 1]) &&
      isDigit(chars[i + 2]) &&
      isDigit(chars[i + 3]) &&
      !isDigit(chars[i + 4]);
    if (!isGroup) break;
    grouped = true;
    i++;
  }

  // Decimal part: a period followed by at least one digit.
  let fraction = '';
  if (chars[i] === '.' && isDigit(chars[i + 1])) {
    i++;
    while (isDigit(chars[i])) fraction += chars[i++];
  }
  const value = Number(fraction === '' ? digits : `${digits}.${fraction}`);
  return [{ type: 'number', value, fractionDigits: fraction.length, grouped }, i];
}
