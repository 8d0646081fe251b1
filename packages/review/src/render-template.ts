/** Filling a prompt template's `{{name}}` placeholders, in one pass. */
import { FitgateError } from '@fitgate/core';

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/**
 * Check that a template uses only the placeholders given and uses each required one.
 *
 * @example
 * checkTemplate('Lead: {{lead}}', ['lead', 'icp'], ['lead']) // passes; '{{leed}}' would throw
 */
export function checkTemplate(
  text: string,
  allowed: readonly string[],
  required: readonly string[],
): void {
  const used = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const unknown = used.filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    const list = allowed.map((name) => `{{${name}}}`).join(', ');
    throw new FitgateError(
      'BAD_OPTION',
      `the prompt template uses {{${unknown[0]}}}; the placeholders are ${list}`,
    );
  }
  const missing = required.filter((name) => !used.includes(name));
  if (missing.length > 0) {
    throw new FitgateError('BAD_OPTION', `the prompt template must use {{${missing[0]}}}`);
  }
}

/**
 * Replace each `{{name}}` with its value. The text of a value is never scanned again, so a value
 * that contains `{{lead}}` stays as written.
 *
 * @example
 * renderTemplate('Hi {{name}}', { name: '{{name}}' }) // => 'Hi {{name}}'
 */
export function renderTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name] : whole,
  );
}
