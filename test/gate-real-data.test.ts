/**
 * The fit-and-intent gate on the real X Education leads: fit-like columns as fit, activity
 * columns as intent, a seeded 30% hold-out, lines set for a capacity of 15% of volume.
 */
import {
  deriveIcp,
  qualify,
  recalibrateCutoffs,
  stratifiedSplit,
  type IcpDefinition,
  type QualifyResult,
} from '@fitgate/core';
import { readTable, rowObject, type Table } from '@fitgate/io';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataPath, pickRows } from './helpers.js';

const FIT = [
  'What is your current occupation',
  'Specialization',
  'City',
  'Country',
  'What matters most to you in choosing a course',
];
const INTENT = [
  'Lead Origin',
  'Lead Source',
  'TotalVisits',
  'Total Time Spent on Website',
  'Page Views Per Visit',
  'Last Activity',
  'Last Notable Activity',
];

let icp: IcpDefinition;
let test: Table;
let results: QualifyResult[];
let converted: number[];

beforeAll(async () => {
  // Seeded, stratified 30% hold-out of the 9,240 leads.
  const leads = await readTable(dataPath('x-education-leads/Leads.csv.gz'));
  const y = Uint8Array.from(leads.data[leads.columns.indexOf('Converted')], (v) => Number(v));
  const holdOut = stratifiedSplit(y, 0.3, 42);
  const testRows = [...holdOut.keys()].filter((r) => holdOut[r] === 1);
  test = pickRows(leads, testRows);
  icp = deriveIcp(pickRows(leads, testRows, true), {
    outcome: 'Converted',
    won: ['1'],
    lost: ['0'],
    missingTokens: ['Select'],
    fit: FIT,
    intent: INTENT,
    objectives: { capacity: 15, volume: 100, period: 'week' },
    createdAt: 't',
  });
  results = Array.from({ length: test.rowCount }, (_, r) => qualify(rowObject(test, r), icp));
  converted = test.data[test.columns.indexOf('Converted')].map(Number);
});

function rate(keep: (r: QualifyResult) => boolean): { n: number; rate: number } {
  const picked = results.map((r, i) => (keep(r) ? converted[i] : -1)).filter((c) => c >= 0);
  return { n: picked.length, rate: picked.reduce((s, c) => s + c, 0) / picked.length };
}

describe('the gate on X Education leads (capacity 15 of 100 a week)', () => {
  it('qualifies 15% +/- 2 points of the held-out leads', () => {
    const share = results.filter((r) => r.verdict === 'QUALIFIED').length / results.length;
    expect(share).toBeGreaterThanOrEqual(0.13);
    expect(share).toBeLessThanOrEqual(0.17);
  });

  it('converts QUALIFIED leads at least twice the base rate', () => {
    const base = converted.reduce((s, c) => s + c, 0) / converted.length;
    expect(rate((r) => r.verdict === 'QUALIFIED').rate).toBeGreaterThanOrEqual(2 * base);
  });

  it('reports each quadrant, and low fit / high intent converts worse than high / high', () => {
    const quadrants = icp.metrics.quadrants!.map((q) => q.quadrant);
    expect(quadrants).toEqual([
      'high_fit_high_intent',
      'high_fit_low_intent',
      'low_fit_high_intent',
      'low_fit_low_intent',
    ]);
    const hot = rate((r) => r.quadrant === 'high_fit_high_intent');
    const outOfProfile = rate((r) => r.quadrant === 'low_fit_high_intent');
    expect(outOfProfile.n).toBeGreaterThan(100);
    expect(outOfProfile.rate).toBeLessThan(hot.rate - 0.05);
  });

  it('never qualifies a lead below the fit floor; says why a hot lead is out of profile', () => {
    for (const r of results) {
      if (r.fitScore < icp.cutoffs.mql.score) expect(r.verdict).not.toBe('QUALIFIED');
      if (r.quadrant === 'low_fit_high_intent') {
        expect(r.reasons.some((x) => x.code === 'HOT_OUT_OF_PROFILE')).toBe(true);
      }
    }
  });

  it('keeps REVIEW a narrow band', () => {
    expect(rate((r) => r.verdict === 'REVIEW').n / results.length).toBeLessThan(0.05);
  });

  it('has reasons on both sides that add up to each score', () => {
    for (const r of results.slice(0, 300)) {
      const sum = (side: string) =>
        r.reasons.filter((x) => x.side === side).reduce((s, x) => s + x.points, 0);
      expect(sum('fit')).toBe(r.fitScore);
      expect(sum('intent')).toBe(r.intentScore);
      expect(r.priority).toBeCloseTo((r.fitScore * r.intentScore!) / 10000, 12);
    }
  });

  it('reports line figures equal to applying the rule to the validation deals', () => {
    // The SQL line's tradeoff row at the chosen cutoff is the chosen figure.
    const { sql } = icp.cutoffs;
    const row = sql.tradeoffs.find((t) => t.cutoff === sql.score)!;
    expect(row.shareAbove).toBe(sql.shareAbove);
    expect(sql.shareAbove).toBeLessThanOrEqual(0.15);
    expect(sql.reason).toContain('SQLs a week');
  });

  it('recalibrates to a new capacity without refitting', () => {
    const wider = recalibrateCutoffs(icp, { capacity: 25, volume: 100, period: 'week' });
    expect(wider.attributes).toEqual(icp.attributes);
    expect(wider.cutoffs.sql.score).toBeLessThan(icp.cutoffs.sql.score);
    expect(wider.cutoffs.sql.shareAbove).toBeLessThanOrEqual(0.25);
    expect(wider.cutoffs.sql.shareAbove).toBeGreaterThan(0.2);
    expect(wider.version).not.toBe(icp.version);
    const same = recalibrateCutoffs(icp, {});
    expect(same.cutoffs).toEqual(icp.cutoffs);
  });

  it('never throws on arbitrary leads, with intent scored too', () => {
    const field = fc.constantFrom(...FIT, ...INTENT, 'Converted', '__proto__');
    fc.assert(
      fc.property(fc.dictionary(field, fc.anything()), (lead) => {
        const r = qualify(lead, icp);
        expect(['QUALIFIED', 'NOT_QUALIFIED', 'REVIEW']).toContain(r.verdict);
        expect(r.fitScore).toBe(
          r.reasons.filter((x) => x.side === 'fit').reduce((a, x) => a + x.points, 0),
        );
      }),
      { numRuns: 300 },
    );
  });
});
