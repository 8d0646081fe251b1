/**
 * Routing one lead to a rep: smooth weighted round-robin among the reps of the lead's territory
 * who can take it at the routing time. Pure: the time is an argument and the state is passed in
 * and returned, never kept.
 */
import { matchesTerritory } from './matches-territory.js';
import { MAX_CAPACITY, MAX_WEIGHT } from './parse-reps.js';
import { CAPACITY_PERIODS, periodKey, type CapacityPeriod } from './period-key.js';
import type { Rep } from './rep.js';
import { unavailability, type SkippedRep } from './rep-availability.js';
import { RouteError } from './route-error.js';
import { routingTime } from './routing-time.js';
import type { CapacityUse, RoutePool, RouteState } from './route-state.js';
import { smoothWeightedStep } from './smooth-weighted-step.js';

/** Options of `route`. */
export interface RouteOptions {
  /** The routing time: decides who is out of office and which capacity period counts. */
  at: Date | number;
  /**
   * The period a rep's `capacity` applies to, in UTC: `day`, `week` (ISO, Monday to Sunday) or
   * `month`. Changing it between runs starts the counts afresh.
   * @default 'day'
   */
  capacityPeriod?: CapacityPeriod;
}

/**
 * How a lead's owner was decided. `weighted-round-robin`: a rep, by the rotation.
 * `no-territory-match`: no rep's territory covers the lead. `no-available-rep`: reps cover it, but
 * none can take it now. `review-queue`: a REVIEW lead sent to the review queue (`routeQualified`).
 * `verdict-not-routed`: the verdict is not one that is routed (`routeQualified`).
 */
export type RouteRule =
  | 'weighted-round-robin'
  | 'no-territory-match'
  | 'no-available-rep'
  | 'review-queue'
  | 'verdict-not-routed';

/** Where a lead went, and why. */
export interface Assignment {
  /** The rep who owns the lead, or null when it is unassigned or queued. */
  repId: string | null;
  /** The queue that holds the lead (`routeQualified`'s review queue), or null. */
  queue: string | null;
  /** One line a person can read: the rotation's candidates and weights, or why none took it. */
  reason: string;
  rule: RouteRule;
  /** Reps of the lead's territory that could not take it, and why. */
  skipped: SkippedRep[];
}

/** What `route` returns: the assignment and the state to pass to the next call. */
export interface RouteResult {
  assignment: Assignment;
  state: RouteState;
}

/**
 * Route one lead to a rep by smooth weighted round-robin, and return the next state.
 *
 * 1. The lead's pool is the reps whose territory covers it (any status). Each pool keeps its own
 *    counters in the state, so every territory's leads are shared by weight among its own reps.
 * 2. The candidates are the pool's reps who can take the lead at `at`: not inactive, not out of
 *    office, weight above 0, and under capacity in the current period.
 * 3. Among the candidates, nginx's smooth weighted round-robin picks the rep (ties go to the rep
 *    earlier in the table): over any stretch in which the candidates do not change, each takes its
 *    weight share, interleaved (weights 5, 1, 1 give a, a, b, a, c, a, a).
 * 4. Only candidates' counters move. A rep who was away keeps the counter it left with, clamped on
 *    return to one round (the candidates' total weight) either way, so it rejoins the rotation
 *    where it stood, without catch-up leads for the time away.
 *
 * No candidate is a result, not an error: the lead is unassigned with the reason. Counters of
 * pools that name a rep no longer in the table are dropped; pass the whole table every time.
 *
 * @param lead - the lead as a plain object of raw values (only territory fields are read).
 * @param reps - the rep table (see `parseReps`), in table order.
 * @param state - the state from `emptyRouteState`, `loadRouteState` or the previous call.
 * @param options - see {@link RouteOptions}.
 * @returns the assignment and the next state (the arguments are not changed).
 * @throws RouteError `BAD_OPTION` on a bad time, period or rep; `TIME_BEFORE_STATE` when `at`
 *   falls in a capacity period before the one the state is counting.
 *
 * @example
 * const reps = parseReps([
 *   { id: 'a', status: 'active', weight: 5 },
 *   { id: 'b', status: 'active', weight: 1 },
 * ]);
 * route({}, reps, emptyRouteState(), { at: Date.UTC(2024, 4, 6) }).assignment.repId; // => 'a'
 */
export function route(
  lead: Readonly<Record<string, unknown>>,
  reps: readonly Rep[],
  state: RouteState,
  options: RouteOptions,
): RouteResult {
  // Check the call; find the capacity counts of the routing time's period.
  const at = routingTime(options.at);
  const period = options.capacityPeriod ?? 'day';
  checkReps(reps);
  const capacity = capacityAt(state.capacity, period, at);
  const base = advance(state, reps, at, capacity);

  // The lead's pool: the reps whose territory covers it.
  const pool = reps.filter((rep) => matchesTerritory(lead, rep.territory));
  if (pool.length === 0) return unassigned(base, 'no-territory-match', noCoverReason(lead, reps));

  // The candidates: the pool's reps who can take the lead now.
  const skipped = pool.flatMap(
    (rep) => unavailability(rep, at, assignedTo(capacity, rep.id), period) ?? [],
  );
  const candidates = pool.filter((rep) => !skipped.some((s) => s.repId === rep.id));
  if (candidates.length === 0) {
    const reason = `no rep available: ${skippedText(skipped)}`;
    return unassigned(base, 'no-available-rep', reason, skipped);
  }

  // One round-robin step in the pool.
  const { winner, state: next } = rotate(base, capacity, pool, candidates);
  const reason = rotationReason(candidates, skipped);
  return {
    assignment: { repId: winner, queue: null, reason, rule: 'weighted-round-robin', skipped },
    state: next,
  };
}

/**
 * One smooth weighted round-robin step in the pool's counters; the winner's lead counts against
 * its capacity.
 */
function rotate(
  state: RouteState,
  capacity: CapacityUse,
  pool: readonly Rep[],
  candidates: readonly Rep[],
): { winner: string; state: RouteState } {
  const members = pool.map((rep) => rep.id).sort();
  const stored = state.pools.find((p) => sameMembers(p.members, members));
  const step = smoothWeightedStep(candidates, stored?.counters ?? {});
  const winner = candidates[step.winner].id;

  // Every member keeps a counter (0 until it first takes part), so a saved pool is complete.
  const counters = Object.fromEntries(
    members.map((id) => [id, Object.hasOwn(step.counters, id) ? step.counters[id] : 0]),
  );
  const pools =
    stored === undefined
      ? [...state.pools, { members, counters }]
      : state.pools.map((p) => (p === stored ? { members, counters } : p));
  const assigned = { ...capacity.assigned, [winner]: assignedTo(capacity, winner) + 1 };
  return { winner, state: { ...state, pools, capacity: { ...capacity, assigned } } };
}

/** Leads a rep has taken in the current capacity period. */
function assignedTo(capacity: CapacityUse, id: string): number {
  return Object.hasOwn(capacity.assigned, id) ? capacity.assigned[id] : 0;
}

/** Reps built by hand rather than by `parseReps` get the same guarantees. */
function checkReps(reps: readonly Rep[]): void {
  const ids = new Set<string>();
  for (const rep of reps) {
    const whole = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;
    const problem = ids.has(rep.id)
      ? 'its id is used twice'
      : !whole(rep.weight, MAX_WEIGHT)
        ? `its weight must be a whole number from 0 to ${MAX_WEIGHT}; got ${rep.weight}`
        : rep.capacity !== null && !whole(rep.capacity, MAX_CAPACITY)
          ? `its capacity must be null or a whole number from 0; got ${rep.capacity}`
          : null;
    if (problem !== null) {
      throw new RouteError('BAD_OPTION', `rep ${JSON.stringify(rep.id)}: ${problem}`, {
        value: rep.id,
      });
    }
    ids.add(rep.id);
  }
}

/** The counts of `at`'s capacity period: the state's, or empty when a new period has started. */
function capacityAt(stored: CapacityUse | null, period: CapacityPeriod, at: number): CapacityUse {
  if (!(CAPACITY_PERIODS as readonly string[]).includes(period)) {
    const message = `capacityPeriod must be one of ${CAPACITY_PERIODS.join(', ')}; got ${period}`;
    throw new RouteError('BAD_OPTION', message, { value: period });
  }
  const key = periodKey(at, period);
  if (stored === null || stored.period !== period || key > stored.key) {
    return { period, key, assigned: {} };
  }
  if (key < stored.key) {
    const message =
      `the routing time ${new Date(at).toISOString()} falls in ${period} ${key}, before the ` +
      `${period} the routing state is counting (${stored.key}); route in time order`;
    throw new RouteError('TIME_BEFORE_STATE', message, { value: at });
  }
  return stored;
}

/** The state after any decision: one more revision, the new time, pools of gone reps dropped. */
function advance(state: RouteState, reps: readonly Rep[], at: number, capacity: CapacityUse) {
  const ids = new Set(reps.map((rep) => rep.id));
  return {
    ...state,
    revision: state.revision + 1,
    routedAt: new Date(at).toISOString(),
    pools: state.pools.filter((p: RoutePool) => p.members.every((id) => ids.has(id))),
    capacity,
  };
}

function unassigned(
  state: RouteState,
  rule: RouteRule,
  reason: string,
  skipped: SkippedRep[] = [],
): RouteResult {
  return { assignment: { repId: null, queue: null, reason, rule, skipped }, state };
}

/** `weighted round-robin among a (5), b (1); skipped c (out of office, back 2024-05-11)`. */
function rotationReason(candidates: readonly Rep[], skipped: readonly SkippedRep[]): string {
  const among = candidates.map((rep) => `${rep.id} (${rep.weight})`).join(', ');
  const rest = skipped.length === 0 ? '' : `; skipped ${skippedText(skipped)}`;
  return `weighted round-robin among ${among}${rest}`;
}

function skippedText(skipped: readonly SkippedRep[]): string {
  return skipped.map((s) => `${s.repId} (${s.detail})`).join(', ');
}

/** `no rep's territory covers this lead (region = "APAC", segment = missing)`. */
function noCoverReason(lead: Readonly<Record<string, unknown>>, reps: readonly Rep[]): string {
  if (reps.length === 0) return 'the rep table is empty';
  const fields = [...new Set(reps.flatMap((rep) => rep.territory.conditions.map((c) => c.field)))];
  const values = fields.map((field) => {
    const raw = Object.hasOwn(lead, field) ? lead[field] : undefined;
    const value = raw === null || raw === undefined ? '' : String(raw).trim();
    return `${field} = ${value === '' ? 'missing' : JSON.stringify(value)}`;
  });
  return `no rep's territory covers this lead (${values.join(', ')})`;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
