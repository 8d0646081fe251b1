import { describe, expect, it } from 'vitest';
import { emptyRouteState, loadRouteState, RouteError, route } from '../src/index.js';
import { MONDAY, repsWithWeights } from './helpers.js';

const saved = () =>
  JSON.parse(
    JSON.stringify(route({}, repsWithWeights([2, 1]), emptyRouteState(), { at: MONDAY }).state),
  );

describe('loadRouteState', () => {
  it('round-trips a state through JSON', () => {
    const state = route({}, repsWithWeights([2, 1]), emptyRouteState(), { at: MONDAY }).state;
    expect(loadRouteState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(loadRouteState(emptyRouteState())).toEqual(emptyRouteState());
  });

  it('says when a file is not a routing state at all', () => {
    expect(() => loadRouteState({ schemaVersion: 1, kind: 'fitgate.icp' })).toThrow(
      'bad routing state at state.kind: expected "fitgate.route-state"; ' +
        'is this a routing state?; got "fitgate.icp"',
    );
    expect(() => loadRouteState([])).toThrow(
      'bad routing state at state: expected an object; got []',
    );
  });

  it('refuses another format version with its own code', () => {
    try {
      loadRouteState({ ...saved(), stateVersion: 2 });
      expect.unreachable();
    } catch (error) {
      expect((error as RouteError).code).toBe('UNSUPPORTED_STATE_VERSION');
      expect((error as Error).message).toMatch(
        /routing state version 2 is not supported; this version of fitgate reads version 1/,
      );
    }
  });

  it('names the path of the first bad field', () => {
    const state = saved();
    state.pools[0].counters.a = 1.5;
    expect(() => loadRouteState(state)).toThrow(
      'bad routing state at state.pools[0].counters["a"]: expected a whole number; got 1.5',
    );
    const negative = { ...saved(), revision: -1 };
    expect(() => loadRouteState(negative)).toThrow(
      /state.revision: expected a whole number from 0; got -1/,
    );
    const period = saved();
    period.capacity.period = 'year';
    expect(() => loadRouteState(period)).toThrow(
      /state.capacity.period: expected one of day, week, month/,
    );
    const members = saved();
    members.pools[0].members = ['a', 'a'];
    expect(() => loadRouteState(members)).toThrow(/expected distinct rep ids/);
  });

  it('sorts pool members and drops counters of non-members', () => {
    const state = saved();
    state.pools[0] = { members: ['b', 'a'], counters: { a: 1, b: -1, ghost: 7 } };
    expect(loadRouteState(state).pools[0]).toEqual({
      members: ['a', 'b'],
      counters: { a: 1, b: -1 },
    });
  });
});
