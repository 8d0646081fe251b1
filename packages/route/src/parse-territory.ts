/**
 * Reading a rep's territory from its table cell: which leads the rep covers, as conditions on
 * lead fields.
 */
import type { Territory, TerritoryCondition } from './rep.js';
import { quoteValue, RouteError } from './route-error.js';

/** A cell that covers every lead (besides an empty cell). */
const EVERYWHERE = '*';

/**
 * Parse a territory cell into conditions on lead fields.
 *
 * The grammar, from the outside in:
 * - empty or `*`: every lead;
 * - parts separated by `;`, all of which must hold: `segment=enterprise;region=EMEA`;
 * - a part `field=value` compares the lead's `field`; alternatives are separated by `|`:
 *   `region=EMEA|APAC`;
 * - a part without `=` (`EMEA`, `EMEA|APAC`) compares the field named by `territoryField`.
 *
 * Field names are kept as written (trimmed) and must match the lead's column names exactly; values
 * are compared trimmed and case-insensitively. Values cannot contain `;`, `|` or `=`.
 *
 * @param text - the cell.
 * @param territoryField - the lead field that plain values are compared with.
 *   @default undefined (a plain value is an error)
 * @returns the territory.
 * @throws RouteError `BAD_TERRITORY` when a part has no field or no value, a field appears twice,
 *   or a plain value is given without `territoryField`.
 *
 * @example
 * parseTerritory('segment=Enterprise;region=EMEA|APAC').conditions;
 * // => [{ field: 'segment', values: ['enterprise'] },
 * //     { field: 'region', values: ['emea', 'apac'] }]
 * parseTerritory('EMEA', 'region').conditions; // => [{ field: 'region', values: ['emea'] }]
 */
export function parseTerritory(text: string, territoryField?: string): Territory {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === EVERYWHERE) return { text: trimmed, conditions: [] };

  // One condition per non-empty part; a field may be constrained only once.
  const conditions: TerritoryCondition[] = [];
  for (const part of trimmed.split(';')) {
    if (part.trim() === '') continue;
    const condition = parsePart(part, territoryField, trimmed);
    if (conditions.some((c) => c.field === condition.field)) {
      throw badTerritory(
        `field "${condition.field}" appears twice in ${quoteValue(trimmed)}; list alternatives ` +
          `with "|", as in ${condition.field}=a|b`,
        trimmed,
      );
    }
    conditions.push(condition);
  }
  return { text: trimmed, conditions };
}

/** One `field=a|b` or plain `a|b` part. */
function parsePart(part: string, territoryField: string | undefined, whole: string) {
  const equals = part.indexOf('=');
  const field = equals === -1 ? territoryField : part.slice(0, equals).trim();
  if (field === undefined) {
    throw badTerritory(
      `${quoteValue(part.trim())} names no field; write field=value (e.g. region=EMEA), ` +
        'or give a territory field (--territory-field) to compare plain values with',
      whole,
    );
  }
  if (field === '') throw badTerritory(`${quoteValue(part.trim())} has no field name`, whole);

  // Alternatives: none of them may be empty.
  const values = part
    .slice(equals + 1)
    .split('|')
    .map((v) => v.trim().toLowerCase());
  if (values.some((v) => v === '' || v.includes('='))) {
    throw badTerritory(`${quoteValue(part.trim())} has an empty or malformed value`, whole);
  }
  return { field, values };
}

function badTerritory(message: string, text: string): RouteError {
  return new RouteError('BAD_TERRITORY', `bad territory: ${message}`, { value: text });
}
