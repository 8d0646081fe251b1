import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binCategorical, OTHER_LABEL } from '../src/bin-categorical.js';
import type { RawBin } from '../src/binning-types.js';

const BANK = '/work/main/data/bank-marketing/bank-full.csv.gz';

/** One column of the bank-marketing table as text (`;`-separated, quoted strings). */
function readBankColumns(...wanted: string[]): string[][] {
  const lines = gunzipSync(readFileSync(BANK)).toString('utf8').trim().split('\n');
  const unquote = (s: string) => s.replace(/^"|"$/g, '');
  const names = lines[0].split(';').map(unquote);
  const at = wanted.map((name) => names.indexOf(name));
  const columns = wanted.map(() => [] as string[]);
  for (const line of lines.slice(1)) {
    const cells = line.split(';');
    at.forEach((j, c) => columns[c].push(unquote(cells[j])));
  }
  return columns;
}

const levelBins = (bins: RawBin[]) => bins.filter((b) => b.kind === 'categories');

describe('binCategorical on a small example worked by hand', () => {
  // a: 2 won 1 lost; b: 1 won 2 lost; c: 1 won 2 lost; d: 1 won (rare: 1 of 10 rows < 0.15);
  // one missing row (lost).
  const x = ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'd', null];
  const y = Uint8Array.from([1, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0]);
  const result = binCategorical(x, y, null, {
    rareShare: 0.15,
    minBinSize: 0.2,
    shrinkSmallBins: false,
  });

  it('orders levels by win rate, merges equal ones, keeps rare and missing apart', () => {
    // b and c tie at 1/3 (ordered by name) and must merge: equal WoE is not ascending.
    expect(result.bins.map((b) => b.label)).toEqual(['{b, c}', '{a}', OTHER_LABEL, 'missing']);
    expect(result.bins.map((b) => b.kind)).toEqual([
      'categories',
      'categories',
      'other',
      'missing',
    ]);
    expect(result.bins[0].categories).toEqual(['b', 'c']);
    expect(result.bins[2].categories).toEqual(['d']);
    expect(result.monotonicTrend).toBe('ascending');
  });

  it('gives the WoE and IV computed by hand, an empty cell counting s = 0.5', () => {
    // E = 5 won, N = 6 lost (the real totals). {b, c} and {a} have both outcomes: textbook WoE.
    // The other bin has no lost row and missing no won row: that cell counts s = 0.5.
    //   {b, c}:  ln((2 / 5) / (4 / 6))   = ln(0.4 / 0.6666667) = ln 0.6 = -0.5108256
    //   {a}:     ln((2 / 5) / (1 / 6))   = ln(0.4 / 0.1666667) = ln 2.4 =  0.8754687
    //   other:   ln((1 / 5) / (0.5 / 6)) = ln(0.2 / 0.0833333) = ln 2.4 =  0.8754687
    //   missing: ln((0.5 / 5) / (1 / 6)) = ln(0.1 / 0.1666667) = ln 0.6 = -0.5108256
    // IV = (2/5 - 4/6)(-0.5108256) + (2/5 - 1/6)(0.8754687) + (1/5)(0.8754687) + (-1/6)(-0.5108256)
    //    = 0.1362202 + 0.2042760 + 0.1750937 + 0.0851376 = 0.6007276
    const woes = result.bins.map((b) => b.woe);
    expect(woes[0]).toBeCloseTo(-0.5108256237659905, 12);
    expect(woes[1]).toBeCloseTo(0.8754687373539001, 12);
    expect(woes[2]).toBeCloseTo(0.8754687373539001, 12);
    expect(woes[3]).toBeCloseTo(-0.5108256237659905, 12);
    expect(result.iv).toBeCloseTo(0.600727556485286, 12);
  });
});

describe('binCategorical groups, specials and missing', () => {
  // 20 rows each of five common levels with win rates 0.1 .. 0.9, plus three rare levels.
  const x: (string | null)[] = [];
  const y: number[] = [];
  ['p', 'q', 'r', 's', 't'].forEach((level, i) => {
    for (let k = 0; k < 20; k++) {
      x.push(level);
      y.push(k < 2 + 4 * i ? 1 : 0);
    }
  });
  for (const rare of ['zz', 'yy', 'xx']) (x.push(rare, rare), y.push(1, 0));
  const labels = Uint8Array.from(y);

  it('groups levels under rareShare into one other bin listing them', () => {
    const bins = binCategorical(x, labels, null, { rareShare: 0.05 }).bins;
    const other = bins.filter((b) => b.kind === 'other');
    expect(other).toHaveLength(1);
    expect(other[0]).toMatchObject({ label: OTHER_LABEL, categories: ['xx', 'yy', 'zz'] });
    expect(other[0].nEvent + other[0].nNonevent).toBe(6);
    expect(levelBins(bins).flatMap((b) => b.categories)).toEqual(['p', 'q', 'r', 's', 't']);
  });

  it('keeps every common level in order of win rate, ascending', () => {
    const result = binCategorical(x, labels, null, { rareShare: 0.05 });
    expect(levelBins(result.bins).map((b) => b.label)).toEqual(['{p}', '{q}', '{r}', '{s}', '{t}']);
    expect(result.monotonicTrend).toBe('ascending');
  });

  it('gives special codes and missing values bins of their own, in that order, last', () => {
    const more = [...x, 'n/a', 'n/a', null, 'p'];
    const moreY = Uint8Array.from([...y, 1, 1, 0, 0]);
    const bins = binCategorical(more, moreY, null, { specialValues: ['n/a', 'never'] }).bins;
    expect(bins.slice(-2).map((b) => b.kind)).toEqual(['special', 'missing']);
    expect(bins[bins.length - 2]).toMatchObject({
      label: 'special n/a',
      specialValues: ['n/a'],
      nEvent: 2,
      nNonevent: 0,
    });
    expect(bins[bins.length - 1]).toMatchObject({ nEvent: 0, nNonevent: 1 });
  });

  it('groups more levels than maxPrebins into contiguous pre-bins and lists them all', () => {
    const many: string[] = [];
    const manyY: number[] = [];
    for (let level = 0; level < 30; level++) {
      for (let k = 0; k < 10; k++) (many.push(`L${level}`), manyY.push(k < level / 3 ? 1 : 0));
    }
    const result = binCategorical(many, Uint8Array.from(manyY), null, {
      rareShare: 0,
      minBinSize: 0,
      maxPrebins: 10,
      maxBins: 3,
      minBinEvents: 0,
      minBinNonevents: 0,
    });
    const listed = result.bins.flatMap((b) => b.categories ?? []);
    expect(listed.slice().sort()).toEqual(Array.from({ length: 30 }, (_, i) => `L${i}`).sort());
    expect(result.bins).toHaveLength(3);
    expect(result.bins.some((b) => /, \+\d+ more\}$/.test(b.label))).toBe(true);
  });
});

describe('binCategorical invariants (property test)', () => {
  const row = fc.tuple(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h') },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant('-1') },
    ),
    fc.integer({ min: 0, max: 1 }),
  );
  const setting = fc.record({
    rows: fc.array(row, { minLength: 1, maxLength: 200 }),
    minBinSize: fc.double({ min: 0.02, max: 0.3, noNaN: true }),
    maxBins: fc.integer({ min: 1, max: 6 }),
  });

  it('puts every level in one bin, respects the minimum size, keeps WoE finite', () => {
    fc.assert(
      fc.property(setting, (s) => {
        const x = s.rows.map((r) => r[0]);
        const y = Uint8Array.from(s.rows, (r) => r[1]);
        const options = { specialValues: ['-1'], minBinSize: s.minBinSize, maxBins: s.maxBins };
        const result = binCategorical(x, y, null, options);

        // Each value seen is in exactly one bin, and the counts add up per bin.
        const home = new Map<string, number>();
        result.bins.forEach((b, i) => {
          for (const v of [...(b.categories ?? []), ...(b.specialValues ?? [])]) {
            expect(home.has(v)).toBe(false);
            home.set(v, i);
          }
        });
        const missingAt = result.bins.findIndex((b) => b.kind === 'missing');
        const counted = result.bins.map(() => [0, 0]);
        s.rows.forEach(([v, label]) => counted[v === null ? missingAt : home.get(v)!][label]++);
        result.bins.forEach((b, i) => expect([b.nNonevent, b.nEvent]).toEqual(counted[i]));

        // Bins of levels: at most maxBins, each at least minBinSize of the non-missing,
        // non-special rows, WoE ascending; every WoE finite.
        const base = s.rows.filter(([v]) => v !== null && v !== '-1').length;
        const levels = levelBins(result.bins);
        expect(levels.length).toBeLessThanOrEqual(s.maxBins);
        for (const b of levels) {
          expect(b.nEvent + b.nNonevent).toBeGreaterThanOrEqual(s.minBinSize * base * (1 - 1e-9));
        }
        for (let i = 1; i < levels.length; i++)
          expect(levels[i].woe).toBeGreaterThan(levels[i - 1].woe);
        expect(result.bins.every((b) => Number.isFinite(b.woe))).toBe(true);
        if (levels.length >= 2) expect(result.monotonicTrend).toBe('ascending');
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('is deterministic whatever the order of first appearance', () => {
    const x = ['u', 'v', 'w', 'u', 'v', 'w', 'u', 'v', 'w', 'u'];
    const y = Uint8Array.from([1, 0, 0, 1, 1, 0, 0, 0, 1, 1]);
    const reversed = binCategorical([...x].reverse(), y.slice().reverse(), null);
    expect(binCategorical(x, y, null)).toEqual(reversed);
  });
});

describe('binCategorical on bank-marketing job (45,211 deals)', () => {
  // Reference: pandas 1.5 with /usr/bin/python3, "unknown" read as missing, rare levels found
  // independently as those under 5% of the non-missing rows, and the grouping of this routine:
  //   import numpy as np, pandas as pd
  //   df = pd.read_csv('/work/main/data/bank-marketing/bank-full.csv.gz', sep=';')
  //   won = (df['y'] == 'yes').astype(int)
  //   job = df['job'].where(df['job'] != 'unknown')
  //   share = job.value_counts(normalize=True)
  //   rare = sorted(share[share < 0.05].index); print('rare', rare)
  //   grp = job.map(lambda v: 'missing' if pd.isna(v) else ('other' if v in rare else v))
  //   order = ['blue-collar', 'services', 'technician', 'admin.', 'management', 'retired',
  //            'other', 'missing']
  //   t = pd.DataFrame({'won': won, 'lost': 1 - won, 'g': grp}).groupby('g')[['won', 'lost']] \
  //         .sum().loc[order]
  //   s, E, N = 0.5, t['won'].sum(), t['lost'].sum()
  //   e, n = t['won'].where(t['won'] > 0, s), t['lost'].where(t['lost'] > 0, s)
  //   woe = np.log((e / E) / (n / N))
  //   iv = ((t['won'] / E - t['lost'] / N) * woe).sum()
  //   print(t['won'].tolist(), t['lost'].tolist(), [round(v, 6) for v in woe], repr(iv))
  const [job, outcome] = readBankColumns('job', 'y');
  const x = job.map((v) => (v === 'unknown' ? null : v));
  const y = Uint8Array.from(outcome, (v) => (v === 'yes' ? 1 : 0));

  it('matches pandas counts, WoE and IV', () => {
    const result = binCategorical(x, y, null, { rareShare: 0.05, shrinkSmallBins: false });
    const bins = result.bins;
    expect(bins.map((b) => b.label)).toEqual([
      '{blue-collar}',
      '{services}',
      '{technician}',
      '{admin.}',
      '{management}',
      '{retired}',
      OTHER_LABEL,
      'missing',
    ]);
    expect(bins[6].categories).toEqual([
      'entrepreneur',
      'housemaid',
      'self-employed',
      'student',
      'unemployed',
    ]);
    expect(bins.map((b) => b.nEvent)).toEqual([708, 369, 840, 631, 1301, 516, 890, 34]);
    expect(bins.map((b) => b.nNonevent)).toEqual([9024, 3785, 6757, 4540, 8157, 1748, 5657, 254]);
    const woe = [-0.523901, -0.306706, -0.063634, 0.047922, 0.185555, 0.801178, 0.171871, 0.010325];
    bins.forEach((b, j) => expect(b.woe).toBeCloseTo(woe[j], 6));
    expect(result.iv).toBeCloseTo(0.11228584419652833, 10);
  });
});

describe('binCategorical shrinks bins under the minimum size', () => {
  it('pulls a 14-deal rare group toward 0 in proportion to its size', () => {
    // 1,000 deals: common levels a (500, 200 won) and b (486, 200 won); rare level r: 14 won, 0
    // lost. minBinSize 5% = 50 deals. Unshrunk, r's WoE is ln((14 / 414) / (0.5 / 586)) = 3.6795;
    // shrunk by 14 / 50 it is 1.0303.
    const x = [...Array(500).fill('a'), ...Array(486).fill('b'), ...Array(14).fill('r')];
    const y = Uint8Array.from(x, (v, i) => (v === 'r' || (v === 'a' ? i < 200 : i < 700) ? 1 : 0));
    const plain = binCategorical(x, y, null, { rareShare: 0.02, shrinkSmallBins: false });
    const shrunk = binCategorical(x, y, null, { rareShare: 0.02 });
    const rare = (r: typeof plain) => r.bins.find((b) => b.kind === 'other')!;
    expect(rare(plain).woe).toBeCloseTo(Math.log(14 / 414 / (0.5 / 586)), 10);
    expect(rare(shrunk).woe).toBeCloseTo((14 / 50) * rare(plain).woe, 10);
  });
});
