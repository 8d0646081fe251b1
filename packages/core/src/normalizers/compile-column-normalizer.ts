/**
 * Internal: one normaliser spec turned into a function of one cell, shared by
 * `compileNormalizers` (row by row, for qualify) and `normalizeColumn` (a column at a time, for
 * derive and the mapping report).
 */
import { isMissing } from '../missing-tokens.js';
import { canonicalText } from './canonical-text.js';
import { compileCategoryMatcher, MAX_CATEGORY_LENGTH } from './compile-category-matcher.js';
import { compileTitleClassifier } from './compile-title-classifier.js';
import type {
  HeadcountNormalizerSpec,
  NormalizerSpec,
  RevenueNormalizerSpec,
} from './normalizer-spec.js';
import { UNMAPPED_PREFIX } from './normalizer-spec.js';
import { outputColumns } from './output-columns.js';
import { parseRange } from './parse-range.js';
import { rangeMidpoint, type SizeRange } from './range-midpoint.js';

/**
 * The most distinct values whose outcome a compiled normaliser remembers; past it the memory is
 * cleared. A CRM column has far fewer distinct values; a stream of leads cannot grow it forever.
 */
const MAX_REMEMBERED_VALUES = 10_000;

/**
 * The longest canonical text an unmapped value can carry: canonical text of at most
 * `MAX_CATEGORY_LENGTH` characters, each of which NFKC expands to at most 18 (U+FDFA).
 */
const MAX_UNMAPPED_LENGTH = 18 * MAX_CATEGORY_LENGTH;

/** What normalising one cell gave. */
export interface NormalizerOutcome {
  /** `missing`: no value; `mapped`: normalised; `unmapped`: a value that could not be read. */
  status: 'missing' | 'mapped' | 'unmapped';
  /** The value written to each output column, in the order of `outputColumns(spec)`. */
  values: unknown[];
  /** The result as text, for reports: a label, a band, "vp / sales". */
  mapped: string | null;
  /** `exact`, `alias`, `fuzzy` (categories), `parsed` (sizes), `phrase` or `fallback` (titles). */
  method: string | null;
  /** The confidence of a category match (1 for exact and alias); null for other kinds. */
  confidence: number | null;
  /** Why a value is unmapped or missing; null when it mapped. */
  reason: string | null;
}

/** A function of one cell for `spec`; `missingTokens` are trimmed tokens, as `isMissing` takes. */
export function compileColumnNormalizer(
  spec: NormalizerSpec,
  missingTokens: ReadonlySet<string>,
): (value: unknown) => NormalizerOutcome {
  const width = outputColumns(spec).length;
  const missing = (reason: string): NormalizerOutcome => ({
    status: 'missing',
    values: new Array<unknown>(width).fill(null),
    mapped: null,
    method: null,
    confidence: null,
    reason,
  });
  const normalize = compileByKind(spec, missing);
  const remembered = new Map<string, NormalizerOutcome>();

  return (value) => {
    // Missing values stay missing, whatever the kind (the same test as the rest of core).
    if (isMissing(value, missingTokens)) return missing('no value');
    const text = typeof value === 'number' ? value : String(value);
    if (typeof text === 'string' && text.trim() === '') return missing('no value');

    // Each distinct value is normalised once.
    const key = typeof text === 'number' ? `n${text}` : `s${text}`;
    let outcome = remembered.get(key);
    if (outcome === undefined) {
      if (remembered.size >= MAX_REMEMBERED_VALUES) remembered.clear();
      outcome = normalize(text);
      remembered.set(key, outcome);
    }
    return outcome;
  };
}

type Normalize = (value: string | number) => NormalizerOutcome;

function compileByKind(
  spec: NormalizerSpec,
  missing: (reason: string) => NormalizerOutcome,
): Normalize {
  switch (spec.kind) {
    case 'industry':
    case 'country':
    case 'category': {
      const match = compileCategoryMatcher(spec.aliases, { fuzzyFloor: spec.fuzzyFloor });
      return (value) => {
        // A value this normaliser already wrote as unmapped stays unmapped, unchanged.
        const text = String(value);
        if (text.startsWith(UNMAPPED_PREFIX)) {
          const rest = text.slice(UNMAPPED_PREFIX.length);
          const canonical = canonicalText(
            rest.length > MAX_UNMAPPED_LENGTH ? rest.slice(0, MAX_CATEGORY_LENGTH) : rest,
          );
          return outcome(
            'unmapped',
            [UNMAPPED_PREFIX + canonical],
            null,
            null,
            0,
            'already unmapped',
          );
        }
        const m = match(text);
        if (m.reason === 'no letter or digit') return missing(m.reason);
        if (m.label === null) {
          return outcome('unmapped', [UNMAPPED_PREFIX + m.canonical], null, null, 0, m.reason);
        }
        return outcome('mapped', [m.label], m.label, m.method, m.confidence, null);
      };
    }
    case 'headcount':
    case 'revenue':
      return (value) => {
        const r = parseRange(value, spec);
        if (r.range === null) return outcome('unmapped', [null], null, null, null, r.reason);
        const written = spec.value === 'band' ? r.band : midpointIn(spec, r.range);
        return outcome('mapped', [written], r.band, 'parsed', null, null);
      };
    case 'title': {
      const classify = compileTitleClassifier(spec);
      return (value) => {
        const t = classify(String(value));
        if (t.reason === 'no letter or digit') return missing(t.reason);
        if (t.reason !== null) return outcome('unmapped', [null, null], null, null, null, t.reason);
        const method = t.seniorityPhrase === null ? 'fallback' : 'phrase';
        const mapped = `${t.seniority ?? '-'} / ${t.department ?? '-'}`;
        return outcome('mapped', [t.seniority, t.department], mapped, method, null, null);
      };
    }
  }
}

/**
 * The midpoint in the column's own unit, so that normalising it again gives it back: a whole
 * number of people (rounded down, which keeps it in its band, whose edges are whole), and revenue
 * divided by the normaliser's scale.
 */
function midpointIn(
  spec: HeadcountNormalizerSpec | RevenueNormalizerSpec,
  range: SizeRange,
): number {
  const midpoint = rangeMidpoint(range);
  return spec.kind === 'headcount' ? Math.floor(midpoint) : midpoint / spec.scale;
}

function outcome(
  status: NormalizerOutcome['status'],
  values: unknown[],
  mapped: string | null,
  method: string | null,
  confidence: number | null,
  reason: string | null,
): NormalizerOutcome {
  return { status, values, mapped, method, confidence, reason };
}
