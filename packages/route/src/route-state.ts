/**
 * The routing state: what `route` needs to remember between leads (each pool's round-robin
 * counters, and each rep's assignments in the current capacity period). It is plain JSON, saved
 * after a run and passed back on the next, so a restart continues where the last run stopped.
 */
import type { CapacityPeriod } from './period-key.js';

/** The `kind` tag of a routing state document. */
export const ROUTE_STATE_KIND = 'fitgate.route-state';

/** The state format this library writes and reads. Bump it on any incompatible change. */
export const ROUTE_STATE_VERSION = 1;

/**
 * The round-robin counters of one pool: the reps whose territories cover the same leads. Leads of
 * different territories rotate independently, so each territory gives its reps their weight share.
 */
export interface RoutePool {
  /** Ids of the reps in the pool, sorted (the pool's identity; table order does not matter). */
  members: string[];
  /** Each member's running counter (a whole number; see `route`). */
  counters: Record<string, number>;
}

/** Assignments counted against capacity in the current period. */
export interface CapacityUse {
  period: CapacityPeriod;
  /** The period the counts belong to (see `periodKey`). */
  key: string;
  /** Leads given to each rep in that period (reps with none are left out). */
  assigned: Record<string, number>;
}

/** Everything routing remembers. Treat it as opaque, and save it as JSON. */
export interface RouteState {
  kind: typeof ROUTE_STATE_KIND;
  stateVersion: typeof ROUTE_STATE_VERSION;
  /** Routing decisions made with this state so far: a run can check nobody else moved it on. */
  revision: number;
  /** The routing time of the latest decision (ISO 8601), or null before the first. */
  routedAt: string | null;
  pools: RoutePool[];
  /** Null before the first assignment. */
  capacity: CapacityUse | null;
}

/**
 * A state to start routing from: no counters, no assignments.
 *
 * @returns a fresh state.
 *
 * @example
 * emptyRouteState().revision; // => 0
 */
export function emptyRouteState(): RouteState {
  return {
    kind: ROUTE_STATE_KIND,
    stateVersion: ROUTE_STATE_VERSION,
    revision: 0,
    routedAt: null,
    pools: [],
    capacity: null,
  };
}
