/**
 * The one text normalisation every normaliser shares: two spellings that a person would call the
 * same word ("E–Commerce", "e-commerce", "E COMMERCE") come out as the same string.
 */

/** Combining diacritical marks (U+0300 to U+036F): the accents of Latin, Greek and Cyrillic. */
const LATIN_DIACRITICS = /[\u0300-\u036f]/g;

/** Every dash and minus sign: Unicode dash punctuation (`\p{Pd}`) plus the minus signs. */
const DASHES = /[\p{Pd}\u2212\u2043\ufe63\uff0d]/gu;

/** Apostrophes and periods join what they sit in ("O'Neil" -> "oneil", "U.S." -> "us"). */
const JOINING_MARKS = /['\u2018\u2019\u02bc`\u00b4.]/g;

/** Written conjunctions: "&", "+" and "/" all read as the word "and". */
const CONJUNCTIONS = /[&+/]/g;

/** Any other punctuation, symbol or control character separates words. */
const SEPARATORS = /[\p{P}\p{S}\p{Cc}\p{Z}\s]+/gu;

/** Invisible format characters (zero-width space, joiners, soft hyphen) are dropped. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/**
 * The canonical form of a piece of text, for comparing labels written in different ways.
 *
 * Steps: Unicode NFKC (full-width and ligature forms become plain letters), lower case with the
 * German sharp s folded to "ss", accents removed from Latin, Greek and Cyrillic letters, every
 * kind of dash turned into a space, apostrophes and periods removed, `&`, `+` and `/` read as
 * "and", all other punctuation and symbols turned into spaces, and runs of spaces collapsed.
 * The result is idempotent: `canonicalText(canonicalText(s)) === canonicalText(s)`.
 *
 * Every step is a single linear pass, but callers that take untrusted input still check its
 * length first (each normaliser has its own limit).
 *
 * @example
 * canonicalText('  Retail & Cosmetics ') // => 'retail and cosmetics'
 * canonicalText('E–Commerce')            // => 'e commerce'
 * canonicalText('U.S.A.')                // => 'usa'
 */
export function canonicalText(text: string): string {
  // Compatibility forms first, so that case folding sees plain letters.
  let s = text.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ');

  // Strip accents, then recompose what is left.
  s = s.normalize('NFD').replace(LATIN_DIACRITICS, '').normalize('NFKC');

  // Punctuation: dashes separate, apostrophes and periods join, conjunctions become "and".
  s = s.replace(FORMAT_CHARACTERS, '').replace(DASHES, ' ').replace(JOINING_MARKS, '');
  s = s.replace(CONJUNCTIONS, ' and ').replace(SEPARATORS, ' ').trim();

  // Removing characters can bring composable characters together: recompose once more.
  return s.normalize('NFKC');
}
