/**
 * @fitgate/normalize: messy firmographic fields to the team's own definitions. Industries to a
 * taxonomy, headcount and revenue to bands, titles to seniority and department, email addresses
 * to company domains, countries to ISO codes; and the normaliser specs that an ICP definition
 * declares so that derive and qualify apply the same mapping.
 */

// Industries.
export { DEFAULT_INDUSTRY_TAXONOMY } from './default-industry-taxonomy.js';
export { industryTaxonomy, type IndustryTaxonomy } from './industry-taxonomy.js';
export { industryNormalizer, type IndustryNormalizerOptions } from './industry-normalizer.js';
export { normalizeIndustry } from './normalize-industry.js';

// Headcount and revenue.
export { headcountNormalizer, type HeadcountNormalizerOptions } from './headcount-normalizer.js';
export { revenueNormalizer, type RevenueNormalizerOptions } from './revenue-normalizer.js';

// Titles.
export { DEFAULT_TITLE_RULES } from './default-title-rules.js';
export { titleNormalizer, type TitleNormalizerOptions } from './title-normalizer.js';
export { classifyTitle } from './classify-title.js';

// Email addresses and websites.
export { emailDomain, MAX_EMAIL_LENGTH, type EmailDomain } from './email-domain.js';
export { websiteDomain, MAX_WEBSITE_LENGTH } from './website-domain.js';
export { sameDomain } from './same-domain.js';
export { MAX_DOMAIN_LENGTH } from './host-domain.js';

// Countries.
export { COUNTRY_LOCALES, type CountryLocale } from './country-aliases.js';
export { countryNormalizer, type CountryNormalizerOptions } from './country-normalizer.js';
export { countryCode, type CountryMatch } from './country-code.js';

// Specs and reports.
export {
  normalizerFor,
  NORMALIZER_KINDS,
  type BuildableKind,
  type NormalizerForOptions,
} from './normalizer-for.js';
export { formatMappingReport, type FormatMappingReportOptions } from './format-mapping-report.js';

// The interpreter in @fitgate/core, for convenience: one implementation, shared.
export {
  canonicalText,
  compileNormalizers,
  normalizeColumn,
  parseRange,
  HEADCOUNT_BANDS,
  REVENUE_BANDS,
  UNMAPPED_PREFIX,
  type CategoryMatch,
  type MappingReport,
  type MappingReportEntry,
  type NormalizerSpec,
  type RangeResult,
  type SizeBand,
  type TitleMatch,
  type TitleRules,
} from '@fitgate/core';
