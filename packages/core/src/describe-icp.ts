/**
 * `describeIcp`: a definition in a few plain sentences a sales leader can read: where won deals
 * concentrate, where deals are lost, how well that held on deals the fit did not see, and what
 * was left out and why.
 */
import type { Attribute, Bin, IcpDefinition } from './schema.js';

/** How many attributes and bins a description names. */
const TOP_ATTRIBUTES = 4;
const TOP_BINS = 2;
/** Bins closer to the base rate than this (|WoE|) are not worth naming. */
const MIN_DESCRIBED_WOE = 0.1;

function pct(x: number): string {
  return `${Math.round(100 * x)}%`;
}

function binText(attribute: Attribute, bin: Bin): string {
  const rate = `win rate ${pct(bin.eventRate)}`;
  if (bin.kind === 'missing') return `${attribute.name} not given (${rate})`;
  if (bin.kind === 'other') {
    const rarer = (bin.categories ?? []).join(', ');
    return `${attribute.name} is one of the rarer values {${rarer}} (${rate})`;
  }
  return `${attribute.name} ${attribute.type === 'numeric' ? '' : 'is '}${bin.label} (${rate})`;
}

/** Bins of the strongest attributes with the highest (or lowest) WoE. */
function extremes(icp: Pick<IcpDefinition, 'attributes'>, sign: 1 | -1): string[] {
  const span = (a: Attribute) =>
    Math.max(...a.bins.map((b) => b.points)) - Math.min(...a.bins.map((b) => b.points));
  const strongest = icp.attributes
    .filter((a) => a.role === 'fit')
    .sort((a, b) => span(b) - span(a))
    .slice(0, TOP_ATTRIBUTES);
  return strongest.flatMap((a) =>
    a.bins
      .filter((b) => sign * b.woe >= MIN_DESCRIBED_WOE)
      .sort((p, q) => sign * (q.woe - p.woe))
      .slice(0, TOP_BINS)
      .map((b) => binText(a, b)),
  );
}

/** A short, readable description of the definition. */
export function describeIcp(icp: Omit<IcpDefinition, 'version' | 'description'>): string {
  const lines: string[] = [];
  const { won, lost } = icp.source.rows;
  const v = icp.metrics.validation;
  const noSignal = icp.diagnostics.warnings.some((w) => w.code === 'NO_SIGNAL');

  // The headline: signal or not.
  lines.push(
    `Derived from ${won + lost} closed deals (${won} won, ${lost} lost; ` +
      `base win rate ${pct(won / (won + lost))}).`,
  );
  if (noSignal) {
    lines.push(
      'NO SIGNAL: the attributes given do not separate won from lost deals. Do not route on this ' +
        'definition; every lead it scores goes to REVIEW.',
    );
  }
  const high = extremes(icp, 1);
  const low = extremes(icp, -1);
  if (!noSignal && high.length > 0)
    lines.push(`Won deals are concentrated in: ${high.join('; ')}.`);
  if (!noSignal && low.length > 0) lines.push(`Deals are mostly lost when: ${low.join('; ')}.`);

  // How well it held on unseen deals.
  if (v.auc !== null && v.aucInterval !== null) {
    const how =
      v.method === 'time'
        ? `the ${v.nValidation} most recent deals`
        : `${v.nValidation} held-out deals`;
    lines.push(
      `On ${how} the score ranks a won deal above a lost one ${pct(v.auc)} of the time ` +
        `(ROC AUC ${v.auc.toFixed(3)}, ` +
        `95% interval ${v.aucInterval[0].toFixed(3)}-${v.aucInterval[1].toFixed(3)}).`,
    );
  }
  const { sql, mql, intent } = icp.cutoffs;
  const on = sql.on === 'priority' ? 'priority (fit x intent)' : 'fit score';
  lines.push(
    `SQL line at ${on} ${sql.score.toFixed(1)} keeps ${pct(sql.winsKept)} of wins from ` +
      `${pct(sql.shareAbove)} of deals; the fit floor (MQL line) at ${mql.score.toFixed(1)} ` +
      `keeps ${pct(mql.winsKept)} from ${pct(mql.shareAbove)}.`,
  );
  if (intent !== undefined) {
    lines.push(
      `High intent starts at intent score ${intent.score.toFixed(1)} ` +
        `(keeps ${pct(intent.winsKept)} of wins).`,
    );
  }
  for (const q of icp.metrics.quadrants ?? []) {
    lines.push(`  ${q.quadrant.replace(/_/g, ' ')}: ${q.n} deals, win rate ${pct(q.winRate)}`);
  }

  // What was left out and why.
  const leaks = icp.excluded.filter((e) => e.code === 'LEAKAGE_SUSPECTED').map((e) => e.attribute);
  if (leaks.length > 0)
    lines.push(
      `Left out as suspected leakage (known only after the outcome?): ${leaks.join(', ')}.`,
    );
  const ids = icp.excluded.filter((e) => e.code === 'ID_COLUMN').map((e) => e.attribute);
  if (ids.length > 0) lines.push(`Left out as identifiers: ${ids.join(', ')}.`);
  if (icp.diagnostics.warnings.some((w) => w.code === 'SMALL_SAMPLE')) {
    lines.push('Few deals: treat these weights and lines as provisional (see SMALL_SAMPLE).');
  }
  return lines.join('\n');
}
