/**
 * Column typing: decides, from the values alone, whether a column is a number to bin, a set of
 * categories, or something to leave out (an identifier, a constant, an empty or mostly empty
 * column), and says why. This is the one column-typing routine of fitgate.
 *
 * The rules, in the order they apply (shares are of present values unless said otherwise):
 *
 * 1. No present value: ignored, `EMPTY`. Present in under 5% of rows: ignored, `MOSTLY_MISSING`.
 *    One distinct value: ignored, `CONSTANT`.
 * 2. Columns named in `forceNumeric` / `forceCategorical` get that role; rules 3 to 6 are skipped.
 * 3. Dates (98% of values shaped like `2016-10-20`, `20/10/2016`, `Oct 20, 2016`, with an optional
 *    time): categorical, `DATE`. Dates are not numbers; the caller decides whether the column is a
 *    time column.
 * 4. Codes: 98% of values are single tokens of letters, digits, `-` and `_`, and either half of
 *    them mix letters with digits without being a number (`1C1I7A6R`, UUIDs) or at least 1% are
 *    zero-padded digit strings (`02139`). A code is never a number, even when it parses:
 *    `713752e1` reads as 7137520, but in a column it is a hexadecimal code (see `BARE_EXPONENT`).
 *    Codes that are at least 50% distinct are identifiers (ignored, `ID_COLUMN`); codes that
 *    repeat are categories (an account code, a ZIP code).
 * 5. Numbers: numeric when `numericShare` (98%) of values parse with `parseNumber`. A numeric
 *    column that is nearly unique (`idDistinctShare`, 95% distinct) is an identifier only when
 *    every value is an integer and the integers are a key: either they follow the row order (95%
 *    of steps between consecutive values go the same way) or they repeat far less than values
 *    spread over the same range by chance would (see `KEY_REPEAT_DEVIATIONS`). Measurements with
 *    many distinct values (amounts, seconds on a website) have decimals or repeat as chance
 *    allows, and stay numeric. A measurement written in sorted order (a file sorted by amount)
 *    looks like a key: name it in `forceNumeric`.
 * 6. Text: nearly unique text (95% distinct) is an identifier (`ID_COLUMN`: names, e-mails, free
 *    text); other text is categorical.
 *
 * The identifier rules (4, 5 and 6) need at least 50 present values: in a tiny table every column
 * is nearly unique, and calling them all identifiers would leave nothing to fit.
 */
import { FitgateError } from './errors.js';
import { DEFAULT_MISSING_TOKENS, isMissing } from './missing-tokens.js';
import { parseNumber, type DecimalSeparator } from './parse-number.js';
import { tableView, type TableInput } from './table.js';

/** Why a column was left out (or, for `DATE`, typed as categorical). */
export type ColumnRoleCode = 'ID_COLUMN' | 'CONSTANT' | 'MOSTLY_MISSING' | 'EMPTY' | 'DATE';

/** What `inferColumn` decided about one column, and why. */
export interface ColumnRole {
  name: string;
  role: 'numeric' | 'categorical' | 'ignored';
  /** Why: always set, for ignored columns and for the decisions behind the other roles. */
  reason?: string;
  /** Set for ignored columns, and `DATE` for a categorical column of dates. */
  code?: ColumnRoleCode;
  /** Share of rows whose value is not missing (0 for a column with no rows). */
  presentShare: number;
  /** Distinct present values, counted up to 100,000 (`DISTINCT_CAP`). */
  distinct: number;
}

/** How `inferColumn` reads and types a column. */
export interface InferOptions {
  /** Trimmed tokens read as missing. @default DEFAULT_MISSING_TOKENS */
  missingTokens?: ReadonlySet<string>;
  /** The decimal separator of the file. @default '.' */
  decimal?: DecimalSeparator;
  /** Numeric only if at least this share of present values parse as numbers. @default 0.98 */
  numericShare?: number;
  /** Nearly unique at or above this share of distinct present values. @default 0.95 */
  idDistinctShare?: number;
  /**
   * Columns typed numeric whatever their values (values that do not parse are then the caller's
   * to treat); empty, mostly missing and constant columns stay ignored. @default []
   */
  forceNumeric?: string[];
  /**
   * Columns typed categorical whatever their values; empty, mostly missing and constant columns
   * stay ignored. @default []
   */
  forceCategorical?: string[];
}

/** Default share of present values that must parse for a numeric column (2% room for typos). */
const DEFAULT_NUMERIC_SHARE = 0.98;

/** Default share of distinct present values from which a column is nearly unique. */
const DEFAULT_ID_DISTINCT_SHARE = 0.95;

/**
 * Columns present in fewer rows are ignored as mostly missing. A loose floor that only removes
 * columns with nothing to learn from; the fit's attribute selection applies stricter limits.
 */
export const MIN_PRESENT_SHARE = 0.05;

/** Fewer present values than this never make an identifier (in tiny tables all is unique). */
export const MIN_ROWS_FOR_ID = 50;

/**
 * Distinct values are counted up to this many (memory stays bounded on millions of rows). Past
 * the cap, the distinct share is the one measured on the rows read until the cap was reached.
 */
export const DISTINCT_CAP = 100_000;

/** Share of present values that must have a shape (date, code token) for the column to have it. */
const SHAPE_SHARE = 0.98;

/** Share of values mixing letters and digits (and not numbers) that makes a column of codes. */
const CODE_MIXED_SHARE = 0.5;

/**
 * Share of zero-padded digit strings that makes a column of digits a code. Numbers are not
 * written with leading zeros, so even a few such values show the digits are a code.
 */
const ZERO_PADDED_SHARE = 0.01;

/** Codes at least this distinct identify rows; below it they are shared keys, i.e. categories. */
const CODE_ID_DISTINCT_SHARE = 0.5;

/**
 * Nearly unique integers are a key when they repeat far less than chance allows. Spread uniformly
 * over their range (the spread that repeats least), n integers in a range of R repeat on average
 * mu = n - R(1 - (1 - 1/R)^n) times; skewed measurements repeat more. Integers that repeat at most
 * half that often and at least this many Poisson standard deviations (sqrt(mu)) below it were
 * numbered, not measured: 3 deviations is about a 1-in-1000 chance for a measurement.
 */
const KEY_REPEAT_DEVIATIONS = 3;

/** Integers are in row order when this share of steps between consecutive values go one way. */
const MONOTONIC_STEP_SHARE = 0.95;

/** Options with defaults applied. */
interface Settings {
  missingTokens: ReadonlySet<string>;
  decimal: DecimalSeparator;
  numericShare: number;
  idDistinctShare: number;
}

/** What one pass over a column learns. Counts are of present values unless named otherwise. */
interface Scan {
  rows: number;
  present: number;
  distinct: number;
  /** Present values read while distinct values were counted (all of them below the cap). */
  counted: number;
  distinctShare: number;
  /** `false` once the share can no longer be reached (the pass stops testing that shape). */
  numericPossible: boolean;
  parsed: number;
  allIntegers: boolean;
  min: number;
  max: number;
  stepsUp: number;
  stepsDown: number;
  datePossible: boolean;
  dates: number;
  codePossible: boolean;
  tokens: number;
  mixed: number;
  zeroPadded: number;
  example: string;
}

/** `DEFAULT_MISSING_TOKENS` as a set, built once. */
const DEFAULT_TOKEN_SET: ReadonlySet<string> = new Set(DEFAULT_MISSING_TOKENS);

/**
 * Decide the role of one column from its values.
 *
 * One pass over the values; each shape test (number, date, code) stops as soon as the column can
 * no longer reach its share, and distinct values are counted up to `DISTINCT_CAP`. See the top of
 * this file for the rules and their thresholds.
 *
 * @param name - the column's name (matched against `forceNumeric` / `forceCategorical`).
 * @param values - the column's cells as read.
 * @param options - see `InferOptions`.
 * @returns the role, a reason, and the present share and distinct count behind it.
 * @throws FitgateError `BAD_OPTION` when a share is outside (0, 1] or a column is forced both ways.
 *
 * @example
 * inferColumn('decimal comma', ['1,5', '2,25'], { decimal: ',' }).role; // => 'numeric'
 * inferColumn('plan', ['gold', 'gold', 'silver']).role; // => 'categorical'
 */
export function inferColumn(
  name: string,
  values: ArrayLike<unknown>,
  options: InferOptions = {},
): ColumnRole {
  const settings = resolveSettings(options);
  const forced = forcedRole(name, options);
  const scan = scanColumn(values, settings, forced === 'numeric');
  return decideRole(name, scan, settings, forced);
}

/**
 * Decide the role of every column of a table, in column order.
 *
 * @param table - columnar or row objects, as `tableView` accepts.
 * @param options - see `InferOptions`.
 * @returns one `ColumnRole` per column.
 *
 * @example
 * inferColumns([{ a: '1', b: 'x' }, { a: '2', b: 'y' }]).map((c) => c.role);
 * // => ['numeric', 'categorical']
 */
export function inferColumns(table: TableInput, options: InferOptions = {}): ColumnRole[] {
  const view = tableView(table);
  return view.columns.map((name) => inferColumn(name, view.column(name), options));
}

/** Apply the defaults and check the shares. */
function resolveSettings(options: InferOptions): Settings {
  const settings: Settings = {
    missingTokens: options.missingTokens ?? DEFAULT_TOKEN_SET,
    decimal: options.decimal ?? '.',
    numericShare: options.numericShare ?? DEFAULT_NUMERIC_SHARE,
    idDistinctShare: options.idDistinctShare ?? DEFAULT_ID_DISTINCT_SHARE,
  };
  if (settings.decimal !== '.' && settings.decimal !== ',') {
    throw badOption('decimal', settings.decimal, "'.' or ','");
  }
  for (const key of ['numericShare', 'idDistinctShare'] as const) {
    const share = settings[key];
    if (!(share > 0 && share <= 1)) throw badOption(key, share, 'a share in (0, 1]');
  }
  return settings;
}

function badOption(option: string, value: unknown, expected: string): FitgateError {
  return new FitgateError(
    'BAD_OPTION',
    `${option} must be ${expected}; got ${JSON.stringify(value)}`,
    { value },
  );
}

/** The role the caller forced on this column, if any. */
function forcedRole(name: string, options: InferOptions): 'numeric' | 'categorical' | undefined {
  const numeric = options.forceNumeric?.includes(name) ?? false;
  const categorical = options.forceCategorical?.includes(name) ?? false;
  if (numeric && categorical) {
    throw new FitgateError(
      'BAD_OPTION',
      `column "${name}" is in both forceNumeric and forceCategorical; keep it in one`,
      { column: name },
    );
  }
  if (numeric) return 'numeric';
  return categorical ? 'categorical' : undefined;
}

/** The single pass: counts of present, distinct, parsed, date-shaped and code-shaped values. */
function scanColumn(values: ArrayLike<unknown>, settings: Settings, keepParsing: boolean): Scan {
  const scan = emptyScan(values.length);
  const seen = new Set<string>();
  let missing = 0;
  let previous = Number.NaN;

  for (let i = 0; i < values.length; i += 1) {
    const raw = values[i];
    if (isMissing(raw, settings.missingTokens)) {
      missing += 1;
      continue;
    }
    scan.present += 1;
    const text = cellText(raw);
    if (scan.present === 1) scan.example = text;

    // Distinct values, up to the cap; remember how many values it took to reach it.
    if (seen.size < DISTINCT_CAP) {
      seen.add(text);
      scan.counted = scan.present;
    }

    // Each shape may fail on at most this many values before its share is out of reach.
    const upperPresent = values.length - missing;
    const needsNumber = scan.numericPossible || scan.codePossible;
    const value = needsNumber ? parseNumber(raw, settings.decimal) : Number.NaN;
    if (scan.numericPossible) {
      previous = countNumber(scan, value, previous);
      const failures = scan.present - scan.parsed;
      const allowed = (1 - settings.numericShare) * upperPresent;
      if (!keepParsing && failures > allowed) scan.numericPossible = false;
    }
    if (scan.datePossible) countDate(scan, raw, text, upperPresent);
    if (scan.codePossible) countCode(scan, text, value, upperPresent);
  }

  scan.distinct = seen.size;
  scan.distinctShare = scan.counted === 0 ? 0 : seen.size / scan.counted;
  return scan;
}

function emptyScan(rows: number): Scan {
  return {
    rows,
    present: 0,
    distinct: 0,
    counted: 0,
    distinctShare: 0,
    numericPossible: true,
    parsed: 0,
    allIntegers: true,
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
    stepsUp: 0,
    stepsDown: 0,
    datePossible: true,
    dates: 0,
    codePossible: true,
    tokens: 0,
    mixed: 0,
    zeroPadded: 0,
    example: '',
  };
}

/** A present cell as trimmed text (the key for distinct counting and shape tests). */
function cellText(raw: unknown): string {
  if (typeof raw === 'string') return raw.trim();
  if (raw instanceof Date) return raw.toISOString();
  return String(raw);
}

/** Count a parsed value (or a failure) and its step from the previous one; returns the value. */
function countNumber(scan: Scan, value: number, previous: number): number {
  if (Number.isNaN(value)) return previous;
  scan.parsed += 1;
  if (!Number.isInteger(value)) scan.allIntegers = false;
  if (value < scan.min) scan.min = value;
  if (value > scan.max) scan.max = value;
  if (value > previous) scan.stepsUp += 1;
  else if (value < previous) scan.stepsDown += 1;
  return value;
}

/** ISO-style dates (year first), with an optional time and zone (the date part, then the time). */
const YEAR_FIRST_DATE = new RegExp(
  /^\d{4}([-/.])(0?[1-9]|1[0-2])\1(0?[1-9]|[12]\d|3[01])/.source +
    /(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s?(?:Z|[+-]\d{2}:?\d{2})?)?$/.source,
);

/** Day-first or month-first dates with a four-digit year, with an optional time. */
const YEAR_LAST_DATE =
  /^(\d{1,2})([-/.])(\d{1,2})\2\d{4}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AaPp][Mm])?)?$/;

/** Dates with an English month name: `20 Oct 2016`, `Oct 20, 2016`, `20-Oct-2016`. */
const MONTH_NAME_DATE =
  /^(?:\d{1,2}[ -]([A-Za-z]{3,9})\.?[ -]\d{4}|([A-Za-z]{3,9})\.? \d{1,2},? \d{4})$/;

const MONTHS = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
]);

/** Whether a cell is shaped like a calendar date. */
function isDateLike(raw: unknown, text: string): boolean {
  if (raw instanceof Date) return true;
  if (YEAR_FIRST_DATE.test(text)) return true;
  const numeric = YEAR_LAST_DATE.exec(text);
  if (numeric) {
    const first = Number(numeric[1]);
    const second = Number(numeric[3]);
    return (
      first >= 1 && second >= 1 && Math.max(first, second) <= 31 && Math.min(first, second) <= 12
    );
  }
  const named = MONTH_NAME_DATE.exec(text);
  return named !== null && MONTHS.has((named[1] ?? named[2]).slice(0, 3).toLowerCase());
}

function countDate(scan: Scan, raw: unknown, text: string, upperPresent: number): void {
  if (isDateLike(raw, text)) scan.dates += 1;
  else if (scan.present - scan.dates > (1 - SHAPE_SHARE) * upperPresent) scan.datePossible = false;
}

/** One token of letters, digits, `-` and `_` (no spaces, no dots). */
const TOKEN = /^[A-Za-z0-9_-]+$/;
const HAS_LETTER = /[A-Za-z]/;
const HAS_DIGIT = /\d/;
const ZERO_PADDED = /^0\d+$/;

/**
 * Digits around an unsigned `e` (`713752e1`): a number to `parseNumber`, but software writing a
 * number in scientific notation signs the exponent (`1e+21`, `1E+05`) or adds a point, so in a
 * column this shape is a hexadecimal code that happens to have one `e`.
 */
const BARE_EXPONENT = /^\d+[eE]\d+$/;

function countCode(scan: Scan, text: string, value: number, upperPresent: number): void {
  if (!TOKEN.test(text)) {
    const nonTokens = scan.present - scan.tokens;
    if (nonTokens > (1 - SHAPE_SHARE) * upperPresent) scan.codePossible = false;
    return;
  }
  scan.tokens += 1;
  if (ZERO_PADDED.test(text)) scan.zeroPadded += 1;
  else if (isMixedCode(text, value)) scan.mixed += 1;
}

/** Letters mixed with digits in a value that is not a number (or only one by accident). */
function isMixedCode(text: string, value: number): boolean {
  if (BARE_EXPONENT.test(text)) return true;
  return Number.isNaN(value) && HAS_LETTER.test(text) && HAS_DIGIT.test(text);
}

/** Turn the scan into a role, applying the rules in the order the top of the file gives. */
function decideRole(
  name: string,
  scan: Scan,
  settings: Settings,
  forced: 'numeric' | 'categorical' | undefined,
): ColumnRole {
  const base = {
    name,
    presentShare: scan.rows === 0 ? 0 : scan.present / scan.rows,
    distinct: scan.distinct,
  };
  const ignored = ignoredRole(scan, base.presentShare);
  if (ignored) return { ...base, role: 'ignored', ...ignored };
  if (forced) return { ...base, role: forced, reason: forcedReason(forced, scan) };
  if (scan.datePossible && scan.dates >= SHAPE_SHARE * scan.present) {
    const reason = `date-like values such as "${scan.example}": a time, not a number to bin`;
    return { ...base, role: 'categorical', code: 'DATE', reason };
  }
  const decided =
    codeRole(scan, settings) ?? numericRole(scan, settings) ?? textRole(scan, settings);
  return { ...base, ...decided };
}

type Decision = Pick<ColumnRole, 'role' | 'reason' | 'code'>;

/** Rule 1: empty, mostly missing and constant columns. */
function ignoredRole(scan: Scan, presentShare: number): Pick<ColumnRole, 'reason' | 'code'> | null {
  if (scan.present === 0) return { code: 'EMPTY', reason: 'no present values' };
  if (presentShare < MIN_PRESENT_SHARE) {
    const floor = percent(MIN_PRESENT_SHARE);
    const reason = `present in ${percent(presentShare)} of rows, under the ${floor} floor`;
    return { code: 'MOSTLY_MISSING', reason };
  }
  if (scan.distinct === 1) {
    return { code: 'CONSTANT', reason: `one value ("${scan.example}") in every present row` };
  }
  return null;
}

function forcedReason(forced: 'numeric' | 'categorical', scan: Scan): string {
  if (forced === 'categorical') return 'categorical: forced by forceCategorical';
  const share = scan.parsed / scan.present;
  return `numeric: forced by forceNumeric; ${percent(share)} of present values parse`;
}

/** Rule 4: columns of codes are identifiers when mostly distinct, else categories. */
function codeRole(scan: Scan, settings: Settings): Decision | null {
  if (!scan.codePossible || scan.tokens < SHAPE_SHARE * scan.present) return null;
  const mixed = scan.mixed >= CODE_MIXED_SHARE * scan.present;
  const padded = scan.zeroPadded >= ZERO_PADDED_SHARE * scan.present;
  if (!mixed && !padded) return null;

  const shape = mixed ? 'letters mixed with digits' : 'zero-padded digits';
  const what = `codes (${shape}) such as "${scan.example}"`;
  const idShare = Math.min(CODE_ID_DISTINCT_SHARE, settings.idDistinctShare);
  if (scan.present >= MIN_ROWS_FOR_ID && scan.distinctShare >= idShare) {
    const reason = `${what}, ${percent(scan.distinctShare)} distinct: an identifier`;
    return { role: 'ignored', code: 'ID_COLUMN', reason };
  }
  const repeat = `that repeat (${percent(scan.distinctShare)} distinct)`;
  const reason = `${what} ${repeat}: categories, not numbers`;
  return { role: 'categorical', reason };
}

/** Rule 5: numbers, unless they are a nearly unique integer key. */
function numericRole(scan: Scan, settings: Settings): Decision | null {
  const share = scan.parsed / scan.present;
  if (!scan.numericPossible || share < settings.numericShare) return null;
  const parses = `${percent(share)} of present values parse`;
  const nearlyUnique =
    scan.present >= MIN_ROWS_FOR_ID && scan.distinctShare >= settings.idDistinctShare;
  if (!nearlyUnique) return { role: 'numeric', reason: `numeric: ${parses}` };

  const unique = `nearly unique (${percent(scan.distinctShare)} distinct)`;
  const key = integerKeyEvidence(scan);
  if (key) {
    return {
      role: 'ignored',
      code: 'ID_COLUMN',
      reason: `integers, ${unique}, ${key}: an identifier`,
    };
  }
  return {
    role: 'numeric',
    reason: `numeric: ${parses}; ${unique} but ${measurementEvidence(scan)}`,
  };
}

/** Why nearly unique numbers look like a key (row order, or too few repeats), or null. */
function integerKeyEvidence(scan: Scan): string | null {
  if (!scan.allIntegers) return null;

  // Numbered in row order: nearly every step goes the same way.
  const steps = scan.parsed - 1;
  const oneWay = Math.max(scan.stepsUp, scan.stepsDown);
  if (steps > 0 && oneWay >= MONOTONIC_STEP_SHARE * steps) {
    return `${scan.stepsUp >= scan.stepsDown ? 'increasing' : 'decreasing'} with the row order`;
  }

  // Numbered out of order: far fewer repeats than values spread over the same range would have.
  const { repeats, expected } = repeatFigures(scan);
  const few =
    repeats <= expected / 2 && expected - repeats >= KEY_REPEAT_DEVIATIONS * Math.sqrt(expected);
  if (!few) return null;
  const chance = `values spread over that range would repeat about ${Math.round(expected)} times`;
  return `${repeats} repeats between ${scan.min} and ${scan.max} where ${chance}`;
}

/** Why nearly unique numbers are a measurement: decimals, or repeats as chance would have. */
function measurementEvidence(scan: Scan): string {
  if (!scan.allIntegers) return 'with decimals: a measurement';
  const { repeats, expected } = repeatFigures(scan);
  const chance = `about ${Number(expected.toPrecision(2))} by chance`;
  return `out of row order with ${repeats} repeats (${chance}): a measurement`;
}

/**
 * Repeats among the counted values, and the repeats expected of as many integers drawn uniformly
 * from the same range: n - R(1 - (1 - 1/R)^n).
 */
function repeatFigures(scan: Scan): { repeats: number; expected: number } {
  const n = scan.counted;
  const range = scan.max - scan.min + 1;
  const expectedDistinct = -range * Math.expm1(n * Math.log1p(-1 / range));
  return { repeats: n - scan.distinct, expected: n - expectedDistinct };
}

/** Rule 6: text is categorical unless nearly unique. */
function textRole(scan: Scan, settings: Settings): Decision {
  const nearlyUnique =
    scan.present >= MIN_ROWS_FOR_ID && scan.distinctShare >= settings.idDistinctShare;
  if (nearlyUnique) {
    const distinct = `${percent(scan.distinctShare)} of present values are distinct`;
    const reason = `${distinct}: nearly one value per row`;
    return { role: 'ignored', code: 'ID_COLUMN', reason };
  }
  const needed = percent(settings.numericShare);
  const parses = scan.numericPossible
    ? `${percent(scan.parsed / scan.present)} parse as numbers, under the ${needed} needed`
    : `fewer than ${needed} parse as numbers`;
  return {
    role: 'categorical',
    reason: `categorical: ${scan.distinct} distinct values; ${parses}`,
  };
}

/**
 * A share as a percentage rounded down to one decimal, so that "100%" means all:
 * 0.998 -> "99.8%", 0.9999 -> "99.9%", 1 -> "100%".
 */
function percent(share: number): string {
  return `${Math.floor(share * 1000 + 1e-9) / 10}%`;
}
