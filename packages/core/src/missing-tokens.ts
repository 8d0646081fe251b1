/**
 * What counts as a missing cell. Exports write "no value" in many ways (an empty cell, `NA`,
 * `NULL`, Excel's `#N/A`, a form default such as `Select`); every part of fitgate decides
 * missingness through `isMissing` with one set of tokens, so fit and qualify agree.
 */

/**
 * The tokens read as missing by default, compared with the cell after trimming (case-sensitive).
 *
 * The list is the set pandas 2's `read_csv` treats as missing by default, so files read the same
 * way in fitgate as in a notebook: an empty cell; `NA`, `N/A`, `n/a`, `<NA>`; `NULL`, `null`;
 * `NaN`, `nan`, `-NaN`, `-nan`; `None` (pandas 1 lacks it); Excel's `#N/A`, `#N/A N/A`, `#NA`; the
 * C runtime's `1.#IND`, `-1.#IND`, `1.#QNAN`, `-1.#QNAN`. Placeholders particular to one source (a
 * form's `Select`, a CRM's `unknown`) are not in it: add them with `missingTokenSet`.
 */
export const DEFAULT_MISSING_TOKENS: readonly string[] = Object.freeze([
  '',
  'NA',
  'N/A',
  'n/a',
  '<NA>',
  'NULL',
  'null',
  'NaN',
  'nan',
  '-NaN',
  '-nan',
  'None',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '1.#IND',
  '-1.#IND',
  '1.#QNAN',
  '-1.#QNAN',
]);

/**
 * A set of missing tokens ready for `isMissing`: the base tokens plus extra ones, all trimmed.
 *
 * @param extra - tokens to add, e.g. a form's placeholder `'Select'`. @default []
 * @param base - the tokens to start from. @default DEFAULT_MISSING_TOKENS
 * @returns a new set of trimmed tokens.
 *
 * @example
 * isMissing(' Select ', missingTokenSet(['Select'])); // => true
 */
export function missingTokenSet(
  extra: Iterable<string> = [],
  base: Iterable<string> = DEFAULT_MISSING_TOKENS,
): Set<string> {
  const tokens = new Set<string>();
  for (const token of base) tokens.add(token.trim());
  for (const token of extra) tokens.add(token.trim());
  return tokens;
}

/**
 * Whether a cell is missing.
 *
 * `null`, `undefined`, a NaN number and an invalid `Date` are missing; text is trimmed and looked
 * up in `tokens` (so a cell of spaces is missing whenever `''` is a token). Every other value,
 * including `0`, `false` and infinite numbers, is present.
 *
 * @param raw - the cell as read.
 * @param tokens - trimmed missing tokens, e.g. from `missingTokenSet()`.
 * @returns true when the cell holds no value.
 *
 * @example
 * isMissing('  N/A ', missingTokenSet()); // => true
 * isMissing(0, missingTokenSet()); // => false
 */
export function isMissing(raw: unknown, tokens: ReadonlySet<string>): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'string') return tokens.has(raw.trim());
  if (typeof raw === 'number') return Number.isNaN(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime());
  return false;
}
