/** Checking a saved routing state (parsed JSON) before routing continues from it. */
import { CAPACITY_PERIODS, type CapacityPeriod } from './period-key.js';
import { RouteError } from './route-error.js';
import {
  ROUTE_STATE_KIND,
  ROUTE_STATE_VERSION,
  type CapacityUse,
  type RoutePool,
  type RouteState,
} from './route-state.js';

type Json = Record<string, unknown>;

/** Longest JSON quoted in an error message. */
const MESSAGE_JSON_CHARS = 80;

/**
 * Validate a parsed routing state document and return a clean copy of it.
 *
 * @param json - the parsed JSON (for example `JSON.parse` of the saved file).
 * @returns the state, ready for `route`.
 * @throws RouteError `UNSUPPORTED_STATE_VERSION` for a state written by another format version;
 *   `BAD_STATE`, naming the path of the first bad field, for anything else that is not a state.
 *
 * @example
 * loadRouteState(JSON.parse(JSON.stringify(emptyRouteState()))).revision; // => 0
 */
export function loadRouteState(json: unknown): RouteState {
  // The tag and the version first, so a wrong file gets the plainest message.
  const root = object(json, 'state');
  if (root.kind !== ROUTE_STATE_KIND) {
    throw bad('state.kind', root.kind, `expected "${ROUTE_STATE_KIND}"; is this a routing state?`);
  }
  if (root.stateVersion !== ROUTE_STATE_VERSION) {
    const message =
      `routing state version ${jsonText(root.stateVersion)} is not supported; this version of ` +
      `fitgate reads version ${ROUTE_STATE_VERSION} ` +
      '(start from an empty state, or upgrade fitgate)';
    throw new RouteError('UNSUPPORTED_STATE_VERSION', message, { value: root.stateVersion });
  }

  // Then the body.
  const routedAt = root.routedAt;
  if (routedAt !== null && (typeof routedAt !== 'string' || Number.isNaN(Date.parse(routedAt)))) {
    throw bad('state.routedAt', routedAt, 'expected null or an ISO 8601 time');
  }
  return {
    kind: ROUTE_STATE_KIND,
    stateVersion: ROUTE_STATE_VERSION,
    revision: whole(root.revision, 'state.revision', 0),
    routedAt,
    pools: array(root.pools, 'state.pools').map((p, i) => pool(p, `state.pools[${i}]`)),
    capacity: root.capacity === null ? null : capacity(root.capacity, 'state.capacity'),
  };
}

/** One pool: sorted, distinct members, and a counter for each of them. */
function pool(json: unknown, path: string): RoutePool {
  const root = object(json, path);
  const members = array(root.members, `${path}.members`).map((m, i) => {
    if (typeof m !== 'string') throw bad(`${path}.members[${i}]`, m, 'expected a rep id');
    return m;
  });
  if (new Set(members).size !== members.length) {
    throw bad(`${path}.members`, members.join(', '), 'expected distinct rep ids');
  }
  const counters = object(root.counters, `${path}.counters`);
  const entries = members.map((id) => [
    id,
    whole(counters[id], `${path}.counters[${JSON.stringify(id)}]`, Number.MIN_SAFE_INTEGER),
  ]);
  return { members: [...members].sort(), counters: Object.fromEntries(entries) };
}

/** Capacity counts: a known period, its key, a count per rep. */
function capacity(json: unknown, path: string): CapacityUse {
  const root = object(json, path);
  if (!(CAPACITY_PERIODS as readonly unknown[]).includes(root.period)) {
    throw bad(`${path}.period`, root.period, `expected one of ${CAPACITY_PERIODS.join(', ')}`);
  }
  if (typeof root.key !== 'string') throw bad(`${path}.key`, root.key, 'expected a period key');
  const assigned = Object.entries(object(root.assigned, `${path}.assigned`)).map(([id, n]) => [
    id,
    whole(n, `${path}.assigned[${JSON.stringify(id)}]`, 0),
  ]);
  return {
    period: root.period as CapacityPeriod,
    key: root.key,
    assigned: Object.fromEntries(assigned),
  };
}

function object(json: unknown, path: string): Json {
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) return json as Json;
  throw bad(path, json, 'expected an object');
}

function array(json: unknown, path: string): unknown[] {
  if (Array.isArray(json)) return json;
  throw bad(path, json, 'expected an array');
}

/** A safe integer no smaller than `min`. */
function whole(json: unknown, path: string, min: number): number {
  if (Number.isSafeInteger(json) && (json as number) >= min) return json as number;
  throw bad(path, json, min === 0 ? 'expected a whole number from 0' : 'expected a whole number');
}

function bad(path: string, value: unknown, expected: string): RouteError {
  const got = value === undefined ? 'nothing' : jsonText(value);
  return new RouteError('BAD_STATE', `bad routing state at ${path}: ${expected}; got ${got}`, {
    column: path,
    value,
  });
}

/** A value as JSON text, cut to a readable length. */
function jsonText(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MESSAGE_JSON_CHARS ? `${text.slice(0, MESSAGE_JSON_CHARS)}…` : text;
}
