import { describe, expect, it } from 'vitest';
import { checkTemplate, renderTemplate } from '../src/render-template.js';

describe('renderTemplate', () => {
  it('fills placeholders in one pass, never re-reading a value', () => {
    const text = renderTemplate('<a>{{x}}</a><b>{{y}}</b>', { x: '{{y}}', y: 'Y' });
    expect(text).toBe('<a>{{y}}</a><b>Y</b>');
  });

  it('leaves unknown placeholders as written', () => {
    expect(renderTemplate('{{x}} {{z}}', { x: '1' })).toBe('1 {{z}}');
  });
});

describe('checkTemplate', () => {
  it('rejects unknown placeholders, naming the allowed ones', () => {
    expect(() => checkTemplate('{{leed}}', ['lead', 'icp'], ['lead'])).toThrow(
      /uses \{\{leed\}\}; the placeholders are \{\{lead\}\}, \{\{icp\}\}/,
    );
  });

  it('rejects a template without a required placeholder', () => {
    expect(() => checkTemplate('{{icp}}', ['lead', 'icp'], ['lead'])).toThrow(
      /must use \{\{lead\}\}/,
    );
  });

  it('accepts a template with what it needs', () => {
    expect(() => checkTemplate('{{icp}} {{lead}}', ['lead', 'icp'], ['lead'])).not.toThrow();
  });
});
