/**
 * Reading declared intent signals from a document (parsed YAML or JSON): a list of signals, or
 * `{ signals: [...] }`. Each is checked against the schema; errors name the signal and the field.
 */
import { z } from 'zod';
import { FitgateError } from './errors.js';
import { intentSignalSchema, type IntentSignal } from './schema.js';

const documentSchema = z.union([
  z.array(intentSignalSchema),
  z.object({ signals: z.array(intentSignalSchema) }),
]);

/**
 * @example
 * intentSignalsFromDocument([{ column: 'demo_request', kind: 'flag', points: 40, cap: 40 }])
 */
export function intentSignalsFromDocument(doc: unknown): IntentSignal[] {
  const parsed = documentSchema.safeParse(doc);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new FitgateError('BAD_OPTION', `invalid intent signals: ${problems.join('; ')}`);
  }
  const signals = Array.isArray(parsed.data) ? parsed.data : parsed.data.signals;
  for (const s of signals) {
    if (s.kind === 'date' && s.halfLifeDays === undefined) {
      throw new FitgateError(
        'BAD_OPTION',
        `intent signal ${s.column}: a date signal needs halfLifeDays`,
      );
    }
  }
  return signals;
}
