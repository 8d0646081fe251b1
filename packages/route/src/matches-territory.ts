/** Whether a lead falls in a rep's territory. */
import type { Territory } from './rep.js';

/**
 * Whether a lead meets every condition of a territory. A lead's value is read as text, trimmed and
 * lower-cased; a field the lead lacks (or an empty, null or undefined value) never matches a
 * condition. Only the lead's own properties are read, so a field named `toString` is safe.
 *
 * @param lead - the lead, as a plain object of raw values.
 * @param territory - the territory (see `parseTerritory`).
 * @returns true when the territory covers the lead.
 *
 * @example
 * matchesTerritory({ region: ' emea ' }, parseTerritory('region=EMEA|APAC')); // => true
 * matchesTerritory({ region: 'US' }, parseTerritory('region=EMEA')); // => false
 */
export function matchesTerritory(
  lead: Readonly<Record<string, unknown>>,
  territory: Territory,
): boolean {
  return territory.conditions.every((condition) => {
    const value = leadText(lead, condition.field);
    return value !== '' && condition.values.includes(value);
  });
}

/** A lead field as trimmed, lower-cased text; `''` when absent. */
function leadText(lead: Readonly<Record<string, unknown>>, field: string): string {
  if (!Object.hasOwn(lead, field)) return '';
  const raw = lead[field];
  if (raw === null || raw === undefined) return '';
  return String(raw).trim().toLowerCase();
}
