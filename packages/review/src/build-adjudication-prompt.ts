/**
 * The question put to the model about one REVIEW lead: the ICP (its description, attributes, bins
 * and points, the lines and the fit floor) and the lead (its fields, scores and reasons), both as
 * quoted JSON, with the verdicts this lead may receive.
 */
import { fitFloor, type IcpDefinition, type QualifyResult, type Verdict } from '@fitgate/core';
import type { ChatMessage } from './chat-provider.js';
import { VERDICTS } from './parse-verdict-answer.js';
import { quoteData } from './quote-data.js';
import { checkTemplate, renderTemplate } from './render-template.js';
import {
  ADJUDICATION_PLACEHOLDERS,
  ADJUDICATION_REQUIRED,
  ADJUDICATION_TEMPLATE,
  type PromptTemplate,
} from './templates.js';

/**
 * The longest field value sent, in characters: a company name or a title fits many times over; a
 * pasted essay is cut, which bounds both the cost and the room an injection attempt has.
 */
export const MAX_FIELD_CHARS = 500;

/** One lead to adjudicate: its fields as given (a CSV row, say) and what `qualify` returned. */
export interface AdjudicationLead {
  fields: Readonly<Record<string, unknown>>;
  result: QualifyResult;
}

export interface AdjudicationPromptOptions {
  /**
   * The prompt to fill in.
   * @default ADJUDICATION_TEMPLATE
   */
  template?: PromptTemplate;
  /**
   * Further fields of the lead to show the model, beyond the definition's attributes (a company
   * name or a title, say). Only these and the attributes are sent; nothing else of the row is.
   * @default []
   */
  extraFields?: readonly string[];
}

/** Two decimals for points and scores: what a person would read, and fewer tokens. */
function round2(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? x : Math.round(x * 100) / 100;
}

/** A field value as JSON can carry it: text cut to `MAX_FIELD_CHARS`, odd types as text. */
function fieldValue(raw: unknown): string | number | boolean | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  let text: string;
  try {
    text = raw instanceof Date ? raw.toISOString() : String(raw);
  } catch {
    text = '(unprintable)';
  }
  return text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS)}...(cut)` : text;
}

/**
 * The lead's fields the model sees: each attribute of the definition, then each extra field, in
 * that order; a field the row lacks is null. Only the row's own properties are read.
 */
export function leadFields(
  row: Readonly<Record<string, unknown>>,
  icp: IcpDefinition,
  extraFields: readonly string[] = [],
): Record<string, string | number | boolean | null> {
  const names = [...new Set([...icp.attributes.map((a) => a.name), ...extraFields])];
  const read = (name: string) => {
    try {
      return Object.hasOwn(row, name) ? fieldValue(row[name]) : null;
    } catch {
      return null;
    }
  };
  // fromEntries defines own properties, so a column named __proto__ stays a plain field.
  return Object.fromEntries(names.map((name) => [name, read(name)]));
}

/** Whether the model may qualify this lead: only at or above the fit floor. */
export function mayQualify(result: QualifyResult, floor: number): boolean {
  return Number.isFinite(result.fitScore) && result.fitScore >= floor;
}

/** The verdicts allowed for a lead, as a phrase: "QUALIFIED, NOT_QUALIFIED or REVIEW". */
function verdictPhrase(allowed: readonly Verdict[]): string {
  return `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
}

/** The ICP as the model sees it. */
function icpPayload(icp: IcpDefinition, floor: number) {
  return {
    description: icp.description ?? null,
    lines: { sql: round2(icp.cutoffs.sql.score), mql: round2(icp.cutoffs.mql.score) },
    fitFloor: round2(floor),
    attributes: icp.attributes.map((a) => ({
      name: a.name,
      role: a.role,
      type: a.type,
      key: a.key,
      informationValue: Math.round(a.iv * 1000) / 1000,
      bins: a.bins.map((b) => ({ label: b.label, points: round2(b.points) })),
      pointsForUnseenValue: round2(a.neutralPoints),
    })),
  };
}

/** The lead as the model sees it. */
function leadPayload(lead: AdjudicationLead, icp: IcpDefinition, extra: readonly string[]) {
  const { result } = lead;
  return {
    fields: leadFields(lead.fields, icp, extra),
    fitScore: round2(result.fitScore),
    intentScore: round2(result.intentScore),
    winProbability: result.winProbability === null ? null : round2(result.winProbability),
    stage: result.stage,
    // A BIN reason's message repeats its bin and points; the others say why the rule hesitated.
    reasons: result.reasons.map((r) => ({
      code: r.code,
      attribute: r.attribute,
      value: r.value === null ? null : fieldValue(r.value),
      bin: r.bin,
      points: round2(r.points),
      ...(r.code === 'BIN' ? {} : { message: fieldValue(r.message) }),
    })),
  };
}

/**
 * Build the chat messages that ask the model about one lead.
 *
 * The ICP and the lead are written with `quoteData`, so no field can close its tag or add a line
 * of instructions. A lead whose fit is below the fit floor (`fitFloor(icp)`) is offered only
 * NOT_QUALIFIED or REVIEW; the answer is checked against the floor all the same.
 *
 * @throws FitgateError `BAD_OPTION` when the template uses an unknown placeholder or lacks
 * `{{lead}}`.
 *
 * @example
 * const [system, user] = buildAdjudicationPrompt({ fields: row, result }, icp);
 * user.content.includes('<lead>') // => true
 */
export function buildAdjudicationPrompt(
  lead: AdjudicationLead,
  icp: IcpDefinition,
  options: AdjudicationPromptOptions = {},
): ChatMessage[] {
  const template = options.template ?? ADJUDICATION_TEMPLATE;
  checkTemplate(template.system + template.user, ADJUDICATION_PLACEHOLDERS, ADJUDICATION_REQUIRED);

  // What the lead may become, then the two data blocks.
  const floor = fitFloor(icp);
  const allowed = VERDICTS.filter((v) => v !== 'QUALIFIED' || mayQualify(lead.result, floor));
  const values = {
    verdicts: verdictPhrase(allowed),
    icp: quoteData(icpPayload(icp, floor)),
    lead: quoteData(leadPayload(lead, icp, options.extraFields ?? [])),
  };
  return [
    { role: 'system', content: renderTemplate(template.system, values) },
    { role: 'user', content: renderTemplate(template.user, values) },
  ];
}
