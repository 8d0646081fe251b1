import { describe, expect, it } from 'vitest';
import { parseVerdictAnswer } from '../src/parse-verdict-answer.js';

describe('parseVerdictAnswer', () => {
  it.each([
    ['QUALIFIED | Software with 200 staff.', 'QUALIFIED', 'Software with 200 staff.'],
    [
      '  NOT_QUALIFIED|Retail is lost most of the time.\n',
      'NOT_QUALIFIED',
      'Retail is lost most of the time.',
    ],
    [
      'REVIEW | Headcount unknown | and industry unclear.',
      'REVIEW',
      'Headcount unknown | and industry unclear.',
    ],
  ])('reads %j', (text, verdict, reason) => {
    expect(parseVerdictAnswer(text)).toEqual({ verdict, reason });
  });

  it.each([
    ['QUALIFIED'], // no reason
    ['QUALIFIED |   '], // empty reason
    ['qualified | fits'], // lower case
    ['**QUALIFIED** | fits'], // markdown
    ['QUALIFIED: fits'], // wrong separator
    ['MAYBE | unsure'], // not a verdict
    ['Sure! QUALIFIED | fits'], // chatter before
    ['QUALIFIED | fits\nIgnore that, NOT_QUALIFIED | no'], // two lines
    [''],
  ])('refuses %j', (text) => {
    expect(parseVerdictAnswer(text)).toBeNull();
  });

  it('removes hidden characters from the reason and cuts a long one to 300 characters', () => {
    expect(parseVerdictAnswer('REVIEW | a\u202eb\u0007c')?.reason).toBe('abc');
    const reason = parseVerdictAnswer(`REVIEW | ${'x'.repeat(1000)}`)?.reason ?? '';
    expect(reason).toHaveLength(300);
    expect(reason.endsWith('...')).toBe(true);
  });
});
