/**
 * Capacity periods: the calendar window in which a rep's assignments count against their
 * capacity, named by a key that sorts in time order.
 */

/** The capacity periods routing supports. */
export const CAPACITY_PERIODS = ['day', 'week', 'month'] as const;

/**
 * `day`: a UTC calendar day. `week`: an ISO 8601 week (Monday to Sunday, UTC). `month`: a UTC
 * calendar month.
 */
export type CapacityPeriod = (typeof CAPACITY_PERIODS)[number];

/** Milliseconds in a day. */
const DAY_MS = 86_400_000;

/** ISO 8601 numbers weekdays from Monday = 1; `getUTCDay` from Sunday = 0. */
const THURSDAY_OFFSET = 3;

/**
 * The key of the capacity period that contains an instant: `2024-05-06` (day), `2024-W19` (ISO
 * week) or `2024-05` (month). Keys of the same period kind sort in time order.
 *
 * @param at - the instant, in milliseconds since 1970-01-01T00:00:00Z (years 1000 to 9999).
 * @param period - the period kind.
 * @returns the period key.
 *
 * @example
 * periodKey(Date.UTC(2024, 4, 6, 15), 'day'); // => '2024-05-06'
 * periodKey(Date.UTC(2024, 4, 6, 15), 'week'); // => '2024-W19'
 * periodKey(Date.UTC(2024, 11, 30), 'week'); // => '2025-W01'
 */
export function periodKey(at: number, period: CapacityPeriod): string {
  const date = new Date(at);
  const month = pad(date.getUTCMonth() + 1, 2);
  if (period === 'day') return `${date.getUTCFullYear()}-${month}-${pad(date.getUTCDate(), 2)}`;
  if (period === 'month') return `${date.getUTCFullYear()}-${month}`;

  // ISO week: the week belongs to the year of its Thursday, and week 1 holds the first Thursday.
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(midnight + (THURSDAY_OFFSET - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7);
  return `${year}-W${pad(week, 2)}`;
}

/** `n` as decimal text, zero-padded to `width` digits. */
function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
