/**
 * One step of smooth weighted round-robin, the interleaving scheduler of nginx's upstream module
 * (ngx_http_upstream_round_robin.c, "smooth weighted round-robin balancing"). Internal to routing.
 */

/** A candidate for one step: a rep id and its weight, in table order. */
export interface WeightedCandidate {
  id: string;
  weight: number;
}

/**
 * Pick the next rep among `candidates` (all available, weights > 0) and return the pool's new
 * counters.
 *
 * Every candidate's counter is first clamped to [-total, total], where total is the sum of the
 * candidates' weights; then each candidate adds its weight, the highest counter wins (the earliest
 * candidate on a tie) and the winner gives back the total. Counters of pool members that are not
 * candidates (away, at capacity) do not move.
 *
 * With a fixed set of candidates the clamp never bites (the counters of nginx's method stay inside
 * that range and sum to zero), so the sequence is exactly nginx's: weights 5, 1, 1 give a, a, b, a,
 * c, a, a. It bites only after the set or the weights change, and it is what keeps a rep who comes
 * back, or whose weight was cut, from a burst of catch-up leads: no counter starts a stretch more
 * than one round ahead.
 *
 * @param candidates - the available reps of the pool, in table order; at least one.
 * @param counters - the pool's counters (missing ids count as 0).
 * @returns the winner's index in `candidates` and the pool's next counters.
 */
export function smoothWeightedStep(
  candidates: readonly WeightedCandidate[],
  counters: Readonly<Record<string, number>>,
): { winner: number; counters: Record<string, number> } {
  const total = candidates.reduce((sum, c) => sum + c.weight, 0);

  // Clamp, add each weight, and find the highest counter (strictly higher to replace: ties go
  // to the earliest candidate).
  const next = candidates.map((c) => {
    const current = Object.hasOwn(counters, c.id) ? counters[c.id] : 0;
    return Math.min(total, Math.max(-total, current)) + c.weight;
  });
  let winner = 0;
  for (let i = 1; i < next.length; i++) if (next[i] > next[winner]) winner = i;

  // The winner gives back the total.
  next[winner] -= total;
  const moved = new Map(candidates.map((c, i) => [c.id, next[i]]));
  const entries = Object.entries(counters).map(([id, v]): [string, number] => [
    id,
    moved.get(id) ?? v,
  ]);
  for (const [id, v] of moved) if (!Object.hasOwn(counters, id)) entries.push([id, v]);
  return { winner, counters: Object.fromEntries(entries) };
}
