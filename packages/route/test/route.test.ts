import { describe, expect, it } from 'vitest';
import {
  emptyRouteState,
  loadRouteState,
  parseReps,
  route,
  RouteError,
  type Rep,
} from '../src/index.js';
import { DAY, MONDAY, repsWithWeights, routeMany, tally } from './helpers.js';

const at = { at: MONDAY };

describe('route: the rotation', () => {
  it('gives weights 5, 1, 1 the sequence a a b a c a a', () => {
    // Worked by hand (counters a, b, c after each step): 5,1,1 -> a: -2,1,1; 3,2,2 -> a: -4,2,2;
    // 1,3,3 -> b (tie with c, b is earlier): 1,-4,3; 6,-3,4 -> a: -1,-3,4; 4,-2,5 -> c: 4,-2,-2;
    // 9,-1,-1 -> a: 2,-1,-1; 7,0,0 -> a: 0,0,0. /usr/bin/python3 /tmp ref (nginx SWRR) agrees.
    const { ids, state } = routeMany(7, repsWithWeights([5, 1, 1]), emptyRouteState(), at);
    expect(ids.join(' ')).toBe('a a b a c a a');
    expect(state.pools[0].counters).toEqual({ a: 0, b: 0, c: 0 });
  });

  it('gives weights 21 and 11 exactly 21 and 11 leads over 32, b second', () => {
    // Reference: a plain nginx SWRR in Python (current += weight; best = max; best -= total)
    // printed abaabaabaabaabaababaabaabaabaaba for weights a=21, b=11.
    const { ids } = routeMany(32, repsWithWeights([21, 11]), emptyRouteState(), at);
    expect(ids.join('')).toBe('abaabaabaabaabaababaabaabaabaaba');
    expect(tally(ids)).toEqual({ a: 21, b: 11 });
    expect(ids.indexOf('b')).toBe(1);
  });

  it('breaks ties by table order, not by id', () => {
    const reps = parseReps([
      { id: 'zed', status: 'active', weight: 1 },
      { id: 'amy', status: 'active', weight: 1 },
    ]);
    expect(routeMany(4, reps, emptyRouteState(), at).ids).toEqual(['zed', 'amy', 'zed', 'amy']);
  });

  it('says which reps were in the rotation, with their weights', () => {
    const result = route({}, repsWithWeights([2, 1]), emptyRouteState(), at);
    expect(result.assignment).toEqual({
      repId: 'a',
      queue: null,
      reason: 'weighted round-robin among a (2), b (1)',
      rule: 'weighted-round-robin',
      skipped: [],
    });
  });

  it('does not change its arguments', () => {
    const reps = repsWithWeights([3, 2]);
    const first = route({}, reps, emptyRouteState(), at).state;
    const snapshot = JSON.stringify({ reps, first });
    route({}, reps, first, at);
    expect(JSON.stringify({ reps, first })).toBe(snapshot);
  });

  it('counts every decision in the revision and records the routing time', () => {
    const { state } = routeMany(3, repsWithWeights([1]), emptyRouteState(), at);
    expect(state.revision).toBe(3);
    expect(state.routedAt).toBe('2024-05-06T09:00:00.000Z');
  });
});

describe('route: who can take a lead', () => {
  const table = (rows: Record<string, unknown>[]) => parseReps(rows);

  it('skips inactive reps and says so', () => {
    const reps = table([
      { id: 'a', status: 'inactive', weight: 5 },
      { id: 'b', status: 'active', weight: 1 },
    ]);
    const { ids } = routeMany(3, reps, emptyRouteState(), at);
    expect(ids).toEqual(['b', 'b', 'b']);
    expect(route({}, reps, emptyRouteState(), at).assignment.reason).toBe(
      'weighted round-robin among b (1); skipped a (inactive)',
    );
  });

  it('skips a rep while the routing time is in the out-of-office dates, last day included', () => {
    const reps = table([
      { id: 'a', status: 'active', weight: 1, out_from: '2024-05-06', out_until: '2024-05-10' },
      { id: 'b', status: 'active', weight: 1 },
    ]);
    const owner = (time: number) => route({}, reps, emptyRouteState(), { at: time }).assignment;
    expect(owner(Date.UTC(2024, 4, 5, 23, 59)).repId).toBe('a');
    expect(owner(Date.UTC(2024, 4, 6, 0, 0)).repId).toBe('b');
    expect(owner(Date.UTC(2024, 4, 10, 23, 59)).repId).toBe('b');
    expect(owner(Date.UTC(2024, 4, 10, 23, 59)).skipped).toEqual([
      { repId: 'a', cause: 'out_of_office', detail: 'out of office, back 2024-05-11' },
    ]);
    expect(owner(Date.UTC(2024, 4, 11, 0, 0)).repId).toBe('a');
  });

  it('treats out_of_office without dates as away, and with dates as away only between them', () => {
    const reps = table([
      { id: 'a', status: 'out_of_office', weight: 1 },
      { id: 'b', status: 'out_of_office', weight: 1, out_until: '2024-05-01' },
      { id: 'c', status: 'active', weight: 1 },
    ]);
    const { ids } = routeMany(4, reps, emptyRouteState(), at);
    expect(tally(ids)).toEqual({ b: 2, c: 2 });
    const skipped = route({}, reps, emptyRouteState(), at).assignment.skipped;
    expect(skipped).toEqual([
      { repId: 'a', cause: 'out_of_office', detail: 'out of office, no return date' },
    ]);
  });

  it('skips reps with weight 0', () => {
    const reps = table([
      { id: 'a', status: 'active', weight: 0 },
      { id: 'b', status: 'active', weight: 1 },
    ]);
    expect(routeMany(3, reps, emptyRouteState(), at).ids).toEqual(['b', 'b', 'b']);
  });

  it('leaves a lead unassigned, with every reason, when nobody can take it', () => {
    const reps = table([
      { id: 'a', status: 'inactive', weight: 1 },
      { id: 'b', status: 'active', weight: 1, out_from: '2024-05-01', out_until: '2024-05-20' },
      { id: 'c', status: 'active', weight: 1, capacity: 0 },
    ]);
    const result = route({}, reps, emptyRouteState(), at);
    expect(result.assignment).toEqual({
      repId: null,
      queue: null,
      rule: 'no-available-rep',
      reason:
        'no rep available: a (inactive), b (out of office, back 2024-05-21), ' +
        'c (at capacity, 0 of 0 this day)',
      skipped: [
        { repId: 'a', cause: 'inactive', detail: 'inactive' },
        { repId: 'b', cause: 'out_of_office', detail: 'out of office, back 2024-05-21' },
        { repId: 'c', cause: 'at_capacity', detail: 'at capacity, 0 of 0 this day' },
      ],
    });
    expect(result.state.pools).toEqual([]);
    expect(result.state.revision).toBe(1);
  });
});

describe('route: territories', () => {
  const reps = parseReps([
    { id: 'emea1', status: 'active', weight: 2, territory: 'region=EMEA' },
    { id: 'emea2', status: 'active', weight: 1, territory: 'region=EMEA' },
    { id: 'ent', status: 'active', weight: 1, territory: 'segment=enterprise;region=EMEA|US' },
    { id: 'us1', status: 'active', weight: 1, territory: 'region=US' },
  ]);

  it('routes each lead among the reps whose territory covers it', () => {
    const emea = routeMany(3, reps, emptyRouteState(), at, { region: 'emea', segment: 'smb' });
    expect(tally(emea.ids)).toEqual({ emea1: 2, emea2: 1 });
    const us = routeMany(2, reps, emptyRouteState(), at, { region: 'US', segment: 'enterprise' });
    expect(tally(us.ids)).toEqual({ ent: 1, us1: 1 });
  });

  it('keeps a separate rotation per territory, so each gives its reps their weight share', () => {
    // Alternate enterprise EMEA leads (pool emea1 2, emea2 1, ent 1) and enterprise US leads
    // (pool ent 1, us1 1): 400 of each. Shares: 200/100/100 and 200/200, exactly, because each
    // pool's rotation returns to all-zero counters after every full round.
    let state = emptyRouteState();
    const counts: Record<string, Record<string, number>> = { EMEA: {}, US: {} };
    for (let i = 0; i < 800; i++) {
      const region = i % 2 === 0 ? 'EMEA' : 'US';
      const result = route({ region, segment: 'Enterprise' }, reps, state, at);
      const id = result.assignment.repId as string;
      counts[region][id] = (counts[region][id] ?? 0) + 1;
      state = result.state;
    }
    expect(counts).toEqual({
      EMEA: { emea1: 200, emea2: 100, ent: 100 },
      US: { ent: 200, us1: 200 },
    });
    expect(state.pools.map((p) => p.members)).toEqual([
      ['emea1', 'emea2', 'ent'],
      ['ent', 'us1'],
    ]);
  });

  it('leaves a lead no territory covers unassigned, naming the lead values it looked at', () => {
    const result = route({ region: 'APAC' }, reps, emptyRouteState(), at);
    expect(result.assignment.repId).toBeNull();
    expect(result.assignment.rule).toBe('no-territory-match');
    expect(result.assignment.reason).toBe(
      `no rep's territory covers this lead (region = "APAC", segment = missing)`,
    );
  });

  it('compares plain territory values with the territory field', () => {
    const plain = parseReps(
      [
        { id: 'a', status: 'active', weight: 1, territory: 'EMEA|APAC' },
        { id: 'b', status: 'active', weight: 1, territory: 'US' },
      ],
      { territoryField: 'Country Group' },
    );
    const lead = { 'Country Group': 'apac' };
    expect(route(lead, plain, emptyRouteState(), at).assignment.repId).toBe('a');
  });
});

describe('route: capacity', () => {
  const reps = parseReps([
    { id: 'a', status: 'active', weight: 1, capacity: 2 },
    { id: 'b', status: 'active', weight: 1 },
  ]);

  it('stops giving a rep leads at capacity, and starts again in the next day', () => {
    // Counters (a, b): 1,1 -> a: -1,1; 0,2 -> b: 0,0; 1,1 -> a: -1,1; then a is full and b rotates
    // alone (clamped to [-1, 1]): 2 -> b: 1, three times. Tuesday: 0,2 -> b: 0,0; 1,1 -> a.
    const monday = routeMany(6, reps, emptyRouteState(), at);
    expect(monday.ids).toEqual(['a', 'b', 'a', 'b', 'b', 'b']);
    expect(monday.state.capacity).toEqual({
      period: 'day',
      key: '2024-05-06',
      assigned: { a: 2, b: 4 },
    });
    const tuesday = routeMany(2, reps, monday.state, { at: MONDAY + DAY });
    expect(tuesday.ids).toEqual(['b', 'a']);
    expect(tuesday.state.capacity).toEqual({
      period: 'day',
      key: '2024-05-07',
      assigned: { a: 1, b: 1 },
    });
  });

  it('counts by ISO week or by month when asked', () => {
    const week = { at: MONDAY, capacityPeriod: 'week' as const };
    const first = routeMany(4, reps, emptyRouteState(), week);
    // Sunday 2024-05-12 is still ISO week 19: a stays at capacity.
    const sunday = routeMany(2, reps, first.state, { ...week, at: MONDAY + 6 * DAY });
    expect(sunday.ids).toEqual(['b', 'b']);
    const nextMonday = routeMany(1, reps, sunday.state, { ...week, at: MONDAY + 7 * DAY });
    expect(nextMonday.state.capacity?.key).toBe('2024-W20');
    const month = { at: MONDAY, capacityPeriod: 'month' as const };
    const may = routeMany(4, reps, emptyRouteState(), month);
    expect(routeMany(2, reps, may.state, { ...month, at: Date.UTC(2024, 4, 31) }).ids).toEqual([
      'b',
      'b',
    ]);
    expect(routeMany(2, reps, may.state, { ...month, at: Date.UTC(2024, 5, 1) }).ids).toEqual([
      'b',
      'a',
    ]);
  });

  it('refuses a routing time in an earlier period than the state counts', () => {
    const monday = routeMany(1, reps, emptyRouteState(), at);
    const call = () => route({}, reps, monday.state, { at: MONDAY - DAY });
    expect(call).toThrow(RouteError);
    expect(call).toThrow(/falls in day 2024-05-05, before the day the routing state is counting/);
    // Earlier the same day is fine.
    expect(() => route({}, reps, monday.state, { at: MONDAY - 3_600_000 })).not.toThrow();
  });

  it('starts the counts afresh when the capacity period changes', () => {
    const daily = routeMany(4, reps, emptyRouteState(), at);
    const weekly = route({}, reps, daily.state, { at: MONDAY, capacityPeriod: 'week' });
    expect(weekly.state.capacity).toEqual({ period: 'week', key: '2024-W19', assigned: { b: 1 } });
  });
});

describe('route: restarts and returns', () => {
  it('continues after a restart from saved JSON exactly as if it had not stopped', () => {
    const reps = repsWithWeights([4, 3, 2]);
    const straight = routeMany(90, reps, emptyRouteState(), at);
    const before = routeMany(37, reps, emptyRouteState(), at);
    const saved = loadRouteState(JSON.parse(JSON.stringify(before.state)));
    const after = routeMany(53, reps, saved, at);
    expect([...before.ids, ...after.ids]).toEqual(straight.ids);
    expect(after.state).toEqual(straight.state);
  });

  it('gives a rep back from leave its normal turn, not a catch-up burst', () => {
    // a, b, c weight 1. c is away for 100 leads (a and b alternate), then back.
    const away = parseReps([
      { id: 'a', status: 'active', weight: 1 },
      { id: 'b', status: 'active', weight: 1 },
      { id: 'c', status: 'out_of_office', weight: 1 },
    ]);
    const back = repsWithWeights([1, 1, 1]);
    const start = routeMany(2, back, emptyRouteState(), at);
    const during = routeMany(100, away, start.state, at);
    expect(tally(during.ids)).toEqual({ a: 50, b: 50 });
    const after = routeMany(30, back, during.state, at);
    // Every round of three after the return has c exactly once: no catch-up for the 100 leads.
    for (let i = 0; i < 30; i += 3)
      expect(tally(after.ids.slice(i, i + 3))).toEqual({ a: 1, b: 1, c: 1 });
  });

  it('clamps a stale counter, so a weight cut while away gives no burst either', () => {
    // a, b weigh 1 and c 10 (total 12); after 8 leads (c c c a c c c b) the counters are
    // a -4, b -4, c 8. Then every weight becomes 1 (total 3). Unclamped, c would take the next
    // four leads (9 -> 6, 7 -> 4, 5 -> 2, 3 -> 0, worked by hand). Clamped to [-3, 3] first:
    // -2,-2,4 -> c: 1; -1,-1,2 -> c: -1; 0,0,0 -> a; and the plain rotation from there.
    const heavy = routeMany(8, repsWithWeights([1, 1, 10]), emptyRouteState(), at);
    expect(heavy.state.pools[0].counters).toEqual({ a: -4, b: -4, c: 8 });
    const light = repsWithWeights([1, 1, 1]);
    const after = routeMany(9, light, heavy.state, at);
    expect(after.ids.join('')).toBe('ccabcabca');
    expect(tally(routeMany(30, light, after.state, at).ids)).toEqual({ a: 10, b: 10, c: 10 });
  });

  it('forgets the pools of reps who left the table', () => {
    const first = routeMany(3, repsWithWeights([1, 1, 1]), emptyRouteState(), at).state;
    const smaller = repsWithWeights([1, 1]);
    const next = route({}, smaller, first, at).state;
    expect(next.pools.map((p) => p.members)).toEqual([['a', 'b']]);
  });
});

describe('route: misuse', () => {
  const reps = repsWithWeights([1]);

  it('rejects a bad routing time or capacity period', () => {
    expect(() => route({}, reps, emptyRouteState(), { at: Number.NaN })).toThrow(
      /the routing time must be a valid date/,
    );
    expect(() => route({}, reps, emptyRouteState(), { at: new Date('nope') })).toThrow(RouteError);
    const period = 'fortnight' as unknown as 'day';
    expect(() =>
      route({}, reps, emptyRouteState(), { at: MONDAY, capacityPeriod: period }),
    ).toThrow(/capacityPeriod must be one of day, week, month; got fortnight/);
  });

  it('rejects reps built by hand with duplicate ids or fractional weights', () => {
    const twice = [...reps, ...reps];
    expect(() => route({}, twice, emptyRouteState(), at)).toThrow(/rep "a": its id is used twice/);
    const fractional: Rep[] = [{ ...reps[0], weight: 1.5 }];
    expect(() => route({}, fractional, emptyRouteState(), at)).toThrow(/whole number/);
  });

  it('takes a lead field named like an Object method as data', () => {
    const odd = parseReps([
      { id: '__proto__', status: 'active', weight: 1, territory: 'toString=x' },
    ]);
    const result = route({ toString: 'X' }, odd, emptyRouteState(), at);
    expect(result.assignment.repId).toBe('__proto__');
    const saved = loadRouteState(JSON.parse(JSON.stringify(result.state)));
    expect(saved.pools[0].counters).toEqual(JSON.parse('{"__proto__":0}'));
    expect(Object.getPrototypeOf(saved.pools[0].counters)).toBe(Object.prototype);
    expect(route({}, odd, emptyRouteState(), at).assignment.rule).toBe('no-territory-match');
  });
});
