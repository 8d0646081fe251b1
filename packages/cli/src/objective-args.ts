/**
 * The line objectives shared by `derive` and `cutoffs`: capacity, expected value, recall and
 * precision targets, read from the command line.
 */
import type { CutoffObjectives } from '@fitgate/core';
import { numberOption } from './args.js';
import { UsageError } from './errors.js';

/** parseArgs options for the objectives. */
export const objectiveOptions = {
  capacity: { type: 'string' },
  volume: { type: 'string' },
  'deal-value': { type: 'string' },
  'rep-hour-cost': { type: 'string' },
  'hours-per-lead': { type: 'string' },
  'recall-target': { type: 'string' },
  'precision-target': { type: 'string' },
} as const;

export const objectiveUsage = `    [--capacity N/PERIOD --volume M/PERIOD]
    [--deal-value X --rep-hour-cost Y --hours-per-lead H]
    [--recall-target SHARE] [--precision-target SHARE]`;

/** `150/week` -> { count: 150, period: 'week' }. */
function perPeriod(value: string | undefined, option: string) {
  if (value === undefined) return undefined;
  const match = /^\s*([0-9][0-9_,.]*)\s*(?:\/\s*([A-Za-z]{1,20}))?\s*$/.exec(value);
  const count = match ? Number(match[1].replace(/[_,]/g, '')) : NaN;
  if (!match || !(count > 0))
    throw new UsageError(`--${option} takes N/PERIOD, e.g. 150/week; got "${value}"`);
  return { count, period: match[2] };
}

/** A share given as 0.8 or 80%. */
function share(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const percent = value.trim().endsWith('%');
  const x = numberOption(percent ? value.trim().slice(0, -1) : value, option)!;
  const s = percent ? x / 100 : x;
  if (!(s > 0 && s <= 1))
    throw new UsageError(`--${option} takes a share in (0, 1] or a percentage; got "${value}"`);
  return s;
}

/** The objectives given on the command line (only those given). */
export function objectivesFrom(
  values: Record<string, string | boolean | string[] | undefined>,
): CutoffObjectives {
  const text = (key: string) => values[key] as string | undefined;
  const capacity = perPeriod(text('capacity'), 'capacity');
  const volume = perPeriod(text('volume'), 'volume');
  if ((capacity === undefined) !== (volume === undefined)) {
    throw new UsageError(
      '--capacity and --volume go together, e.g. --capacity 150/week --volume 1000/week',
    );
  }
  if (capacity && volume && capacity.period !== volume.period) {
    const per = (p: string | undefined) => (p === undefined ? 'no period' : `per ${p}`);
    throw new UsageError(
      `--capacity is ${per(capacity.period)} but --volume ${per(volume.period)}; give both as ` +
        'N/PERIOD with the same period, e.g. --capacity 150/week --volume 1000/week',
    );
  }
  const out: CutoffObjectives = {};
  if (capacity && volume && capacity.count > volume.count) {
    throw new UsageError(`--capacity ${capacity.count} cannot exceed --volume ${volume.count}`);
  }
  if (capacity && volume) {
    out.capacity = capacity.count;
    out.volume = volume.count;
    out.period = capacity.period ?? 'period';
  }
  const money = {
    dealValue: numberOption(text('deal-value'), 'deal-value'),
    repHourCost: numberOption(text('rep-hour-cost'), 'rep-hour-cost'),
    hoursPerLead: numberOption(text('hours-per-lead'), 'hours-per-lead'),
  };
  const given = Object.values(money).filter((x) => x !== undefined).length;
  if (given !== 0 && given !== 3) {
    throw new UsageError('--deal-value, --rep-hour-cost and --hours-per-lead go together');
  }
  if (given === 3) Object.assign(out, money);
  const recall = share(text('recall-target'), 'recall-target');
  const precision = share(text('precision-target'), 'precision-target');
  if (recall !== undefined) out.recallTarget = recall;
  if (precision !== undefined) out.precisionTarget = precision;
  return out;
}
