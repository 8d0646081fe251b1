import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FitgateError } from '../../src/errors.js';
import { missingTokenSet } from '../../src/missing-tokens.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { ruleAction } from '../../src/rules/rule-action.js';
import type { Rule } from '../../src/rules/rule-set.js';
import { lead, printRule, ruleTree } from './rule-arbitraries.js';

const parsing = { missingTokens: missingTokenSet(), decimal: '.' } as const;

const india: Rule = {
  id: 'india-only',
  kind: 'knockout',
  when: 'Country not in ("India")',
  reason: 'we sell in India only',
};
const bigEnough: Rule = {
  id: 'ten-plus',
  kind: 'must_have',
  when: 'employees >= 10',
  reason: 'we sell to teams of ten or more',
};
const ringing: Rule = {
  id: 'ringing',
  kind: 'hold',
  when: 'Tags contains "ringing"',
  reason: 'the phone was not answered; check by hand',
};

describe('ruleAction', () => {
  it('follows the documented table for every kind and truth', () => {
    const table = (['knockout', 'must_have', 'hold'] as const).map((kind) =>
      [true, false, null].map((truth) => ruleAction(kind, truth)),
    );
    expect(table).toEqual([
      ['knockout', 'none', 'none'],
      ['none', 'knockout', 'hold'],
      ['hold', 'none', 'none'],
    ]);
  });
});

describe('compileRules', () => {
  const check = compileRules([india, bigEnough, ringing], parsing);

  it('does nothing to a lead that passes every rule', () => {
    expect(check({ Country: 'India', employees: '12', Tags: 'Busy' })).toEqual({
      action: 'none',
      fired: [],
    });
  });

  it('knocks out on a knock-out rule that is true, with its reason', () => {
    expect(check({ Country: 'Qatar', employees: '12' })).toEqual({
      action: 'knockout',
      fired: [
        {
          id: 'india-only',
          kind: 'knockout',
          action: 'knockout',
          reason: 'we sell in India only',
          message: 'knocked out by rule "india-only": we sell in India only',
        },
      ],
    });
  });

  it('does not knock out when the knock-out cannot be checked (no country)', () => {
    expect(check({ employees: '12' }).action).toBe('none');
    expect(check({ Country: '  ', employees: '12' }).action).toBe('none');
  });

  it('knocks out on a must-have that is false', () => {
    expect(check({ Country: 'India', employees: '9' }).fired).toEqual([
      {
        id: 'ten-plus',
        kind: 'must_have',
        action: 'knockout',
        reason: 'we sell to teams of ten or more',
        message: 'knocked out by must-have "ten-plus": we sell to teams of ten or more',
      },
    ]);
  });

  it('holds a lead whose must-have cannot be checked, saying which field is the problem', () => {
    const missing = check({ Country: 'India' });
    expect(missing.action).toBe('hold');
    expect(missing.fired[0].message).toBe(
      'cannot check must-have "ten-plus" (employees is missing): we sell to teams of ten or more',
    );
    const notNumber = check({ Country: 'India', employees: '10-50' });
    expect(notNumber.fired[0].message).toContain('(employees is not a number)');
    const object = check({ Country: 'India', employees: { n: 12 } });
    expect(object.fired[0].message).toContain('(employees is not a plain value)');
  });

  it('names only the fields that made a must-have unknown, not those under is missing', () => {
    const rule: Rule = {
      id: 'site-or-size',
      kind: 'must_have',
      when: 'website is not missing or employees >= 10',
      reason: 'a site or a size',
    };
    const outcome = compileRules([rule], parsing)({ website: 'NA' });
    expect(outcome.fired[0].message).toBe(
      'cannot check must-have "site-or-size" (employees is missing): a site or a size',
    );
  });

  it('holds on a hold rule that is true, and not when it cannot be checked', () => {
    const held = check({ Country: 'India', employees: 12, Tags: 'Ringing' });
    expect(held.action).toBe('hold');
    expect(held.fired.map((f) => f.message)).toEqual([
      'held for review by rule "ringing": the phone was not answered; check by hand',
    ]);
    expect(check({ Country: 'India', employees: 12, Tags: '' }).action).toBe('none');
  });

  it('lets a knock-out win over a hold, and still lists both in order', () => {
    const outcome = check({ Country: 'Qatar', Tags: 'ringing' });
    expect(outcome.action).toBe('knockout');
    expect(outcome.fired.map((f) => [f.id, f.action])).toEqual([
      ['india-only', 'knockout'],
      ['ten-plus', 'hold'],
      ['ringing', 'hold'],
    ]);
  });

  it('with no rules, never fires', () => {
    expect(compileRules([], parsing)({ anything: 1 })).toEqual({ action: 'none', fired: [] });
  });

  it('refuses a rule list that is not valid, naming the rule', () => {
    const bad = { ...india, when: 'Country not in ("India"' };
    expect(() => compileRules([bad], parsing)).toThrow(FitgateError);
    expect(() => compileRules([bad], parsing)).toThrow(
      /^cannot parse rule "india-only" at column 24: expected "," or "\)"/,
    );
    expect(() => compileRules([india, india], parsing)).toThrow(/used by an earlier rule/);
    expect(() => compileRules([{ ...india, kind: 'block' }], parsing)).toThrow(/rules\[0\]\.kind/);
    expect(() => compileRules({ not: 'a list' }, parsing)).toThrow(/invalid rules/);
  });

  it('never throws on any lead, and its action follows the rules that fired', () => {
    const kinds = fc.constantFrom('knockout' as const, 'must_have' as const, 'hold' as const);
    const rules = fc.array(fc.tuple(ruleTree, kinds), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(rules, lead, (drawn, values) => {
        const set = drawn.map(([tree, kind], i) => ({
          id: `r${i}`,
          kind,
          when: printRule(tree),
          reason: 'because',
        }));
        const outcome = compileRules(set, parsing)(values);
        const actions = outcome.fired.map((f) => f.action);
        const expected = actions.includes('knockout')
          ? 'knockout'
          : actions.includes('hold')
            ? 'hold'
            : 'none';
        expect(outcome.action).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
