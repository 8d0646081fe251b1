import { describe, expect, it } from 'vitest';
import { parseReps, RouteError } from '../src/index.js';

const row = (extra: Record<string, unknown> = {}) => ({
  id: 'ana',
  status: 'active',
  weight: '2',
  ...extra,
});

/** The error `fn` throws (fails the test when it throws nothing). */
function thrown(fn: () => unknown): RouteError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RouteError);
    return error as RouteError;
  }
  throw new Error('expected an error');
}

describe('parseReps', () => {
  it('reads a full row, as text cells from a CSV reader', () => {
    const [rep] = parseReps([
      {
        id: ' ana ',
        name: 'Ana Lima',
        status: 'Out of office',
        out_from: '2024-05-06',
        out_until: '2024-05-10T17:00+02:00',
        territory: 'segment=Enterprise;region=EMEA',
        weight: '3',
        capacity: '20',
        email: 'ana@example.com',
      },
    ]);
    expect(rep).toEqual({
      id: 'ana',
      name: 'Ana Lima',
      status: 'out_of_office',
      // 2024-05-06T00:00Z and 2024-05-10T15:00Z (checked with Python's datetime.fromisoformat).
      outFrom: 1714953600000,
      outUntil: 1715353200000,
      territory: {
        text: 'segment=Enterprise;region=EMEA',
        conditions: [
          { field: 'segment', values: ['enterprise'] },
          { field: 'region', values: ['emea'] },
        ],
      },
      weight: 3,
      capacity: 20,
    });
  });

  it('fills the defaults: name is the id, every territory, no capacity, no dates', () => {
    expect(parseReps([row()])[0]).toEqual({
      id: 'ana',
      name: 'ana',
      status: 'active',
      outFrom: null,
      outUntil: null,
      territory: { text: '', conditions: [] },
      weight: 2,
      capacity: null,
    });
  });

  it('accepts JSON rows with numbers and nulls, and loose column spelling', () => {
    const [rep] = parseReps([
      { ID: 'bo', Status: 'ACTIVE', Weight: 4, Capacity: null, 'Out-Until': null },
    ]);
    expect([rep.id, rep.weight, rep.capacity, rep.outUntil]).toEqual(['bo', 4, null, null]);
  });

  it('keeps table order and skips empty rows', () => {
    const reps = parseReps([
      row({ id: 'z' }),
      { id: '', status: '', weight: '' },
      row({ id: 'a' }),
    ]);
    expect(reps.map((r) => r.id)).toEqual(['z', 'a']);
  });

  it('names the row, column and value of a bad cell', () => {
    const error = thrown(() => parseReps([row(), row({ id: 'bo', weight: '1.5' })]));
    expect(error.code).toBe('BAD_REP_TABLE');
    expect(error.message).toBe(
      'rep table, row 2, column "weight": weight must be a whole number from 0 to 1000000 ' +
        '(scale fractional weights: 1.5 and 1 become 3 and 2); got "1.5"',
    );
    expect([error.row, error.column, error.value]).toEqual([2, 'weight', '1.5']);
  });

  it('uses the file name and source lines when given', () => {
    const error = thrown(() =>
      parseReps([row({ status: 'away' })], { source: 'reps.csv', lines: [7] }),
    );
    expect(error.message).toBe(
      'reps.csv, line 7, column "status": status must be one of active, inactive, ' +
        'out_of_office; got "away"',
    );
    expect(error.row).toBe(7);
  });

  it('rejects bad capacities, dates and date order', () => {
    expect(thrown(() => parseReps([row({ capacity: '-1' })])).column).toBe('capacity');
    const date = thrown(() => parseReps([row({ out_from: '06/05/2024' })]));
    expect(date.message).toMatch(
      /column "out_from": out_from must be an ISO 8601 date .*got "06\/05\/2024"/,
    );
    expect(thrown(() => parseReps([row({ out_until: '2024-02-30' })])).column).toBe('out_until');
    const order = thrown(() =>
      parseReps([row({ out_from: '2024-05-10', out_until: '2024-05-09' })]),
    );
    expect(order.message).toMatch(
      /out_until must be after out_from \(2024-05-10\); got "2024-05-09"/,
    );
  });

  it('accepts a one-day absence (out_from and out_until the same date)', () => {
    const [rep] = parseReps([row({ out_from: '2024-05-10', out_until: '2024-05-10' })]);
    expect((rep.outUntil as number) - (rep.outFrom as number)).toBe(86_400_000);
  });

  it('places territory errors at the row, and reads plain values with a territory field', () => {
    const error = thrown(() => parseReps([row({ territory: 'EMEA' })]));
    expect(error.message).toMatch(
      /^rep table, row 1, column "territory": bad territory: "EMEA" names no field/,
    );
    const [rep] = parseReps([row({ territory: 'EMEA|APAC' })], { territoryField: 'region' });
    expect(rep.territory.conditions).toEqual([{ field: 'region', values: ['emea', 'apac'] }]);
  });

  it('rejects missing ids and duplicate ids, naming the first use', () => {
    expect(thrown(() => parseReps([row({ id: '', name: 'x' })])).message).toMatch(
      /every rep needs an id/,
    );
    const error = thrown(() => parseReps([row(), row({ weight: 1 })]));
    expect(error.code).toBe('DUPLICATE_REP');
    expect(error.message).toBe(
      'rep table, row 2, column "id": the id is already used (rep table, row 1); got "ana"',
    );
  });

  it('rejects a table without a required column, listing what it found', () => {
    const error = thrown(() => parseReps([{ id: 'ana', status: 'active', wieght: '1' }]));
    expect(error.code).toBe('MISSING_COLUMN');
    expect(error.message).toBe(
      'rep table has no column "weight"; required columns: id, status, weight; ' +
        'columns found: id, status, wieght',
    );
  });

  it('rejects two columns that mean the same, and an empty table', () => {
    expect(thrown(() => parseReps([{ ...row(), 'Out From': '', out_from: '' }])).message).toMatch(
      /two columns for "out_from"/,
    );
    expect(thrown(() => parseReps([])).code).toBe('EMPTY_REP_TABLE');
  });

  it('does not read a header-less empty column as one of its own', () => {
    // X Education style: a trailing comma gives a column named ''.
    expect(parseReps([{ ...row(), '': 'x' }])[0].name).toBe('ana');
  });
});
