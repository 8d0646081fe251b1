/**
 * The content version of a definition: a hash of everything that can change a score or a
 * verdict (parsing, attributes, model, scaling, calibration, cutoffs, declared rules and
 * normalisers). Two definitions that score every lead alike share a version.
 */
import { hashStrings } from './hash.js';
import type { IcpDefinition } from './schema.js';

/** JSON with object keys sorted, so equal content gives equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const body = keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as never)[k])}`);
    return `{${body.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * `icp-` followed by 16 hex digits.
 *
 * @example
 * definitionVersion(icp) // => 'icp-3f0c9a1b22d4e5f6'
 */
export function definitionVersion(definition: Omit<IcpDefinition, 'version'>): string {
  const scoring = {
    schemaVersion: definition.schemaVersion,
    parsing: definition.parsing,
    attributes: definition.attributes,
    model: definition.model,
    scaling: definition.scaling,
    calibration: definition.calibration,
    cutoffs: definition.cutoffs,
    warnings: definition.diagnostics.warnings.map((w) => w.code),
    intent: definition.intent ?? null,
    rules: definition.rules ?? null,
    normalizers: definition.normalizers ?? null,
  };
  return `icp-${hashStrings([stableJson(scoring)])}`;
}
