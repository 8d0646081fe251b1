/**
 * The shape of a rep as routing sees it: who the rep is, whether they take leads, which leads
 * they cover, how many they pull (weight) and how many they may take per period (capacity).
 */

/** The statuses a rep table may give, in the spelling the table uses. */
export const REP_STATUSES = ['active', 'inactive', 'out_of_office'] as const;

/**
 * `active`: takes leads, except while the routing time falls in the rep's out-of-office dates.
 * `inactive`: never takes leads (left the team, on long leave). `out_of_office`: away between the
 * out-of-office dates, or always when the table gives no dates.
 */
export type RepStatus = (typeof REP_STATUSES)[number];

/** One condition of a territory: the lead's `field` must equal one of `values`. */
export interface TerritoryCondition {
  /** The lead field (column name) compared, exactly as the leads spell it. */
  field: string;
  /** Accepted values, trimmed and lower-cased; a lead matches when its value is one of them. */
  values: string[];
}

/** Which leads a rep covers: every condition must hold. No conditions means every lead. */
export interface Territory {
  /** The territory as written in the rep table, for messages. */
  text: string;
  conditions: TerritoryCondition[];
}

/** A rep, validated (see `parseReps`). Times are milliseconds since 1970-01-01T00:00:00Z. */
export interface Rep {
  /** Unique within the table; written to the `rep_id` column. */
  id: string;
  /** Display name; the id when the table gives none. */
  name: string;
  status: RepStatus;
  /** Start of the rep's time away (inclusive), or null for "since always". */
  outFrom: number | null;
  /** End of the rep's time away (exclusive), or null for "no return date". */
  outUntil: number | null;
  territory: Territory;
  /** A whole number from 0: a rep with weight 2 pulls twice the leads of a rep with weight 1. */
  weight: number;
  /** Most leads the rep may take per capacity period, or null for no limit. */
  capacity: number | null;
}
