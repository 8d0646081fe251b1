/**
 * Converts a JavaScript value to the text of a table cell (internal), the same way for reading
 * JSON lines, building tables from objects and writing CSV.
 */

/**
 * The cell text of a value: strings as they are; finite numbers and bigints in JavaScript's
 * shortest round-trip form (`String(x)`); `NaN`, `null` and `undefined` as `''`; booleans as
 * `'true'`/`'false'`; dates as ISO 8601; anything else (arrays, objects) as JSON.
 */
export function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return JSON.stringify(value) ?? '';
}
