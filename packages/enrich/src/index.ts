/**
 * @fitgate/enrich: fill a lead's firmographic fields from what its email address says, a lookup
 * table and HTTP services, each field with its provenance. Enrichment never blocks the gate: what
 * nobody fills stays missing, and qualify sends such a lead to REVIEW.
 */
export type {
  EnrichCallOptions,
  EnrichedField,
  Enricher,
  EnrichmentInput,
  EnrichmentProvider,
  EnrichmentRecord,
  ProviderResult,
  ProviderStep,
} from './enrichment-types.js';
export { waterfall, type WaterfallOptions } from './waterfall.js';
export { identifyLead, type LeadContact, type LeadIdentity } from './identify-lead.js';
export {
  lookupTableProvider,
  type LookupTable,
  type LookupTableOptions,
  type LookupTableProvider,
  type LookupTableStats,
} from './lookup-table-provider.js';
export { readLookupTable } from './read-lookup-table.js';
export { httpJsonProvider, type HttpJsonProviderOptions } from './http-json-provider.js';
