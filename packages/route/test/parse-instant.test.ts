import { describe, expect, it } from 'vitest';
import { parseInstant } from '../src/index.js';

// Reference values: int(datetime.fromisoformat(text).timestamp() * 1000) in /usr/bin/python3,
// with the offset written out (+00:00 where the text has none).
describe('parseInstant', () => {
  it('reads a date as the start, or the exclusive end, of its UTC day', () => {
    expect(parseInstant('2024-05-10')).toBe(1715299200000);
    expect(parseInstant(' 2024-05-10 ', 'end')).toBe(1715385600000);
  });

  it('reads date-times with an offset, Z, or none (UTC)', () => {
    expect(parseInstant('2024-05-10T09:30+02:00')).toBe(1715326200000);
    expect(parseInstant('2024-05-10T12:00:00-0530')).toBe(1715362200000);
    expect(parseInstant('2024-02-29T23:59:59.123Z')).toBe(1709251199123);
    expect(parseInstant('2024-02-29 23:59:59.123')).toBe(1709251199123);
    expect(parseInstant('2024-05-10T00:00', 'end')).toBe(1715299200000);
  });

  it('is NaN for anything else, impossible dates included', () => {
    for (const text of [
      '',
      'tomorrow',
      '10/05/2024',
      '2024-5-10',
      '2023-02-29',
      '2024-05-10T24:00',
      '2024-05-10T10:00+25:00',
      '1715299200000',
    ]) {
      expect(parseInstant(text), text).toBeNaN();
    }
  });
});
