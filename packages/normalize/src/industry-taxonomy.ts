/**
 * A team's own industry list, read from an already-parsed JSON or YAML document, replacing or
 * extending the default taxonomy.
 */
import { canonicalText, DEFAULT_FUZZY_FLOOR, FitgateError } from '@fitgate/core';
import { DEFAULT_INDUSTRY_TAXONOMY } from './default-industry-taxonomy.js';

/** Industry labels with their aliases, and the similarity a fuzzy match needs. */
export interface IndustryTaxonomy {
  aliases: Record<string, string[]>;
  fuzzyFloor: number;
}

type AliasMap = ReadonlyMap<string, readonly string[]>;

/**
 * The industry taxonomy to use: the default one, or a team's document applied to it.
 *
 * The document is an object (parsed from JSON or YAML by the caller) of this shape:
 * ```yaml
 * mode: extend        # or "replace"; extend by default
 * fuzzyFloor: 0.85    # optional
 * industries:
 *   technology: [tech, "internet technology"]
 *   software: saas    # one alias may be written without a list
 * ```
 * A bare mapping of labels to aliases (no `industries` key) is read as `industries` with
 * `mode: extend`. With `extend`, the team's entries take precedence: an alias the team lists is
 * taken away from the default label that had it, and a default label that the team lists as an
 * alias is folded, with its remaining aliases, into the team's label (listing `software` under
 * `technology` maps everything the default calls software to technology). With `replace`, only
 * the team's labels exist. Throws `BAD_TAXONOMY` naming what is wrong.
 *
 * @example
 * industryTaxonomy({ industries: { technology: ['software'] } }).aliases.technology
 * // => ['software', 'tech', 'it', ..., 'computer software', 'saas', ...]
 */
export function industryTaxonomy(team?: unknown): IndustryTaxonomy {
  const base = new Map(Object.entries(DEFAULT_INDUSTRY_TAXONOMY));
  if (team === undefined || team === null)
    return { aliases: toRecord(base), fuzzyFloor: DEFAULT_FUZZY_FLOOR };
  const { mode, fuzzyFloor, industries } = readDocument(team);
  const aliases = mode === 'replace' ? industries : extendAliases(base, industries);
  return { aliases: toRecord(aliases), fuzzyFloor };
}

/** The parts of a team document, checked. */
function readDocument(team: unknown): {
  mode: 'extend' | 'replace';
  fuzzyFloor: number;
  industries: AliasMap;
} {
  if (!isPlainObject(team)) throw bad(`a taxonomy must be an object; got ${describe(team)}`);
  const wrapped = 'industries' in team;
  const { mode = 'extend', fuzzyFloor = DEFAULT_FUZZY_FLOOR } = wrapped ? team : {};
  const unknownKeys = wrapped
    ? Object.keys(team).filter((k) => !['mode', 'fuzzyFloor', 'industries'].includes(k))
    : [];

  if (unknownKeys.length > 0)
    throw bad(`unknown key(s) ${unknownKeys.join(', ')}; expected mode, fuzzyFloor, industries`);
  if (mode !== 'extend' && mode !== 'replace')
    throw bad(`mode must be "extend" or "replace"; got ${describe(mode)}`);
  if (typeof fuzzyFloor !== 'number' || !(fuzzyFloor >= 0 && fuzzyFloor <= 1)) {
    throw bad(`fuzzyFloor must be a number from 0 to 1; got ${describe(fuzzyFloor)}`);
  }
  return { mode, fuzzyFloor, industries: readIndustries(wrapped ? team.industries : team) };
}

/** Labels to alias lists; an alias may be one string, and a label may have none (null). */
function readIndustries(industries: unknown): AliasMap {
  if (!isPlainObject(industries))
    throw bad(`industries must be a mapping of label to aliases; got ${describe(industries)}`);
  const out = new Map<string, string[]>();
  const owner = new Map<string, string>();

  for (const [label, value] of Object.entries(industries)) {
    const list = value === null ? [] : typeof value === 'string' ? [value] : value;
    if (
      !Array.isArray(list) ||
      !list.every((a) => typeof a === 'string' || typeof a === 'number')
    ) {
      throw bad(`aliases of "${label}" must be a list of text; got ${describe(value)}`);
    }
    const aliases = list.map(String);

    // Within the team's own list, one spelling belongs to one label.
    for (const alias of [label, ...aliases]) {
      const key = canonicalText(alias);
      const claimed = owner.get(key);
      if (key === '')
        throw bad(`alias ${JSON.stringify(alias)} of "${label}" has no letter or digit`);
      if (claimed !== undefined && claimed !== label) {
        throw bad(
          `alias ${JSON.stringify(alias)} is listed under both "${claimed}" and "${label}"`,
        );
      }
      owner.set(key, label);
    }
    out.set(label, aliases);
  }
  return out;
}

/** The default aliases with the team's taking precedence (see `industryTaxonomy`). */
function extendAliases(base: AliasMap, team: AliasMap): AliasMap {
  const claimedBy = new Map<string, string>();
  for (const [label, aliases] of team) {
    for (const alias of [label, ...aliases]) claimedBy.set(canonicalText(alias), label);
  }
  const out = new Map<string, string[]>([...team].map(([label, aliases]) => [label, [...aliases]]));

  for (const [label, aliases] of base) {
    const kept = aliases.filter((a) => !claimedBy.has(canonicalText(a)));
    const owner = claimedBy.get(canonicalText(label));
    if (owner === undefined) out.set(label, kept);
    else
      out
        .get(owner)
        ?.push(...(canonicalText(owner) === canonicalText(label) ? [] : [label]), ...kept);
  }
  return out;
}

function toRecord(aliases: AliasMap): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  for (const [label, list] of aliases) {
    Object.defineProperty(record, label, {
      value: [...list],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return record;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function bad(message: string): FitgateError {
  return new FitgateError('BAD_TAXONOMY', `industry taxonomy: ${message}`);
}
