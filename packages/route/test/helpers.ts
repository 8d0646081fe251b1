/** Small builders shared by the route tests. */
import { parseReps, route, type Rep, type RouteOptions, type RouteState } from '../src/index.js';

/** 2024-05-06T09:00Z, a Monday: the routing time of most tests. */
export const MONDAY = Date.UTC(2024, 4, 6, 9);

/** Milliseconds in a day. */
export const DAY = 86_400_000;

/** Reps `a`, `b`, ... with the given weights, active, covering every lead. */
export function repsWithWeights(weights: readonly number[]): Rep[] {
  return parseReps(
    weights.map((weight, i) => ({ id: String.fromCharCode(97 + i), status: 'active', weight })),
  );
}

/** Route `n` leads in a row; returns the rep ids (or `-` when unassigned) and the last state. */
export function routeMany(
  n: number,
  reps: readonly Rep[],
  state: RouteState,
  options: RouteOptions,
  lead: Readonly<Record<string, unknown>> = {},
): { ids: string[]; state: RouteState } {
  const ids: string[] = [];
  let current = state;
  for (let i = 0; i < n; i++) {
    const result = route(lead, reps, current, options);
    ids.push(result.assignment.repId ?? '-');
    current = result.state;
  }
  return { ids, state: current };
}

/** How many times each id occurs. */
export function tally(ids: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of ids) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}
