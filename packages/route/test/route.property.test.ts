/**
 * Properties of `route` over random rep tables and long runs of leads (fast-check, seeded by
 * fast-check's own reproducible runner).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyRouteState,
  loadRouteState,
  parseReps,
  route,
  type Rep,
  type RouteState,
} from '../src/index.js';
import { MONDAY, repsWithWeights, routeMany } from './helpers.js';

const REGIONS = ['EMEA', 'US', 'APAC'] as const;

/** A seeded uniform generator on [0, 1) (mulberry32), for long lead sequences. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** nginx's smooth weighted round-robin as published, without any clamp: the reference. */
function referenceSequence(weights: readonly number[], n: number): number[] {
  const current = weights.map(() => 0);
  const total = weights.reduce((a, b) => a + b, 0);
  const picks: number[] = [];
  for (let step = 0; step < n; step++) {
    let best = 0;
    weights.forEach((w, i) => {
      current[i] += w;
      if (current[i] > current[best]) best = i;
    });
    current[best] -= total;
    picks.push(best);
  }
  return picks;
}

const repRow = fc.record({
  weight: fc.integer({ min: 0, max: 20 }),
  status: fc.constantFrom('active', 'active', 'active', 'out_of_office', 'inactive'),
  territory: fc.constantFrom('', 'region=EMEA', 'region=US', 'region=APAC', 'region=EMEA|US'),
});

describe('route: properties', () => {
  it('gives each eligible rep its weight share within 1% over 10,000 leads per rotation', () => {
    fc.assert(
      fc.property(fc.array(repRow, { minLength: 1, maxLength: 6 }), fc.nat(), (rows, seed) => {
        const reps = parseReps(rows.map((row, i) => ({ id: `r${i}`, ...row })));
        const random = mulberry32(seed);

        // Route 10,000 leads of random regions. Regions covered by the same reps share one
        // rotation, so shares are counted per set of eligible reps (per rotation), not per region:
        // per region they would carry the sampling noise of the random region draw.
        const eligibleFor = (region: string) =>
          reps.filter(
            (r) =>
              r.status === 'active' &&
              r.weight > 0 &&
              (r.territory.text === '' || r.territory.text.includes(region)),
          );
        const counts = new Map<string, Map<string | null, number>>();
        let state = emptyRouteState();
        for (let i = 0; i < 10_000; i++) {
          const region = REGIONS[Math.floor(random() * REGIONS.length)];
          const key = eligibleFor(region)
            .map((r) => r.id)
            .join(',');
          const result = route({ region }, reps, state, { at: MONDAY });
          const perRep = counts.get(key) ?? new Map<string | null, number>();
          const id = result.assignment.repId;
          perRep.set(id, (perRep.get(id) ?? 0) + 1);
          counts.set(key, perRep);
          state = result.state;
        }

        // Each rotation's eligible reps share its leads by weight; nobody else gets any.
        for (const [key, perRep] of counts) {
          const eligible = reps.filter((r) => key.split(',').includes(r.id));
          const total = eligible.reduce((sum, r) => sum + r.weight, 0);
          const n = [...perRep.values()].reduce((a, b) => a + b, 0);
          if (eligible.length === 0) expect([...perRep.keys()]).toEqual([null]);
          for (const rep of eligible) {
            const share = (perRep.get(rep.id) ?? 0) / n;
            expect(Math.abs(share - rep.weight / total)).toBeLessThanOrEqual(0.01);
          }
          const others = [...perRep.keys()].filter((id) => !eligible.some((r) => r.id === id));
          expect(others.filter((id) => id !== null)).toEqual([]);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('with a fixed table, is exactly nginx smooth weighted round-robin, within one lead', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 8 }),
        (weights) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const { ids } = routeMany(2 * total, repsWithWeights(weights), emptyRouteState(), {
            at: MONDAY,
          });
          const expected = referenceSequence(weights, 2 * total).map((i) =>
            String.fromCharCode(97 + i),
          );
          expect(ids).toEqual(expected);

          // Smoothness: after every lead, each rep is within one lead of its weight share.
          const counts = weights.map(() => 0);
          ids.forEach((id, k) => {
            counts[id.charCodeAt(0) - 97] += 1;
            weights.forEach((w, i) => {
              expect(Math.abs(counts[i] - ((k + 1) * w) / total)).toBeLessThanOrEqual(1);
            });
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never bursts: while the available reps stay put, each is within 2 leads of its share', () => {
    // A live table: before each lead, a rep may go away or come back, and a weight may change.
    const change = fc.record({
      rep: fc.nat({ max: 5 }),
      kind: fc.constantFrom('toggle', 'weight', 'none', 'none', 'none', 'none'),
      weight: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 2, maxLength: 6 }),
        fc.array(change, { minLength: 200, maxLength: 600 }),
        (initial, changes) => {
          const weights = [...initial];
          const away = initial.map(() => false);
          let state = emptyRouteState();
          let stretch: { key: string; reps: Rep[]; wins: Map<string, number>; k: number } | null =
            null;
          for (const c of changes) {
            // Apply this lead's change to the live table.
            const i = c.rep % weights.length;
            if (c.kind === 'toggle') away[i] = !away[i];
            if (c.kind === 'weight') weights[i] = c.weight;
            const reps = parseReps(
              weights.map((weight, j) => ({
                id: `r${j}`,
                weight,
                status: away[j] ? 'out_of_office' : 'active',
              })),
            );
            const available = reps.filter((r) => r.status === 'active');
            const key = available.map((r) => `${r.id}:${r.weight}`).join(',');
            if (stretch === null || stretch.key !== key) {
              stretch = { key, reps: available, wins: new Map(), k: 0 };
            }

            // Route, and check every prefix of the stretch against the weight share.
            const result = route({}, reps, state, { at: MONDAY });
            state = result.state;
            if (available.length === 0) continue;
            stretch.k += 1;
            const id = result.assignment.repId as string;
            stretch.wins.set(id, (stretch.wins.get(id) ?? 0) + 1);
            const total = available.reduce((sum, r) => sum + r.weight, 0);
            for (const rep of stretch.reps) {
              const expected = (stretch.k * rep.weight) / total;
              expect(Math.abs((stretch.wins.get(rep.id) ?? 0) - expected)).toBeLessThan(2);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('after a restart from saved JSON, continues exactly as an uninterrupted run', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            weight: fc.integer({ min: 0, max: 9 }),
            capacity: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
            territory: fc.constantFrom('', 'region=EMEA', 'region=US'),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.integer({ min: 0, max: 200 }),
        (rows, split) => {
          const reps = parseReps(
            rows.map((row, i) => ({
              id: `r${i}`,
              status: 'active',
              ...row,
              capacity: row.capacity ?? '',
            })),
          );
          // 200 leads over two days, alternating regions.
          const leads = Array.from({ length: 200 }, (_, i) => ({
            lead: { region: i % 3 === 0 ? 'US' : 'EMEA' },
            at: MONDAY + Math.floor(i / 100) * 86_400_000,
          }));
          const run = (from: number, to: number, start: RouteState) => {
            let state = start;
            const ids: (string | null)[] = [];
            for (const { lead, at } of leads.slice(from, to)) {
              const result = route(lead, reps, state, { at });
              ids.push(result.assignment.repId);
              state = result.state;
            }
            return { ids, state };
          };
          const straight = run(0, 200, emptyRouteState());
          const first = run(0, split, emptyRouteState());
          const second = run(split, 200, loadRouteState(JSON.parse(JSON.stringify(first.state))));
          expect([...first.ids, ...second.ids]).toEqual(straight.ids);
          expect(second.state).toEqual(straight.state);
        },
      ),
      { numRuns: 100 },
    );
  });
});
