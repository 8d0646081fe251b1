/**
 * Declared intent: the team's own weights for activity signals, instead of weights learned from
 * history. Each signal's contribution is capped, so repetition cannot inflate it; dated events
 * decay with a half-life measured from a reference time the caller passes (so scoring stays
 * pure); low-value machine signals can be discounted. The intent score is 100 x the total over
 * the sum of the positive caps: 0 to 100, below 0 when negative signals outweigh the rest.
 */
import { isMissing } from './missing-tokens.js';
import { parseNumber, type DecimalSeparator } from './parse-number.js';
import type { IntentSignal } from './schema.js';

const MS_PER_DAY = 86_400_000;
/** Values of a flag that mean "not set". */
const FALSE_FLAGS = new Set(['0', 'false', 'no', 'n', 'off', 'none']);

export interface SignalContext {
  missingTokens: ReadonlySet<string>;
  decimal: DecimalSeparator;
  /** Reference time for dated events, in ms since the epoch; NaN when none was given. */
  at: number;
}

function clamp(x: number, cap: number): number {
  return Math.max(-cap, Math.min(cap, x));
}

function dateOf(raw: unknown): number {
  if (raw instanceof Date) return raw.getTime();
  if (typeof raw === 'number') return raw;
  return typeof raw === 'string' ? Date.parse(raw.trim()) : NaN;
}

/**
 * The contribution of one signal for one raw value (before scaling to 0-100), or null when the
 * value is missing or cannot be read.
 */
export function signalContribution(
  signal: IntentSignal,
  raw: unknown,
  context: SignalContext,
): number | null {
  if (isMissing(raw, context.missingTokens)) return null;
  const discount = signal.discount ?? 1;
  if (signal.kind === 'flag') {
    const text = String(raw).trim().toLowerCase();
    return FALSE_FLAGS.has(text) ? 0 : clamp(signal.points, signal.cap) * discount;
  }
  if (signal.kind === 'number') {
    const x = parseNumber(raw, context.decimal);
    return Number.isFinite(x) ? clamp(x * signal.points, signal.cap) * discount : null;
  }

  // Dated event: points halve every halfLifeDays of age; a future date counts as today.
  const when = dateOf(raw);
  if (!Number.isFinite(when) || !Number.isFinite(context.at)) return null;
  const ageDays = Math.max(0, (context.at - when) / MS_PER_DAY);
  const decay = signal.halfLifeDays === undefined ? 1 : 0.5 ** (ageDays / signal.halfLifeDays);
  return clamp(signal.points, signal.cap) * decay * discount;
}

/** Sum of the positive caps: the total that maps to an intent score of 100. */
export function signalScale(signals: readonly IntentSignal[]): number {
  return signals.reduce((sum, s) => sum + (s.points > 0 ? s.cap * (s.discount ?? 1) : 0), 0);
}
