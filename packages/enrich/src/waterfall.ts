/**
 * Providers composed as a waterfall: each is asked in turn, the first to fill a field keeps it,
 * and the record says who filled what. A failing provider costs only its own fields.
 */
import { FitgateError } from '@fitgate/core';
import type {
  EnrichCallOptions,
  EnrichedField,
  Enricher,
  EnrichmentInput,
  EnrichmentProvider,
  EnrichmentRecord,
  ProviderStep,
} from './enrichment-types.js';

/** Options of `waterfall`. */
export interface WaterfallOptions {
  /**
   * The fields wanted. Only these are kept, and the waterfall stops asking once all are filled.
   * @default every field any provider returns (every provider is asked)
   */
  fields?: readonly string[];
}

/**
 * An enricher that asks `providers` in order and keeps, for each field, the first non-empty value
 * (not null, undefined, NaN or blank text), with the provider that gave it.
 *
 * It never rejects: a provider that throws, rejects or is aborted is recorded as `failed` with the
 * reason, and the lead simply lacks the fields nobody filled (`qualify` then scores them as
 * missing, and returns REVIEW with "fit data missing" when a key attribute is among them).
 * Throws `BAD_OPTION` at composition when two providers share a name.
 *
 * @example
 * const enrich = waterfall([crmTable, vendorApi], { fields: ['industry', 'employees'] });
 * const record = await enrich({ email: 'jo@acme.com', domain: 'acme.com' });
 * record.fields.industry
 * // => { value: 'software', provider: 'crm', source: 'companies.csv line 4' }
 */
export function waterfall(
  providers: readonly EnrichmentProvider[],
  options: WaterfallOptions = {},
): Enricher {
  const names = providers.map((p) => p.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) {
    throw new FitgateError(
      'BAD_OPTION',
      `two enrichment providers are named "${duplicate}"; names must differ`,
    );
  }
  const wanted = options.fields === undefined ? null : new Set(options.fields);

  return async (input, call = {}) => {
    const fields: Record<string, EnrichedField> = Object.create(null);
    const steps: ProviderStep[] = [];
    for (const provider of providers) {
      // Stop asking once every wanted field is filled, or when the caller aborts.
      const done = wanted !== null && [...wanted].every((f) => f in fields);
      const aborted = call.signal?.aborted === true;
      if (done || aborted) {
        steps.push({
          provider: provider.name,
          outcome: 'skipped',
          fields: [],
          reason: done ? 'all fields filled' : 'aborted',
        });
        continue;
      }
      steps.push(await ask(provider, input, call, fields, wanted));
    }
    return { fields, steps } satisfies EnrichmentRecord;
  };
}

/** Asks one provider and keeps the fields it is first to fill. */
async function ask(
  provider: EnrichmentProvider,
  input: EnrichmentInput,
  call: EnrichCallOptions,
  fields: Record<string, EnrichedField>,
  wanted: ReadonlySet<string> | null,
): Promise<ProviderStep> {
  let result;
  try {
    result = await provider.enrich(input, call);
  } catch (error) {
    return { provider: provider.name, outcome: 'failed', fields: [], reason: describe(error) };
  }

  const filled: string[] = [];
  for (const [field, value] of Object.entries(result?.fields ?? {})) {
    if ((wanted !== null && !wanted.has(field)) || field in fields || isEmpty(value)) continue;
    fields[field] = { value, provider: provider.name, source: result?.source ?? null };
    filled.push(field);
  }
  return {
    provider: provider.name,
    outcome: filled.length > 0 ? 'filled' : 'empty',
    fields: filled,
    reason: null,
  };
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  return typeof value === 'string' && value.trim() === '';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
