import { describe, expect, it } from 'vitest';

import { IoError, detectDelimiter } from '../src/index.js';

describe('detectDelimiter', () => {
  it('returns the one candidate that splits the header', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
  });

  it('ignores a delimiter inside a quoted header name', () => {
    expect(detectDelimiter('"amount, USD";stage\n5;won\n')).toBe(';');
  });

  it('returns "," (or the preferred delimiter) for a one-column file', () => {
    expect(detectDelimiter('email\na@b.c\n')).toBe(',');
    expect(detectDelimiter('email\na@b.c\n', { preferred: '\t' })).toBe('\t');
  });

  it('breaks a tie with the records after the header', () => {
    // ";" splits the header in two but every record into one field; "," splits both in two.
    expect(detectDelimiter('id,Amount; USD\n1,5\n2,7\n')).toBe(',');
  });

  it('breaks a remaining tie with the preferred delimiter, else asks for --delimiter', () => {
    const text = 'a,b\tc\n1,2\t3\n';
    expect(detectDelimiter(text, { preferred: '\t' })).toBe('\t');
    let error: unknown;
    try {
      detectDelimiter(text, { source: 'leads.tsv' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IoError);
    expect((error as IoError).code).toBe('AMBIGUOUS_DELIMITER');
    expect((error as IoError).message).toBe(
      'leads.tsv: cannot tell the delimiter; the header splits on ",", tab. ' +
        'Pass --delimiter (one of , ; tab |).',
    );
  });

  it('counts a last line without a line break only when the sample is complete', () => {
    // Without its data line the tie cannot be broken; with it, "," is consistent and ";" is not.
    expect(() => detectDelimiter('id,Amount; USD\n1,5')).toThrow(IoError);
    expect(detectDelimiter('id,Amount; USD\n1,5', { complete: true })).toBe(',');
  });
});
