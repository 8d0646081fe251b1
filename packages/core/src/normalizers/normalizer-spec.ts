/**
 * Normalisers as data: the schema of the `normalizers` entries of an ICP definition. Each entry
 * says which column to read, what kind of value it holds and everything needed to normalise it
 * (aliases, bands, title rules), so that derive and qualify apply the same mapping and a
 * definition never depends on code that is not in it.
 */
import { z } from 'zod';
import { canonicalText } from './canonical-text.js';
import { outputColumns } from './output-columns.js';
import { bandsProblem, HEADCOUNT_BANDS, REVENUE_BANDS } from './size-bands.js';

/**
 * The prefix of a category value that matched no label: `unmapped:` followed by the value's
 * canonical text ("Finance Management" -> "unmapped:finance management"). It can never equal a
 * label, and it keeps spellings of the same unknown value together.
 */
export const UNMAPPED_PREFIX = 'unmapped:';

/**
 * The default similarity a fuzzy match needs: one typo in a word of 7 or more letters passes
 * ("technolgy" -> "technology", 0.9), while two edits in a 6-letter word ("retail" vs "rental",
 * 0.67) or a different short word ("media" vs "medical", 0.71) do not.
 */
export const DEFAULT_FUZZY_FLOOR = 0.85;

/** The default seniority of a title that matches no seniority phrase but has a word. */
export const DEFAULT_FALLBACK_SENIORITY = 'individual contributor';

const columnSchema = z.string().min(1);

/** A category normaliser: labels with their aliases, and a floor for fuzzy matches. */
export const categoryNormalizerSchema = z
  .object({
    column: columnSchema,
    kind: z.enum(['industry', 'country', 'category']),
    /** The column to write; the input column itself by default. */
    output: columnSchema.optional(),
    /** Each label with the other ways of writing it (compared by their canonical text). */
    aliases: z.record(z.string().min(1), z.array(z.string())),
    /** The similarity (0 to 1) a fuzzy match needs; 1 turns fuzzy matching off. */
    fuzzyFloor: z.number().min(0).max(1).default(DEFAULT_FUZZY_FLOOR),
  })
  .superRefine((spec, ctx) => {
    for (const message of aliasProblems(spec.aliases))
      ctx.addIssue({ code: 'custom', message, path: ['aliases'] });
  });

/** One band of a size normaliser: `lower <= size < upper`. */
const bandSchema = z.object({
  label: z.string().min(1),
  lower: z.number().min(0),
  upper: z.number().nullable(),
});

const bandsSchema = z.array(bandSchema).superRefine((bands, ctx) => {
  const problem = bandsProblem(bands);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * How a size normaliser writes its result: the band label (a category), or the range's geometric
 * midpoint (a number, for numeric binning) in the column's own unit.
 */
const sizeValueSchema = z.enum(['band', 'midpoint']);

/** A headcount normaliser: ranges such as "51-200" or "1K-5K" to a band or a midpoint. */
export const headcountNormalizerSchema = z.object({
  column: columnSchema,
  kind: z.literal('headcount'),
  output: columnSchema.optional(),
  value: sizeValueSchema.default('band'),
  bands: bandsSchema.default(() => HEADCOUNT_BANDS.map((b) => ({ ...b }))),
});

/** A revenue normaliser: amounts such as "$10M-$50M" to a band or a midpoint. */
export const revenueNormalizerSchema = z.object({
  column: columnSchema,
  kind: z.literal('revenue'),
  output: columnSchema.optional(),
  value: sizeValueSchema.default('band'),
  bands: bandsSchema.default(() => REVENUE_BANDS.map((b) => ({ ...b }))),
  /** Multiplier for numbers without a suffix (1e6 when the column is in millions). */
  scale: z.number().positive().default(1),
  /** ISO 4217 code of the amounts; amounts marked with another currency are not read. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('USD'),
});

/** A label with the phrases (word sequences) that give it; `*` stands for one to three words. */
const phraseRuleSchema = z.object({
  label: z.string().min(1),
  phrases: z.array(z.string().min(1)).min(1),
});

/** A title normaliser: a title to a seniority and a department, written to two columns. */
export const titleNormalizerSchema = z.object({
  column: columnSchema,
  kind: z.literal('title'),
  /** The columns to write; `<column>_seniority` and `<column>_department` by default. */
  output: z.object({ seniority: columnSchema, department: columnSchema }).optional(),
  /** Seniority levels, highest precedence first: the first level found in the title wins. */
  seniority: z.array(phraseRuleSchema).min(1),
  /** Departments: the phrase found first, reading the title from the left, wins. */
  departments: z.array(phraseRuleSchema),
  /** The seniority of a title with a word but no seniority phrase; null leaves it missing. */
  fallbackSeniority: z.string().min(1).nullable().default(DEFAULT_FALLBACK_SENIORITY),
  /** Words after which no seniority is read ("Assistant to the CEO" is not a CEO). */
  stopWords: z.array(z.string().min(1)).default(['to']),
});

/** One normaliser of an ICP definition, told apart by `kind`. */
export const normalizerSpecSchema = z.discriminatedUnion('kind', [
  categoryNormalizerSchema,
  headcountNormalizerSchema,
  revenueNormalizerSchema,
  titleNormalizerSchema,
]);

/** The normalisers of a definition: no two may write the same column. */
export const normalizerSpecsSchema = z.array(normalizerSpecSchema).superRefine((specs, ctx) => {
  const writers = new Map<string, number>();
  for (const [i, spec] of specs.entries()) {
    for (const column of outputColumns(spec)) {
      const other = writers.get(column);
      if (other !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `normalizers ${other} and ${i} both write column "${column}"`,
        });
      }
      writers.set(column, i);
    }
  }
});

export type NormalizerSpec = z.output<typeof normalizerSpecSchema>;
/** A normaliser as written by hand, before defaults are filled in. */
export type NormalizerSpecInput = z.input<typeof normalizerSpecSchema>;
export type NormalizerKind = NormalizerSpec['kind'];
export type CategoryNormalizerSpec = z.output<typeof categoryNormalizerSchema>;
export type HeadcountNormalizerSpec = z.output<typeof headcountNormalizerSchema>;
export type RevenueNormalizerSpec = z.output<typeof revenueNormalizerSchema>;
export type TitleNormalizerSpec = z.output<typeof titleNormalizerSchema>;
export type PhraseRule = z.output<typeof phraseRuleSchema>;

/** Aliases that cannot work: empty once canonical, claimed twice, or looking unmapped. */
function aliasProblems(aliases: Readonly<Record<string, readonly string[]>>): string[] {
  const owner = new Map<string, string>();
  const problems: string[] = [];

  for (const [label, list] of Object.entries(aliases)) {
    if (label.startsWith(UNMAPPED_PREFIX))
      problems.push(`label "${label}" starts with "${UNMAPPED_PREFIX}"`);
    for (const alias of [label, ...list]) {
      const key = canonicalText(alias);
      const claimed = owner.get(key);
      if (key === '')
        problems.push(`alias ${JSON.stringify(alias)} of "${label}" has no letter or digit`);
      else if (claimed !== undefined && claimed !== label) {
        problems.push(
          `alias ${JSON.stringify(alias)} is claimed by both "${claimed}" and "${label}"`,
        );
      } else owner.set(key, label);
    }
  }
  return problems;
}
