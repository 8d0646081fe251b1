/**
 * Reading a job title ("SVP Sales", "P/CEO", "Head of RevOps") as a seniority and a department,
 * by whole-word phrases: "Internal Tools" contains no "intern".
 */
import { canonicalText } from './canonical-text.js';
import type { PhraseRule } from './normalizer-spec.js';

/**
 * The longest title that is read. LinkedIn limits a position title to 100 characters; longer text
 * is not a title, and is rejected before it is scanned.
 */
export const MAX_TITLE_LENGTH = 200;

/** The most words a `*` in a phrase stands for. */
const WILDCARD_MAX_WORDS = 3;

/** The rules of a title classifier (the `seniority`, `departments`, ... of a title normaliser). */
export interface TitleRules {
  /** Seniority levels, highest precedence first. */
  seniority: readonly PhraseRule[];
  /** Departments; the phrase found first in the title wins. */
  departments: readonly PhraseRule[];
  /** The seniority of a title with a word but no seniority phrase; null leaves it missing. */
  fallbackSeniority: string | null;
  /** Words after which no seniority is read. */
  stopWords: readonly string[];
}

/** A classified title. */
export interface TitleMatch {
  seniority: string | null;
  department: string | null;
  /** The phrase that gave the seniority (null for the fallback or none). */
  seniorityPhrase: string | null;
  departmentPhrase: string | null;
  /** Why nothing could be read; null otherwise. */
  reason: string | null;
}

interface CompiledPhrase {
  label: string;
  text: string;
  words: string[];
  /** Position of the rule in its list: the lower, the higher its precedence. */
  rank: number;
  /** A seniority phrase read only to keep its words from a department ("vice president"). */
  blocker: boolean;
}

/**
 * A function that classifies titles with `rules`.
 *
 * The title and every phrase are compared as canonical words (see `canonicalText`), so a phrase
 * matches whole words only. Reading from the left, the longest phrase at each position is taken
 * ("vice president" before "president"). Seniority: of the levels found before the first stop
 * word, the one listed first. Department: the first found; the words of a literal seniority
 * phrase are not read as a department unless a department phrase as long covers them ("Vice
 * President" gives no "president" department, "Chief Revenue Officer" gives sales).
 *
 * @example
 * const classify = compileTitleClassifier(rules); // rules as in @fitgate/normalize's defaults
 * classify('SVP Sales') // => { seniority: 'vp', department: 'sales', ... }
 */
export function compileTitleClassifier(rules: TitleRules): (title: string) => TitleMatch {
  const seniority = compilePhrases(rules.seniority, false);
  const departments = [
    ...compilePhrases(rules.departments, false),
    // Literal seniority phrases hold on to their words: "Vice President" is not a "president".
    ...seniority.filter((p) => !p.words.includes('*')).map((p) => ({ ...p, blocker: true })),
  ];
  const stopWords = new Set(rules.stopWords.map((w) => canonicalText(w)));

  return (title) => {
    if (title.length > MAX_TITLE_LENGTH)
      return nothing(`longer than ${MAX_TITLE_LENGTH} characters`);
    const words = canonicalText(title)
      .split(' ')
      .filter((w) => w !== '');
    if (words.length === 0) return nothing('no letter or digit');

    // Seniority: read only up to the first stop word ("assistant to the CEO").
    const stop = words.findIndex((w) => stopWords.has(w));
    const levels = findPhrases(stop === -1 ? words : words.slice(0, stop), seniority);
    const level = levels.reduce<CompiledPhrase | null>(
      (a, b) => (a === null || b.rank < a.rank ? b : a),
      null,
    );
    const department = findPhrases(words, departments).find((p) => !p.blocker) ?? null;

    const hasLetter = words.some((w) => /\p{L}/u.test(w));
    return {
      seniority: level?.label ?? (hasLetter ? rules.fallbackSeniority : null),
      department: department?.label ?? null,
      seniorityPhrase: level?.text ?? null,
      departmentPhrase: department?.text ?? null,
      reason: null,
    };
  };
}

function compilePhrases(rules: readonly PhraseRule[], blocker: boolean): CompiledPhrase[] {
  return rules.flatMap((rule, rank) =>
    rule.phrases.map((text) => {
      // Keep `*` as a wildcard; canonicalise the other words (one may become several).
      const words = text
        .split(/\s+/)
        .flatMap((part) => (part === '*' ? ['*'] : canonicalText(part).split(' ')))
        .filter((w) => w !== '');
      return { label: rule.label, text, words, rank, blocker };
    }),
  );
}

/** The phrases found in `words`, from the left, taking the longest phrase at each position. */
function findPhrases(
  words: readonly string[],
  phrases: readonly CompiledPhrase[],
): CompiledPhrase[] {
  const found: CompiledPhrase[] = [];
  let i = 0;
  while (i < words.length) {
    let best: CompiledPhrase | null = null;
    let bestEnd = i;
    for (const phrase of phrases) {
      // The longest phrase wins; at equal length, a department phrase beats a blocker.
      const end = matchEnd(words, i, phrase.words, 0);
      const better =
        end > bestEnd || (end === bestEnd && best?.blocker === true && !phrase.blocker);
      if (better) [best, bestEnd] = [phrase, end];
    }
    if (best === null) i++;
    else {
      found.push(best);
      i = bestEnd;
    }
  }
  return found;
}

/** Where `pattern` (from its word `k`) ends when it matches `words` at `i`, or -1. */
function matchEnd(
  words: readonly string[],
  i: number,
  pattern: readonly string[],
  k: number,
): number {
  if (k === pattern.length) return i;
  if (i >= words.length || pattern.length === 0) return -1;
  if (pattern[k] !== '*')
    return words[i] === pattern[k] ? matchEnd(words, i + 1, pattern, k + 1) : -1;

  // A wildcard takes one to three words; keep the longest overall match.
  let end = -1;
  for (let n = 1; n <= WILDCARD_MAX_WORDS && i + n <= words.length; n++) {
    end = Math.max(end, matchEnd(words, i + n, pattern, k + 1));
  }
  return end;
}

function nothing(reason: string): TitleMatch {
  return {
    seniority: null,
    department: null,
    seniorityPhrase: null,
    departmentPhrase: null,
    reason,
  };
}
