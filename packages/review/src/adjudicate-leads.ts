/**
 * REVIEW adjudication for a batch: every REVIEW lead is put to the model through one session
 * (cache, concurrency limit, budget, timeout, retries); every other lead passes through untouched.
 */
import {
  FitgateError,
  fitFloor,
  type IcpDefinition,
  type QualifyResult,
  type Verdict,
} from '@fitgate/core';
import { applyVerdictAnswer, adjudicationReason } from './apply-verdict-answer.js';
import {
  buildAdjudicationPrompt,
  type AdjudicationLead,
  type AdjudicationPromptOptions,
} from './build-adjudication-prompt.js';
import type { ChatProvider } from './chat-provider.js';
import { createModelSession, type AskOutcome, type ModelSessionOptions } from './model-session.js';
import { parseVerdictAnswer, type VerdictAnswer } from './parse-verdict-answer.js';

/** The first characters of an unparseable answer kept in its reason, for whoever debugs it. */
const UNPARSEABLE_EXCERPT_CHARS = 80;

export interface AdjudicationOptions extends ModelSessionOptions, AdjudicationPromptOptions {
  /** Called after each REVIEW lead is settled, with how many are done out of how many. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * What happened to one lead. `not_review`: it was not REVIEW and was not sent. `answered`: the
 * model's answer was applied (or refused by the fit floor). `unparseable`, `failed`: it stays
 * REVIEW. `over_budget`: the budget ran out before it was sent; it stays REVIEW.
 */
export type AdjudicationStatus =
  'not_review' | 'answered' | 'unparseable' | 'failed' | 'over_budget';

export interface LeadAdjudication {
  status: AdjudicationStatus;
  /** The lead's result after adjudication (the input result itself when nothing changed). */
  result: QualifyResult;
  /** True when an answer from the model (fresh or cached) was applied to the lead. */
  adjudicated: boolean;
  /** The verdict the model gave, before the fit floor was applied; null without an answer. */
  modelVerdict: Verdict | null;
  /** True when the model answered QUALIFIED below the fit floor and was refused. */
  refused: boolean;
  fromCache: boolean;
  /** Requests this lead cost, retries included. */
  calls: number;
}

/** What a run did, counted over the REVIEW leads. */
export interface AdjudicationSummary {
  /** REVIEW leads in the batch. */
  review: number;
  /** REVIEW leads put to the model or answered from the cache (not those past the budget). */
  sent: number;
  /** Leads with an answer that parsed (cached ones included). */
  answered: number;
  /** Leads now QUALIFIED, and now NOT_QUALIFIED. */
  qualified: number;
  notQualified: number;
  /** REVIEW leads still REVIEW: answered REVIEW, refused, unparseable, failed, over budget. */
  stillReview: number;
  /** Answers of the model for a lead below the fit floor that tried to qualify it. */
  refused: number;
  unparseable: number;
  failed: number;
  overBudget: number;
  /** Requests sent, retries included: what the run cost. */
  calls: number;
  cacheHits: number;
  /** Tokens the endpoint reported (0 when it reports none). */
  promptTokens: number;
  completionTokens: number;
}

export interface AdjudicationRun {
  /** One entry per input lead, in input order. */
  leads: LeadAdjudication[];
  summary: AdjudicationSummary;
}

/** Refuse results that come from another definition: their scores mean something else. */
function checkVersions(leads: readonly AdjudicationLead[], icp: IcpDefinition): void {
  const row = leads.findIndex((lead) => lead.result.definitionVersion !== icp.version);
  if (row >= 0) {
    const got = leads[row].result.definitionVersion;
    throw new FitgateError(
      'BAD_OPTION',
      `result ${row} was scored by definition ${got}, not ${icp.version}; qualify again`,
      { row, value: got },
    );
  }
}

/** A lead that stays REVIEW with one reason. */
function stays(
  lead: AdjudicationLead,
  status: AdjudicationStatus,
  message: string,
  calls: number,
): LeadAdjudication {
  const result = { ...lead.result, reasons: [...lead.result.reasons, adjudicationReason(message)] };
  return {
    status,
    result,
    adjudicated: false,
    modelVerdict: null,
    refused: false,
    fromCache: false,
    calls,
  };
}

/** The first characters of an answer, on one line, in quotes. */
function answerExcerpt(text: string): string {
  const line = text.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').trim();
  const cut = line.length > UNPARSEABLE_EXCERPT_CHARS;
  return JSON.stringify(cut ? `${line.slice(0, UNPARSEABLE_EXCERPT_CHARS)}...` : line);
}

/** Settle one lead from the session's outcome. */
function settleLead(
  lead: AdjudicationLead,
  outcome: AskOutcome<VerdictAnswer>,
  floor: number,
  budget: number,
): LeadAdjudication {
  const { calls } = outcome;
  if (outcome.status === 'over_budget') {
    const message = `not sent to the model: the budget of ${budget} calls is used up`;
    return stays(lead, 'over_budget', message, calls);
  }
  if (outcome.status === 'failed') {
    return stays(lead, 'failed', `model call failed: ${outcome.error.message}`, calls);
  }
  if (outcome.status === 'unparseable') {
    const message = `unparseable answer from the model: ${answerExcerpt(outcome.text)}`;
    return stays(lead, 'unparseable', message, calls);
  }
  const applied = applyVerdictAnswer(lead.result, outcome.value, floor);
  return {
    status: 'answered',
    result: applied.result,
    adjudicated: true,
    modelVerdict: outcome.value.verdict,
    refused: applied.refused,
    fromCache: outcome.fromCache,
    calls,
  };
}

/** Count what the run did. */
function summarize(
  leads: readonly LeadAdjudication[],
  usage: { calls: number; cacheHits: number; promptTokens: number; completionTokens: number },
): AdjudicationSummary {
  const review = leads.filter((l) => l.status !== 'not_review');
  const count = (test: (l: LeadAdjudication) => boolean) => review.filter(test).length;
  return {
    review: review.length,
    sent: count((l) => l.status !== 'over_budget'),
    answered: count((l) => l.status === 'answered'),
    qualified: count((l) => l.result.verdict === 'QUALIFIED'),
    notQualified: count((l) => l.result.verdict === 'NOT_QUALIFIED'),
    stillReview: count((l) => l.result.verdict === 'REVIEW'),
    refused: count((l) => l.refused),
    unparseable: count((l) => l.status === 'unparseable'),
    failed: count((l) => l.status === 'failed'),
    overBudget: count((l) => l.status === 'over_budget'),
    calls: usage.calls,
    cacheHits: usage.cacheHits,
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
  };
}

/**
 * Put the REVIEW leads of a batch to a model and apply its verdicts within the rules.
 *
 * Only REVIEW leads are sent; the others come back untouched with status `not_review`. Each
 * REVIEW lead gets one `ADJUDICATED` reason: the model's verdict and sentence, or why there is
 * none. An answer that is not `VERDICT | reason` leaves the lead REVIEW ("unparseable answer"); a
 * QUALIFIED below the fit floor is refused (see `applyVerdictAnswer`). Failures of the endpoint
 * never throw: the lead stays REVIEW with the reason.
 *
 * @throws FitgateError `BAD_OPTION` for a bad option or template, or a result scored by another
 * definition.
 *
 * @example
 * const provider = openAiChatProvider({ url, model });
 * const leads = rows.map((fields, i) => ({ fields, result: results[i] }));
 * const run = await adjudicateLeads(leads, icp, provider);
 * run.summary // => { review: 12, sent: 12, answered: 11, qualified: 4, ... calls: 13 }
 */
export async function adjudicateLeads(
  leads: readonly AdjudicationLead[],
  icp: IcpDefinition,
  provider: ChatProvider,
  options: AdjudicationOptions = {},
): Promise<AdjudicationRun> {
  checkVersions(leads, icp);
  const session = createModelSession(provider, options);
  const floor = fitFloor(icp);
  const budget = session.usage().budget;

  // Build every prompt first, so a bad template fails before anything is sent.
  const prompts = leads.map((lead) =>
    lead.result.verdict === 'REVIEW' ? buildAdjudicationPrompt(lead, icp, options) : null,
  );
  const total = prompts.filter((p) => p !== null).length;
  let done = 0;

  // Ask in input order; the session holds the limits.
  const settled = await Promise.all(
    leads.map(async (lead, i): Promise<LeadAdjudication> => {
      const messages = prompts[i];
      if (messages === null) {
        const untouched = { result: lead.result, adjudicated: false, modelVerdict: null };
        return { status: 'not_review', ...untouched, refused: false, fromCache: false, calls: 0 };
      }
      const outcome = await session.ask(messages, parseVerdictAnswer, icp.version);
      done += 1;
      options.onProgress?.(done, total);
      return settleLead(lead, outcome, floor, budget);
    }),
  );
  return { leads: settled, summary: summarize(settled, session.usage()) };
}
