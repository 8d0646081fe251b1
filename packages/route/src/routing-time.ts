/** Checking the routing time given to `route` and `routeQualified`. Internal to routing. */
import { RouteError } from './route-error.js';

/** Earliest and latest routing years: period keys sort as text only with four-digit years. */
const YEAR_RANGE = [1000, 9999] as const;

/** The routing time in milliseconds since 1970-01-01T00:00:00Z, checked (internal). */
export function routingTime(at: Date | number): number {
  const ms = at instanceof Date ? at.getTime() : at;
  const year = Number.isFinite(ms) ? new Date(ms).getUTCFullYear() : Number.NaN;
  if (year >= YEAR_RANGE[0] && year <= YEAR_RANGE[1]) return ms;
  const message = `the routing time must be a valid date in the years ${YEAR_RANGE.join(' to ')}`;
  throw new RouteError('BAD_OPTION', `${message}; got ${String(at)}`, { value: at });
}
