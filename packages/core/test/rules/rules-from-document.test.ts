import { describe, expect, it } from 'vitest';
import { FitgateError } from '../../src/errors.js';
import { checkRules, parseRuleSet } from '../../src/rules/parse-rule-set.js';
import { ruleSetSchema } from '../../src/rules/rule-set.js';
import { rulesFromDocument } from '../../src/rules/rules-from-document.js';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FitgateError);
    expect((error as FitgateError).code).toBe('BAD_RULE');
    return (error as FitgateError).message;
  }
  throw new Error('expected BAD_RULE');
}

describe('rulesFromDocument', () => {
  it('flattens the sections in checking order and numbers default ids per section', () => {
    const rules = rulesFromDocument({
      holds: [{ when: 'Tags contains "ringing"', reason: 'check by hand' }],
      must_haves: [
        { when: '`Lead Origin` is not missing', reason: 'needs an origin' },
        { when: 'TotalVisits >= 1', reason: 'visited at least once', id: 'visited' },
        { when: 'Country is not missing', reason: 'needs a country' },
      ],
      knockouts: [{ when: 'Country not in ("India")', reason: 'India only' }],
    });
    expect(rules).toEqual([
      {
        id: 'knockout-1',
        kind: 'knockout',
        when: 'Country not in ("India")',
        reason: 'India only',
      },
      {
        id: 'must-have-1',
        kind: 'must_have',
        when: '`Lead Origin` is not missing',
        reason: 'needs an origin',
      },
      {
        id: 'visited',
        kind: 'must_have',
        when: 'TotalVisits >= 1',
        reason: 'visited at least once',
      },
      {
        id: 'must-have-3',
        kind: 'must_have',
        when: 'Country is not missing',
        reason: 'needs a country',
      },
      { id: 'hold-1', kind: 'hold', when: 'Tags contains "ringing"', reason: 'check by hand' },
    ]);
    // What it returns is what a definition stores.
    expect(ruleSetSchema.safeParse(rules).success).toBe(true);
  });

  it('reads an empty file as no rules', () => {
    expect(rulesFromDocument(null)).toEqual([]);
    expect(rulesFromDocument(undefined)).toEqual([]);
    expect(rulesFromDocument({})).toEqual([]);
  });

  it('names the rule and the position of a rule that does not parse', () => {
    const message = messageOf(() =>
      rulesFromDocument({
        knockouts: [
          { when: 'a = 1', reason: 'fine' },
          { when: 'country in ("US", )', reason: 'broken' },
        ],
      }),
    );
    expect(message.split('\n')[0]).toBe(
      'cannot parse rule "knockout-2" at column 19: expected a value (a number, "text" in double ' +
        'quotes, true or false), got ")"',
    );
  });

  it('refuses a misspelt section instead of dropping its rules', () => {
    const message = messageOf(() =>
      rulesFromDocument({ knockout: [{ when: 'a = 1', reason: 'x' }] }),
    );
    expect(message).toContain('the top level: Unrecognized key');
    expect(message).toContain('knockouts, must_haves and holds');
  });

  it('names the place in the file of a malformed entry', () => {
    expect(messageOf(() => rulesFromDocument({ must_haves: [{ when: 'a = 1' }] }))).toContain(
      'must_haves[0].reason',
    );
    expect(
      messageOf(() => rulesFromDocument({ holds: [{ when: 'a = 1', reason: 'x', note: 'y' }] })),
    ).toContain('holds[0]: Unrecognized key: "note"');
    expect(messageOf(() => rulesFromDocument(['a = 1']))).toContain('invalid rules file');
  });

  it('refuses duplicate ids, blank reasons and bad ids', () => {
    const twice = {
      knockouts: [{ when: 'a = 1', reason: 'x', id: 'hold-1' }],
      holds: [{ when: 'b = 1', reason: 'y' }],
    };
    expect(messageOf(() => rulesFromDocument(twice))).toContain(
      '"hold-1" is used by an earlier rule',
    );
    expect(
      messageOf(() => rulesFromDocument({ holds: [{ when: 'b = 1', reason: '  ' }] })),
    ).toContain('a reason cannot be blank');
    expect(
      messageOf(() => rulesFromDocument({ holds: [{ when: 'b = 1', reason: 'x', id: 'a b' }] })),
    ).toContain('rules[0].id');
  });
});

describe('parseRuleSet and checkRules', () => {
  const stored = [
    { id: 'edu', kind: 'knockout', when: 'email ends with ".edu"', reason: 'students' },
  ];

  it('parses each rule and keeps the rest as stored', () => {
    const [rule] = parseRuleSet(stored);
    expect(rule).toMatchObject(stored[0]);
    expect(rule.expression).toEqual({
      type: 'text',
      field: 'email',
      op: 'ends with',
      text: '.edu',
    });
  });

  it('checkRules returns plain copies with no parsed tree', () => {
    const checked = checkRules(stored);
    expect(checked).toEqual(stored);
    expect(checked[0]).not.toBe(stored[0]);
  });

  it('lists at most five schema problems and counts the rest', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({
      id: `r${i}`,
      kind: 'nope',
      when: 'a = 1',
      reason: 'x',
    }));
    expect(messageOf(() => parseRuleSet(many))).toMatch(/rules\[4\]\.kind.*\(and 3 more\)$/);
  });
});
