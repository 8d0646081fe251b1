import { describe, expect, it } from 'vitest';
import { parseAnswerLine } from '../src/parse-answer-line.js';

describe('parseAnswerLine', () => {
  it('splits at the first bar and trims both parts', () => {
    expect(parseAnswerLine(' Technology |  a typo of technology | surely ')).toEqual({
      head: 'Technology',
      reason: 'a typo of technology | surely',
    });
  });

  it('needs a head, a bar, a reason, and one line', () => {
    expect(parseAnswerLine('| reason')).toBeNull();
    expect(parseAnswerLine('Technology')).toBeNull();
    expect(parseAnswerLine('Technology |')).toBeNull();
    expect(parseAnswerLine('A | b\r\nC | d')).toBeNull();
    expect(parseAnswerLine('A | b\u2028C | d')).toBeNull();
  });
});
