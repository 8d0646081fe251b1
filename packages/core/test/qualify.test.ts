import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveIcp } from '../src/derive-icp.js';
import { FitgateError } from '../src/errors.js';
import { qualify } from '../src/qualify.js';
import type { IcpDefinition } from '../src/schema.js';
import { readCsvGz } from './helpers/read-csv-gz.js';

const BANK = new URL('../../../data/bank-marketing/bank-full.csv.gz', import.meta.url).pathname;
const FIT = ['age', 'job', 'marital', 'education', 'default', 'balance', 'housing', 'loan'];

let icp: IcpDefinition;
let rows: Record<string, string>[];

beforeAll(() => {
  // Every fifth real bank-marketing contact (9,043 rows over the whole period), fit-like columns.
  const table = readCsvGz(BANK, ';');
  rows = table.rows
    .filter((_, i) => i % 5 === 0)
    .map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i]])));
  icp = deriveIcp(rows, { outcome: 'y', won: ['yes'], lost: ['no'], fit: FIT, createdAt: 'test' });
});

function fitPoints(result: ReturnType<typeof qualify>): number {
  let sum = 0;
  for (const r of result.reasons) if (r.side === 'fit') sum += r.points;
  return sum;
}

const leadValue = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer({ min: -10, max: 100_000 }),
  fc.constantFrom(
    'management',
    'retired',
    'student',
    'yes',
    'no',
    'NA',
    '',
    ' 42 ',
    '1e3',
    'unknown',
  ),
  fc.constant(null),
  fc.constant(undefined),
  fc.anything(),
);
const lead = fc.dictionary(fc.constantFrom(...FIT, 'other', '__proto__', 'toString'), leadValue);

describe('qualify on a definition derived from real data', () => {
  it('has reasons whose fit points add up exactly to the score, within 0 to 100', () => {
    fc.assert(
      fc.property(lead, (l) => {
        const result = qualify(l, icp);
        expect(result.fitScore).toBe(fitPoints(result));
        expect(result.fitScore).toBeGreaterThanOrEqual(0);
        expect(result.fitScore).toBeLessThanOrEqual(100);
        expect(result.reasons.filter((r) => r.side === 'fit')).toHaveLength(icp.attributes.length);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary leads, and gives the same answer twice', () => {
    fc.assert(
      fc.property(fc.anything(), (l) => {
        const first = qualify(l, icp);
        expect(qualify(l, icp)).toEqual(first);
        expect(['QUALIFIED', 'NOT_QUALIFIED', 'REVIEW']).toContain(first.verdict);
      }),
      { numRuns: 500 },
    );
  });

  it('scores the real rows the same way derive scored them (score = sum of bin points)', () => {
    for (const row of rows.slice(0, 200)) {
      const result = qualify(row, icp);
      const expected = icp.attributes.reduce((sum, a) => {
        const reason = result.reasons.find((r) => r.attribute === a.name)!;
        const bin = a.bins.find((b) => b.label === reason.bin)!;
        return sum + bin.points;
      }, 0);
      expect(result.fitScore).toBe(expected);
      expect(result.reasons.filter((r) => r.side === 'fit').every((r) => r.code === 'BIN')).toBe(
        true,
      );
    }
  });

  it('gives an unseen category neutral points with a reason, never the first bin', () => {
    const job = icp.attributes.find((a) => a.name === 'job')!;
    const result = qualify({ ...rows[0], job: 'astronaut' }, icp);
    const reason = result.reasons.find((r) => r.attribute === 'job')!;
    expect(reason.code).toBe('UNSEEN');
    expect(reason.points).toBe(job.neutralPoints);
    expect(reason.message).toContain('never seen');
  });

  it('follows the verdict table: QUALIFIED at or above the SQL line only', () => {
    for (const row of rows.slice(0, 500)) {
      const r = qualify(row, icp);
      if (r.verdict === 'REVIEW') continue;
      expect(r.verdict === 'QUALIFIED').toBe(r.fitScore >= icp.cutoffs.sql.score);
      expect(r.stage).toBe(
        r.fitScore >= icp.cutoffs.sql.score
          ? 'SQL'
          : r.fitScore >= icp.cutoffs.mql.score
            ? 'MQL'
            : 'NURTURE',
      );
    }
  });

  it('is not a NO_SIGNAL definition (the sample separates won from lost)', () => {
    expect(icp.diagnostics.warnings.map((w) => w.code)).not.toContain('NO_SIGNAL');
    expect(icp.metrics.validation.auc).toBeGreaterThan(0.6);
  });

  it('sends a lead whose key attribute is missing to REVIEW, saying which', () => {
    const key = icp.attributes.find((a) => a.key);
    expect(key).toBeDefined();
    const result = qualify({ ...rows[0], [key!.name]: '' }, icp);
    expect(result.verdict).toBe('REVIEW');
    expect(result.reasons.at(-1)!.message).toBe(`fit data missing: ${key!.name}`);
  });

  it('returns REVIEW with the reason on a NO_SIGNAL definition', () => {
    const warnings = [...icp.diagnostics.warnings, { code: 'NO_SIGNAL' as const, message: 'none' }];
    const silent = { ...icp, diagnostics: { warnings } };
    const result = qualify(rows[0], silent);
    expect(result.verdict).toBe('REVIEW');
    expect(result.reasons.some((r) => r.code === 'NO_SIGNAL')).toBe(true);
  });

  it('throws INVALID_DEFINITION on a broken definition', () => {
    const broken = { ...icp, attributes: [{ name: 'age' }] } as unknown as IcpDefinition;
    expect(() => qualify(rows[0], broken)).toThrow(FitgateError);
    expect(() => qualify(rows[0], broken)).toThrow(/attributes\.0/);
  });

  it('calibrates: the win probability rises with the score', () => {
    const scored = rows.slice(0, 300).map((r) => qualify(r, icp));
    scored.sort((a, b) => a.fitScore - b.fitScore);
    for (let i = 1; i < scored.length; i++) {
      expect(scored[i].winProbability!).toBeGreaterThanOrEqual(scored[i - 1].winProbability!);
    }
  });
});

describe('qualify on hostile lead values', () => {
  it('reads a value with no usable text as a bad value instead of throwing', () => {
    const hostile = { ...rows[0], age: { toString: null, valueOf: null } };
    const result = qualify(hostile, icp);
    const age = result.reasons.find((r) => r.attribute === 'age')!;
    expect(age.code).toBe('BAD_VALUE');
    expect(age.value).toBe('(unprintable)');
  });
});

describe('points of a derived definition', () => {
  it('follow each numeric attribute`s monotonic trend, on random samples of real deals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        const sample = rows.filter((_, i) => (i * 2654435761 + seed) % 3 === 0);
        const derived = deriveIcp(sample, {
          outcome: 'y',
          won: ['yes'],
          lost: ['no'],
          fit: FIT,
          seed,
          createdAt: 'test',
        });
        for (const a of derived.attributes) {
          const ranges = a.bins.filter((b) => b.kind === 'range').map((b) => b.points);
          for (let i = 1; i < ranges.length; i++) {
            if (a.monotonicTrend === 'ascending')
              expect(ranges[i]).toBeGreaterThanOrEqual(ranges[i - 1]);
            if (a.monotonicTrend === 'descending')
              expect(ranges[i]).toBeLessThanOrEqual(ranges[i - 1]);
          }
          for (const b of a.bins) expect(Number.isFinite(b.points) && b.points >= 0).toBe(true);
        }
      }),
      { numRuns: 6 },
    );
  });
});

describe('attributes named like Object.prototype members', () => {
  it('read only the lead`s own field, never the inherited one', () => {
    // 600 deals: "constructor" = big wins 2 of 3, small wins 1 of 3.
    const deals = Array.from({ length: 600 }, (_, i) => ({
      constructor: i % 2 === 0 ? 'big' : 'small',
      stage: (i % 2 === 0 ? i % 3 !== 0 : i % 3 === 0) ? 'won' : 'lost',
    }));
    const icp = deriveIcp(deals, {
      outcome: 'stage',
      won: ['won'],
      lost: ['lost'],
      createdAt: 't',
    });
    expect(icp.attributes.map((a) => a.name)).toEqual(['constructor']);
    const absent = qualify({}, icp).reasons.find((r) => r.attribute === 'constructor')!;
    expect(absent.code).toBe('MISSING');
    const own = qualify({ constructor: 'big' }, icp).reasons.find(
      (r) => r.attribute === 'constructor',
    )!;
    expect(own.code).toBe('BIN');
  });
});
