/**
 * Reading the times a rep table and the command line give (out-of-office dates, the routing
 * time) as instants, without guessing: ISO 8601 only, and UTC unless the text names an offset.
 */

/** Milliseconds in a day. */
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD`. */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|+HH:MM|-HH:MM]`, with `T` or a space between date and time. */
const DATE_TIME = new RegExp(
  '^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})' + // date, then hours and minutes
    '(?::(\\d{2})(?:\\.(\\d{1,3})\\d*)?)?' + // optional seconds and fraction (ms kept)
    '(Z|[+-]\\d{2}:?\\d{2})?$', // optional offset
  'i',
);

/**
 * Parse an ISO 8601 date or date-time into milliseconds since 1970-01-01T00:00:00Z; NaN when the
 * text is not one.
 *
 * A date-time without an offset is read as UTC (never as the machine's local time, so the same
 * table routes the same everywhere). A date alone stands for a whole UTC day: with `edge` `'start'`
 * it is that day's midnight, with `'end'` the next day's midnight, so an out-of-office period
 * `2024-05-06` to `2024-05-10` covers the 10th. Impossible dates (`2024-02-30`) are NaN.
 *
 * @param text - the text to read; surrounding spaces are ignored.
 * @param edge - which end of a date-only day to return. @default 'start'
 * @returns the instant in milliseconds, or NaN.
 *
 * @example
 * parseInstant('2024-05-10'); // => 1715299200000 (2024-05-10T00:00:00Z)
 * parseInstant('2024-05-10', 'end'); // => 1715385600000 (2024-05-11T00:00:00Z)
 * parseInstant('2024-05-10T09:30+02:00'); // => 1715326200000 (07:30Z)
 */
export function parseInstant(text: string, edge: 'start' | 'end' = 'start'): number {
  const trimmed = text.trim();

  // A date alone: the start (or end) of that UTC day.
  const date = DATE_ONLY.exec(trimmed);
  if (date !== null) {
    const start = utcInstant(date.slice(1, 4).map(Number), [0, 0, 0, 0]);
    return edge === 'end' ? start + DAY_MS : start;
  }

  // A date and a time, with an optional offset (UTC when absent).
  const match = DATE_TIME.exec(trimmed);
  if (match === null) return Number.NaN;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const millis = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
  const local = utcInstant([year, month, day].map(Number), [
    Number(hour),
    Number(minute),
    Number(second ?? 0),
    millis,
  ]);
  return local - offsetMinutes(zone) * 60_000;
}

/**
 * The instant of a UTC calendar date and time; NaN when a field is out of range (month 13,
 * February 30, hour 24).
 */
function utcInstant(ymd: number[], hmsm: number[]): number {
  const [year, month, day] = ymd;
  const [hour, minute, second, millis] = hmsm;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const instant = Date.UTC(year, month - 1, day, hour, minute, second, millis);

  // Date.UTC rolls over out-of-range days and months; a round trip catches them.
  const back = new Date(instant);
  const same =
    back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day;
  return same ? instant : Number.NaN;
}

/** Minutes east of UTC of `Z`, `+02:00`, `-0530` or no zone at all (UTC). */
function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const [hours, mins] = [Number(digits.slice(0, 2)), Number(digits.slice(2))];
  if (hours > 23 || mins > 59) return Number.NaN;
  const minutes = hours * 60 + mins;
  return zone.startsWith('-') ? -minutes : minutes;
}
