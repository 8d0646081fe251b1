/**
 * The shapes enrichment works with: what is known about a lead, what a provider returns, and the
 * record of who filled which field.
 */

/** What is known about a lead before enrichment. Providers use what they can. */
export interface EnrichmentInput {
  /** The lead's email address as given. */
  email?: string | null;
  /**
   * The company's registrable domain ("acme.com"); null when unknown or when the address is a
   * free-mail or disposable one (see `identifyLead`).
   */
  domain?: string | null;
  /** The company's name as given. */
  companyName?: string | null;
}

/** What a provider found: field name to value, and where it came from. */
export interface ProviderResult {
  fields: Readonly<Record<string, unknown>>;
  /** Where the values came from, for the record: "companies.csv line 12", a URL. */
  source?: string;
}

/** Options a caller passes to one enrichment call. */
export interface EnrichCallOptions {
  /** Aborts the call (the waterfall stops asking providers). */
  signal?: AbortSignal;
}

/**
 * A source of firmographic fields. `enrich` returns what it found, or null when it found
 * nothing; it may throw or reject when it fails, and the waterfall records the failure.
 */
export interface EnrichmentProvider {
  /** A short name, recorded as the provenance of every field it fills. */
  readonly name: string;
  enrich(input: EnrichmentInput, options?: EnrichCallOptions): Promise<ProviderResult | null>;
}

/** One filled field and its provenance. */
export interface EnrichedField {
  value: unknown;
  /** The name of the provider that filled it. */
  provider: string;
  /** The provider's `source`, or null. */
  source: string | null;
}

/** What one provider did for one lead. */
export interface ProviderStep {
  provider: string;
  /** `filled`: gave at least one new field; `empty`: nothing new; `failed`: threw or timed out. */
  outcome: 'filled' | 'empty' | 'failed' | 'skipped';
  /** The fields this provider filled (first come, first kept). */
  fields: string[];
  /** Why it failed or was skipped; null otherwise. */
  reason: string | null;
}

/** The result of enriching one lead. */
export interface EnrichmentRecord {
  /** Each filled field (a null-prototype record): its value and who filled it. */
  fields: Record<string, EnrichedField>;
  /** Every provider, in order, with what it did. */
  steps: ProviderStep[];
}

/** A composed enrichment: one lead in, the record of what was filled out. Never rejects. */
export type Enricher = (
  input: EnrichmentInput,
  options?: EnrichCallOptions,
) => Promise<EnrichmentRecord>;
