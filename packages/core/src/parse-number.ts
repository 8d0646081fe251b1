/**
 * The one numeric parser of fitgate: turns a cell as read from a file (text, or a number already
 * typed by the reader) into a finite number, or NaN when the cell is not plainly a number. It is
 * strict on purpose: a value it cannot read without guessing is NaN, never a wrong number.
 */

/** The character between the whole and the fractional part of a number. */
export type DecimalSeparator = '.' | ',';

/**
 * `'.'` mode: digits with optional thousands commas in groups of three, an optional fraction and
 * an optional exponent (the exponent only without thousands commas). `.5` and `5.` are accepted.
 */
const DOT_DECIMAL =
  /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d*)?)$/;

/**
 * `','` mode: digits with optional thousands dots or spaces (regular, no-break or narrow no-break)
 * in groups of three, an optional fraction after a comma and an optional exponent (the exponent
 * only without thousands separators). Built from the two forms: without, then with, separators.
 */
const COMMA_DECIMAL = new RegExp(
  `^[+-]?(?:${/(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?/.source}` +
    `|${/\d{1,3}(?:(?:\.\d{3})+|(?:[ \u00A0\u202F]\d{3})+)(?:,\d*)?/.source})$`,
);

/** Thousands separators removed before the text is handed to `Number` in `','` mode. */
const COMMA_MODE_GROUPS = /[. \u00A0\u202F]/g;

/**
 * Parse one cell as a finite number; NaN when it is not one.
 *
 * Text is trimmed first. In `'.'` mode (the default) `'1234.5'`, `'-3'`, `'1e3'`, `'1,234.5'` and
 * `' 12 '` parse; thousands commas must sit in valid groups of three, so `'1,2'` (a decimal comma
 * or a list?) is NaN. In `','` mode `'1.234,5'`, `'12,5'` and `'1 234,5'` parse. Everything else
 * is NaN: the empty string, `'12abc'`, hexadecimal (`'0x1F'`), `'Infinity'`, currency signs,
 * percent signs, and numbers too large for a double. Finite numbers pass through; bigints are
 * converted when finite; any other type is NaN. It never throws.
 *
 * Scientific notation is read as a number (`'713752e1'` is 7137520): deciding that a whole
 * column of such values is a code rather than a quantity is the job of `inferColumn`.
 *
 * @param raw - the cell as read.
 * @param decimal - the decimal separator of the file. @default '.'
 * @returns the number, or NaN.
 *
 * @example
 * parseNumber('1,234.5'); // => 1234.5
 * parseNumber('1.234,5', ','); // => 1234.5
 * parseNumber('1,2'); // => NaN
 */
export function parseNumber(raw: unknown, decimal: DecimalSeparator = '.'): number {
  // Numbers typed by the reader: only finite ones count.
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : Number.NaN;
  if (typeof raw === 'bigint') return finiteOrNaN(Number(raw));
  if (typeof raw !== 'string') return Number.NaN;

  // Text: check the shape, then drop the thousands separators and read it.
  const text = raw.trim();
  if (decimal === ',') {
    if (!COMMA_DECIMAL.test(text)) return Number.NaN;
    return finiteOrNaN(Number(text.replace(COMMA_MODE_GROUPS, '').replace(',', '.')));
  }
  if (!DOT_DECIMAL.test(text)) return Number.NaN;
  return finiteOrNaN(Number(text.includes(',') ? text.replaceAll(',', '') : text));
}

/** The number itself when finite, else NaN (e.g. `'1e400'` overflows to Infinity). */
function finiteOrNaN(value: number): number {
  return Number.isFinite(value) ? value : Number.NaN;
}
