/**
 * Guards text cells against spreadsheet formula injection ("CSV injection"), following OWASP:
 * https://owasp.org/www-community/attacks/CSV_Injection and ASVS 5.0 requirement 1.2.10.
 */

/**
 * Characters that make a spreadsheet read a cell as a formula when they come first: the OWASP
 * list (`=` `+` `-` `@` tab, carriage return), the NUL character named by ASVS 5.0 (1.2.10), and
 * the full-width forms of `=` `+` `-` `@` (U+FF1D, U+FF0B, U+FF0D, U+FF20), which some
 * spreadsheets in East Asian locales also accept.
 */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r', '\0', '＝', '＋', '－', '＠']);

/**
 * A plain decimal number: optional sign, digits with an optional fraction (or a bare fraction),
 * optional exponent. Nothing else may be in the cell (no spaces, separators or operators).
 */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Guards one text cell against formula injection: a cell whose first character starts a formula
 * (`=` `+` `-` `@` tab, carriage return, NUL, or a full-width `＝` `＋` `－` `＠`) gets a
 * leading single quote, which spreadsheets show as text. A cell that is entirely a plain number,
 * such as `-12.5`, `+3` or `-1e5`, is left alone, because it cannot run anything and quoting it
 * would turn a number into text.
 *
 * @example
 * [guardFormula('=HYPERLINK("http://x")'), guardFormula('-12.5'), guardFormula('-1+2')];
 * // => ["'=HYPERLINK(\"http://x\")", '-12.5', "'-1+2"]
 */
export function guardFormula(cell: string): string {
  if (cell.length === 0 || !FORMULA_STARTS.has(cell[0])) return cell;
  if (PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}
