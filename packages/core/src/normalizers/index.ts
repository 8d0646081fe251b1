/** Normalisers as data in the ICP definition, and the pure interpreter that applies them. */
export * from './band-of-range.js';
export * from './canonical-text.js';
export * from './compile-category-matcher.js';
export { compileNormalizers, type NormalizeOptions } from './compile-normalizers.js';
export * from './compile-title-classifier.js';
export * from './normalize-column.js';
export * from './normalizer-spec.js';
export * from './output-columns.js';
export * from './parse-normalizer-specs.js';
export * from './parse-range.js';
export * from './range-midpoint.js';
export { HEADCOUNT_BANDS, REVENUE_BANDS, type SizeBand } from './size-bands.js';
export * from './text-similarity.js';
