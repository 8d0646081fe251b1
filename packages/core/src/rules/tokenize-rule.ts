/**
 * Splitting a rule's text into tokens, in one left-to-right pass of plain character tests (no
 * regular expression reads the rule, and none is ever built from it): the time taken is linear in
 * the rule's length, and the length is capped before the pass starts.
 */
import { FitgateError } from '../errors.js';
import {
  MAX_RULE_LENGTH,
  RULE_ERROR_PREFIX,
  RULE_KEYWORDS,
  ruleError,
  type CompareOp,
  type RuleToken,
} from './rule-syntax.js';

const BACKSLASH = '\\';

/** How many letters after a number an error message shows ("12abc"). */
const NUMBER_WORD_SHOWN = 12;

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function isWordStart(char: string | undefined): boolean {
  return (
    char !== undefined &&
    ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '_')
  );
}

function isWordChar(char: string | undefined): boolean {
  return isWordStart(char) || isDigit(char) || char === '.';
}

/** Space, tab, line breaks, form feed, vertical tab and the no-break space. */
function isSpace(char: string): boolean {
  return ' \t\n\r\f\v\u00a0'.includes(char);
}

/** A bare word: a keyword (any case) or a field name. */
function readWord(source: string, start: number): RuleToken {
  let end = start + 1;
  while (isWordChar(source[end])) end += 1;
  const text = source.slice(start, end);
  const word = text.toLowerCase();
  if (RULE_KEYWORDS.has(word)) return { kind: 'keyword', word, text, position: start };
  return { kind: 'field', name: text, text, position: start };
}

/**
 * The body of a quoted string or backquoted name starting at `start`; inside it, a backslash may
 * only escape the quote character or another backslash.
 */
function readQuoted(source: string, start: number, quote: string): { value: string; end: number } {
  const chunks: string[] = [];
  let from = start + 1;
  let i = from;
  while (i < source.length) {
    const char = source[i];
    if (char === quote) {
      chunks.push(source.slice(from, i));
      return { value: chunks.join(''), end: i + 1 };
    }
    if (char === BACKSLASH) {
      const next = source[i + 1];
      if (next !== quote && next !== BACKSLASH) {
        const shown = next === undefined ? BACKSLASH : BACKSLASH + next;
        throw ruleError(
          source,
          i,
          `unknown escape ${shown}: only ${BACKSLASH}${quote} and ` +
            `${BACKSLASH}${BACKSLASH} may follow a backslash inside ${quote}...${quote}`,
        );
      }
      chunks.push(source.slice(from, i), next);
      i += 2;
      from = i;
      continue;
    }
    i += 1;
  }
  const what = quote === '"' ? 'text' : 'field name';
  throw ruleError(source, start, `the ${what} opened here is never closed with ${quote}`);
}

function readString(source: string, start: number): RuleToken {
  const { value, end } = readQuoted(source, start, '"');
  return { kind: 'string', value, text: source.slice(start, end), position: start };
}

function readName(source: string, start: number): RuleToken {
  const { value, end } = readQuoted(source, start, '`');
  if (value.length === 0) throw ruleError(source, start, 'a field name in backquotes is empty');
  return { kind: 'field', name: value, text: source.slice(start, end), position: start };
}

/** End of a run of digits starting at `from`. */
function skipDigits(source: string, from: number): number {
  let end = from;
  while (isDigit(source[end])) end += 1;
  return end;
}

/** A number: `[+-]?(digits[.digits]|.digits)([eE][+-]?digits)?`, written with a dot. */
function readNumber(source: string, start: number): RuleToken {
  let end = source[start] === '+' || source[start] === '-' ? start + 1 : start;
  const wholeEnd = skipDigits(source, end);
  let digits = wholeEnd - end;
  end = wholeEnd;
  if (source[end] === '.') {
    const fractionEnd = skipDigits(source, end + 1);
    digits += fractionEnd - end - 1;
    end = fractionEnd;
  }
  if (digits === 0) throw unexpectedCharacter(source, start);

  // An exponent only when digits follow; otherwise the letter is caught just below.
  if (source[end] === 'e' || source[end] === 'E') {
    const signed = source[end + 1] === '+' || source[end + 1] === '-' ? end + 2 : end + 1;
    const exponentEnd = skipDigits(source, signed);
    if (exponentEnd > signed) end = exponentEnd;
  }
  const text = source.slice(start, end);
  if (isWordChar(source[end])) {
    let wordEnd = end;
    while (isWordChar(source[wordEnd]) && wordEnd - end < NUMBER_WORD_SHOWN) wordEnd += 1;
    const word = source.slice(start, wordEnd);
    throw ruleError(
      source,
      start,
      `a number runs into letters (${JSON.stringify(word)}); write text in double quotes`,
    );
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw ruleError(source, start, `the number ${text} is too large`);
  return { kind: 'number', value, text, position: start };
}

/** `=`, `!=`, `<`, `<=`, `>`, `>=`, with a hint for the usual slips (`==`, `<>`, a lone `!`). */
function readOperator(source: string, start: number): RuleToken {
  const char = source[start];
  const next = source[start + 1];
  if (char === '=' && next === '=') {
    throw ruleError(source, start, 'write = once to compare for equality (not ==)');
  }
  if ((char === '!' && next !== '=') || (char === '<' && next === '>')) {
    throw ruleError(source, start, 'write != for "not equal", or not (...) to negate');
  }
  const op = (char === '=' ? '=' : next === '=' ? `${char}=` : char) as CompareOp;
  return { kind: 'op', op, text: op, position: start };
}

/** The error for a character that starts no token, with a hint where one helps. */
function unexpectedCharacter(source: string, position: number): FitgateError {
  const code = source.codePointAt(position) ?? 0;
  const char = String.fromCodePoint(code);
  const shown =
    code < 0x20 || code === 0x7f
      ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
      : JSON.stringify(char);
  let hint = '';
  if (char === "'") hint = '; write text in double quotes';
  else if (code > 0x7f) hint = '; put a field name with other characters in backquotes (`Name`)';
  return ruleError(source, position, `unexpected character ${shown}${hint}`);
}

/** The token that starts at `start` (a character that is not a space). */
function readToken(source: string, start: number): RuleToken {
  const char = source[start];
  if (isWordStart(char)) return readWord(source, start);
  if (char === '"') return readString(source, start);
  if (char === '`') return readName(source, start);
  if (isDigit(char) || char === '.' || char === '+' || char === '-') {
    return readNumber(source, start);
  }
  if (char === '=' || char === '!' || char === '<' || char === '>') {
    return readOperator(source, start);
  }
  if (char === '(' || char === ')' || char === ',') {
    return { kind: char, text: char, position: start };
  }
  throw unexpectedCharacter(source, start);
}

/**
 * Split a rule into tokens, ending with an `end` token.
 *
 * Tokens: keywords (`and`, `or`, `not`, `in`, `is`, `missing`, `contains`, `starts`, `ends`,
 * `with`, `true`, `false`, in any case); field names (`[A-Za-z_][A-Za-z0-9_.]*`, or any text in
 * backquotes, where `` \` `` and `\\` are the only escapes); double-quoted text (`\"` and `\\` the
 * only escapes); numbers written with a dot (`12`, `-3.5`, `.5`, `1e3`); the operators `=`, `!=`,
 * `<`, `<=`, `>`, `>=`; `(`, `)` and `,`. Spaces, tabs and line breaks separate tokens.
 *
 * @param source - the rule as written.
 * @returns the tokens, each with its 0-based position in `source`.
 * @throws FitgateError `BAD_RULE` for a rule longer than `MAX_RULE_LENGTH` or a character that
 * starts no token; the message gives the column and shows the rule with a caret.
 *
 * @example
 * tokenizeRule('employees >= 10').map((t) => t.kind); // => ['field', 'op', 'number', 'end']
 */
export function tokenizeRule(source: string): RuleToken[] {
  if (typeof source !== 'string') {
    throw new FitgateError(
      'BAD_RULE',
      `${RULE_ERROR_PREFIX}: it must be text; got ${typeof source}`,
    );
  }
  if (source.length > MAX_RULE_LENGTH) {
    throw new FitgateError(
      'BAD_RULE',
      `${RULE_ERROR_PREFIX}: it is ${source.length} characters long, over the limit of ` +
        `${MAX_RULE_LENGTH}; split it into several rules`,
    );
  }

  // One pass: skip spaces, read the token that starts here, continue after it.
  const tokens: RuleToken[] = [];
  let i = 0;
  while (i < source.length) {
    if (isSpace(source[i])) {
      i += 1;
      continue;
    }
    const token = readToken(source, i);
    tokens.push(token);
    i = token.position + token.text.length;
  }
  tokens.push({ kind: 'end', text: '', position: source.length });
  return tokens;
}
