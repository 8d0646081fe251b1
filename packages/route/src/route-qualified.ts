/**
 * Qualify, then route: send a lead to a rep only when its verdict says so, send REVIEW leads to
 * a named queue when asked, and keep an audit record of every decision.
 */
import type { QualifyResult, Reason, Stage, Verdict } from '@fitgate/core';
import type { Rep } from './rep.js';
import { route, type RouteOptions, type RouteResult, type RouteRule } from './route.js';
import { RouteError } from './route-error.js';
import type { RouteState } from './route-state.js';
import { routingTime } from './routing-time.js';

/** The verdicts `qualify` gives. */
const VERDICTS: readonly Verdict[] = ['QUALIFIED', 'NOT_QUALIFIED', 'REVIEW'];

/** Options of `routeQualified`. */
export interface RouteQualifiedOptions extends RouteOptions {
  /**
   * The verdicts whose leads go to a rep.
   * @default ['QUALIFIED']
   */
  routeVerdicts?: readonly Verdict[];
  /**
   * The queue that receives REVIEW leads (when REVIEW is not routed to reps), so a person or an
   * adjudicator picks them up.
   * @default null (REVIEW leads stay unassigned)
   */
  reviewQueue?: string | null;
}

/** The record of one decision: what the ICP said, and what routing did with it. */
export interface RouteAudit {
  /** The `version` of the ICP definition that qualified the lead. */
  definitionVersion: string;
  verdict: Verdict;
  stage: Stage;
  fitScore: number;
  /** The qualification's reasons, as `qualify` gave them. */
  reasons: Reason[];
  repId: string | null;
  queue: string | null;
  /** The rule that chose the owner (or left the lead unassigned). */
  rule: RouteRule;
  /** The routing reason, in words. */
  routeReason: string;
  /** The routing time, ISO 8601. */
  routedAt: string;
  /** The revision of the state this decision produced. */
  stateRevision: number;
}

/** What `routeQualified` returns: `route`'s result plus the audit record. */
export interface RouteQualifiedResult extends RouteResult {
  audit: RouteAudit;
}

/**
 * Route a lead that `qualify` has judged: to a rep when its verdict is routed, to the review
 * queue when it is REVIEW and a queue is named, otherwise nowhere (unassigned, with the reason).
 * Leads that are not routed leave the state as it was.
 *
 * @param lead - the lead as a plain object of raw values.
 * @param qualification - what `qualify(lead, icp)` returned for this lead.
 * @param reps - the rep table (see `parseReps`).
 * @param state - the routing state (see `route`).
 * @param options - see {@link RouteQualifiedOptions} and {@link RouteOptions}.
 * @returns the assignment, the next state and the audit record.
 * @throws RouteError `BAD_OPTION` on an unknown verdict, an empty queue name, or REVIEW both
 *   routed and queued; and whatever `route` throws.
 *
 * @example
 * const result = routeQualified(lead, qualify(lead, icp), reps, state, {
 *   at: Date.now(),
 *   reviewQueue: 'sdr-review',
 * });
 * result.audit.rule; // => 'weighted-round-robin', 'review-queue' or 'verdict-not-routed'
 */
export function routeQualified(
  lead: Readonly<Record<string, unknown>>,
  qualification: QualifyResult,
  reps: readonly Rep[],
  state: RouteState,
  options: RouteQualifiedOptions,
): RouteQualifiedResult {
  const verdicts = checkVerdicts(options);
  const queue = options.reviewQueue ?? null;
  const at = routingTime(options.at);
  const { verdict } = qualification;

  // Routed verdicts go through the rotation; REVIEW may go to its queue; the rest stay put.
  let result: RouteResult;
  if (verdicts.includes(verdict)) {
    result = route(lead, reps, state, options);
  } else if (verdict === 'REVIEW' && queue !== null) {
    const reason = `verdict REVIEW: sent to the review queue ${JSON.stringify(queue)}`;
    result = {
      assignment: { repId: null, queue, reason, rule: 'review-queue', skipped: [] },
      state,
    };
  } else {
    const reason = `verdict ${verdict} is not routed (routed verdicts: ${verdicts.join(', ')})`;
    const assignment = { repId: null, queue: null, reason, rule: 'verdict-not-routed' as const };
    result = { assignment: { ...assignment, skipped: [] }, state };
  }
  return { ...result, audit: auditRecord(qualification, result, at) };
}

/** The routed verdicts, checked against the queue option. */
function checkVerdicts(options: RouteQualifiedOptions): readonly Verdict[] {
  const verdicts = options.routeVerdicts ?? ['QUALIFIED'];
  const unknown = verdicts.find((v) => !VERDICTS.includes(v));
  const queue = options.reviewQueue ?? null;
  const problem =
    unknown !== undefined
      ? `routeVerdicts must hold only ${VERDICTS.join(', ')}; got ${String(unknown)}`
      : queue !== null && (typeof queue !== 'string' || queue.trim() === '')
        ? 'reviewQueue must be a non-empty name or null'
        : queue !== null && verdicts.includes('REVIEW')
          ? 'REVIEW leads cannot both be routed to reps (routeVerdicts) and sent to reviewQueue'
          : null;
  if (problem !== null) throw new RouteError('BAD_OPTION', problem);
  return verdicts;
}

function auditRecord(qualification: QualifyResult, result: RouteResult, at: number): RouteAudit {
  const { assignment, state } = result;
  return {
    definitionVersion: qualification.definitionVersion,
    verdict: qualification.verdict,
    stage: qualification.stage,
    fitScore: qualification.fitScore,
    reasons: qualification.reasons,
    repId: assignment.repId,
    queue: assignment.queue,
    rule: assignment.rule,
    routeReason: assignment.reason,
    routedAt: new Date(at).toISOString(),
    stateRevision: state.revision,
  };
}
