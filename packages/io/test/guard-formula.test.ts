import { describe, expect, it } from 'vitest';

import { guardFormula } from '../src/index.js';

describe('guardFormula', () => {
  it.each([
    // Formula starts from the OWASP CSV Injection page: = + - @ tab CR.
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1+cmd', "'+1+cmd"],
    ['-1+2', "'-1+2"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    // NUL (ASVS 5.0 1.2.10) and the full-width forms.
    ['\0x', "'\0x"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
    // Text that only looks number-like is still guarded.
    ['-', "'-"],
    ['+1 555 0100', "'+1 555 0100"],
    ['-12,5', "'-12,5"],
    ['-1e5x', "'-1e5x"],
  ])('guards %j', (cell, guarded) => {
    expect(guardFormula(cell)).toBe(guarded);
  });

  it.each([['-12.5'], ['+3'], ['-0'], ['-1e5'], ['+.5'], ['-7.'], ['-2E-3']])(
    'leaves the plain number %j alone',
    (cell) => {
      expect(guardFormula(cell)).toBe(cell);
    },
  );

  it.each([[''], ['Acme = best'], ['a@b.c'], ['12'], ["'=already"], [' =1']])(
    'leaves %j alone (no formula character first)',
    (cell) => {
      expect(guardFormula(cell)).toBe(cell);
    },
  );
});
