/**
 * @fitgate/route: route qualified leads to reps by smooth weighted round-robin over a live rep
 * table, with the state saved between runs. Pure: no I/O, no clock (the time is an argument).
 */
export { RouteError, type RouteErrorCode } from './route-error.js';
export * from './rep.js';
export * from './parse-instant.js';
export * from './parse-territory.js';
export { matchesTerritory } from './matches-territory.js';
export * from './parse-reps.js';
export * from './period-key.js';
export * from './route-state.js';
export * from './load-route-state.js';
export type { SkipCause, SkippedRep } from './rep-availability.js';
export * from './route.js';
export * from './route-qualified.js';
