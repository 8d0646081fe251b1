/**
 * Whether a rep in a lead's territory can take it at the routing time: active, not away, with
 * weight, under capacity. Internal to routing.
 */
import type { CapacityPeriod } from './period-key.js';
import type { Rep } from './rep.js';

/** Why a rep of the lead's territory did not take it. */
export type SkipCause = 'inactive' | 'out_of_office' | 'zero_weight' | 'at_capacity';

/** A rep of the lead's territory that could not take it, and why. */
export interface SkippedRep {
  repId: string;
  cause: SkipCause;
  /** The cause in words, e.g. `out of office, back 2024-05-11`. */
  detail: string;
}

/**
 * Why `rep` cannot take a lead at `at`, or null when it can (internal).
 *
 * @param assigned - leads the rep has taken in the current capacity period.
 */
export function unavailability(
  rep: Rep,
  at: number,
  assigned: number,
  period: CapacityPeriod,
): SkippedRep | null {
  const skip = (cause: SkipCause, detail: string) => ({ repId: rep.id, cause, detail });
  if (rep.status === 'inactive') return skip('inactive', 'inactive');
  if (isAway(rep, at)) {
    const back = rep.outUntil === null ? 'no return date' : `back ${instantText(rep.outUntil)}`;
    return skip('out_of_office', `out of office, ${back}`);
  }
  if (rep.weight === 0) return skip('zero_weight', 'weight 0');
  if (rep.capacity !== null && assigned >= rep.capacity) {
    return skip('at_capacity', `at capacity, ${assigned} of ${rep.capacity} this ${period}`);
  }
  return null;
}

/**
 * Away when the routing time falls in [out_from, out_until); an `out_of_office` rep without dates
 * is away at any time.
 */
function isAway(rep: Rep, at: number): boolean {
  if (rep.outFrom === null && rep.outUntil === null) return rep.status === 'out_of_office';
  return (rep.outFrom ?? -Infinity) <= at && at < (rep.outUntil ?? Infinity);
}

/** `2024-05-11` for a UTC midnight, else `2024-05-10T17:30Z` (seconds only when not zero). */
export function instantText(ms: number): string {
  const iso = new Date(ms).toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.replace('.000Z', 'Z').replace(/:00Z$/, 'Z');
}
