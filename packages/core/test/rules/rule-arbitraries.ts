/**
 * fast-check generators for the rule tests: random rule trees with a printer that writes them in
 * the grammar of `parseRule`, random leads full of awkward values, and token soup for the parser.
 */
import fc from 'fast-check';
import { RULE_KEYWORDS } from '../../src/rules/rule-syntax.js';
import type { RuleExpression, RuleValue } from '../../src/rules/rule-syntax.js';

/** Field names shared by the rule and lead generators, so rules read fields leads have. */
export const FIELD_NAMES = ['a', 'b', 'Lead Source', 'x.y', 'in', 'a`b\\c'] as const;

const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** A field as written in a rule: bare when it can be, else in backquotes with escapes. */
export function printField(name: string): string {
  if (BARE_NAME.test(name) && !RULE_KEYWORDS.has(name.toLowerCase())) return name;
  return `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;
}

/** Text as a rule literal: double quotes, with `\"` and `\\` escapes. */
export function printText(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function printValue(value: RuleValue): string {
  if (value.type === 'number') return value.text;
  if (value.type === 'string') return printText(value.value);
  return String(value.value);
}

/** Write a tree in the rule grammar; every compound child is parenthesised. */
export function printRule(expression: RuleExpression): string {
  const wrap = (item: RuleExpression): string => `(${printRule(item)})`;
  switch (expression.type) {
    case 'or':
      return expression.items.map(wrap).join(' or ');
    case 'and':
      return expression.items.map(wrap).join(' AND ');
    case 'not':
      return `not ${wrap(expression.item)}`;
    case 'compare':
      return `${printField(expression.field)} ${expression.op} ${printValue(expression.value)}`;
    case 'in': {
      const list = expression.values.map(printValue).join(', ');
      return `${printField(expression.field)} ${expression.negated ? 'NOT IN' : 'in'} (${list})`;
    }
    case 'missing':
      return `${printField(expression.field)} is ${expression.negated ? 'not ' : ''}missing`;
    case 'text':
      return `${printField(expression.field)} ${expression.op} ${printText(expression.text)}`;
  }
}

/** Numbers whose JavaScript text the tokenizer reads back exactly (no -0, no Infinity). */
const numberValue: fc.Arbitrary<RuleValue> = fc
  .oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
  .filter((n) => !Object.is(n, -0))
  .map((n) => ({ type: 'number', value: n, text: String(n) }));

/** Text literals: some that look like numbers or missing tokens, some arbitrary. */
const textLiteral = fc.oneof(
  fc.constantFrom('12', ' 12 ', '1,234.5', 'google', 'Google', '', 'NA', 'true', 'x"y', 'a\\b'),
  fc.string({ maxLength: 8 }),
);

const anyValue: fc.Arbitrary<RuleValue> = fc.oneof(
  numberValue,
  textLiteral.map((value) => ({ type: 'string' as const, value })),
  fc.boolean().map((value) => ({ type: 'boolean' as const, value })),
);

const fieldName = fc.constantFrom(...FIELD_NAMES);

/** `field in (...)` and `field not in (...)` conditions. */
export const inCondition = fc.record({
  type: fc.constant('in' as const),
  field: fieldName,
  values: fc.array(anyValue, { minLength: 1, maxLength: 4 }),
  negated: fc.boolean(),
});

const condition: fc.Arbitrary<RuleExpression> = fc.oneof(
  fc.record({
    type: fc.constant('compare' as const),
    field: fieldName,
    op: fc.constantFrom('=' as const, '!=' as const),
    value: anyValue,
  }),
  fc.record({
    type: fc.constant('compare' as const),
    field: fieldName,
    op: fc.constantFrom('<' as const, '<=' as const, '>' as const, '>=' as const),
    value: numberValue,
  }),
  inCondition,
  fc.record({ type: fc.constant('missing' as const), field: fieldName, negated: fc.boolean() }),
  fc.record({
    type: fc.constant('text' as const),
    field: fieldName,
    op: fc.constantFrom('contains' as const, 'starts with' as const, 'ends with' as const),
    text: textLiteral,
  }),
);

/** Random rule trees a few levels deep. */
export const ruleTree: fc.Arbitrary<RuleExpression> = fc.letrec<{ node: RuleExpression }>(
  (tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      condition,
      fc.record({
        type: fc.constantFrom('and' as const, 'or' as const),
        items: fc.array(tie('node'), { minLength: 2, maxLength: 3 }),
      }),
      fc.record({ type: fc.constant('not' as const), item: tie('node') }),
    ),
  }),
).node;

/**
 * An object whose every read of a named property throws. Symbol keys answer quietly, so that
 * fast-check itself (which looks for a symbol-keyed clone method) can carry it.
 */
export function hostileProxy(): object {
  const fail = (): never => {
    throw new Error('hostile');
  };
  return new Proxy(
    {},
    {
      get: (_target, key) => (typeof key === 'symbol' ? undefined : fail()),
      has: (_target, key) => (typeof key === 'symbol' ? false : fail()),
      getOwnPropertyDescriptor: fail,
      getPrototypeOf: fail,
      ownKeys: fail,
    },
  );
}

/** Cell values of every awkward kind a lead may hold. */
export const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('12', '9', ' 12.0 ', '1,234.5', 'google', ' Google ', '', '  ', 'NA', 'null'),
  fc.constantFrom('true', 'FALSE', 'x"y', 'a\\b', '1e400', 'Infinity', '-0', '\u0000', '\u00e9'),
  fc.string({ maxLength: 8 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(null, undefined, Symbol('s'), () => 1, [1, 2], { toString: null }),
  fc.constant(hostileProxy()),
  fc.anything(),
);

/** A lead: some of the fields, some values awkward, sometimes a getter that throws. */
export const lead: fc.Arbitrary<unknown> = fc.oneof(
  fc.dictionary(fieldName, cellValue, { maxKeys: FIELD_NAMES.length }),
  fc.dictionary(fieldName, cellValue).map((values) => {
    Object.defineProperty(values, 'a', {
      enumerable: true,
      get: () => {
        throw new Error('getter');
      },
    });
    return values;
  }),
  fc.constantFrom(null, undefined, 42, 'text', [], hostileProxy(), Object.create(null)),
);

/** Pieces of rule text, glued together at random: mostly malformed rules. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(
      'a',
      '`Lead Source`',
      '`',
      '"',
      '\\',
      '"x"',
      '12',
      '-3.5',
      '.',
      'e',
      '1e',
      '=',
      '!=',
      '!',
      '<',
      '>=',
      '==',
      '(',
      ')',
      ',',
      'in',
      'not',
      'is',
      'missing',
      'contains',
      'starts',
      'ends',
      'with',
      'and',
      'or',
      'true',
      'FALSE',
      "'",
      '\n',
      '\u00e9',
    ),
    { maxLength: 20 },
  )
  .chain((parts) => fc.constantFrom(parts.join(' '), parts.join('')));
