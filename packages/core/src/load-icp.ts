/**
 * Loading a stored ICP definition: check its schema version first (a newer one gets a clear
 * "upgrade" message), then the whole schema, then that its content still matches its version.
 */
import { definitionVersion } from './definition-version.js';
import { FitgateError } from './errors.js';
import { icpDefinitionSchema, SCHEMA_VERSION, type IcpDefinition } from './schema.js';

export interface LoadOptions {
  /** Accept a definition edited by hand after it was derived, and give it a new version.
   * @default false */
  allowEdited?: boolean;
}

function parseText(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new FitgateError(
      'INVALID_DEFINITION',
      `the ICP definition is not valid JSON: ${(error as Error).message}`,
    );
  }
}

function checkVersion(doc: unknown): void {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new FitgateError('INVALID_DEFINITION', 'the ICP definition must be a JSON object');
  }
  const version = (doc as { schemaVersion?: unknown }).schemaVersion;
  if (version === SCHEMA_VERSION) return;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new FitgateError(
      'UNSUPPORTED_SCHEMA_VERSION',
      `the ICP definition has schemaVersion ${version}, newer than this fitgate reads ` +
        `(${SCHEMA_VERSION}); upgrade fitgate to read it`,
    );
  }
  throw new FitgateError(
    'UNSUPPORTED_SCHEMA_VERSION',
    `the ICP definition has schemaVersion ${JSON.stringify(version)}; this fitgate reads ` +
      `schemaVersion ${SCHEMA_VERSION} (re-derive it with this version)`,
  );
}

/**
 * Validate and return a stored definition (a parsed object or JSON text).
 *
 * @throws FitgateError `UNSUPPORTED_SCHEMA_VERSION` or `INVALID_DEFINITION`, saying what is wrong.
 */
export function loadIcp(json: unknown, options: LoadOptions = {}): IcpDefinition {
  const doc = typeof json === 'string' ? parseText(json) : json;
  checkVersion(doc);

  // The whole schema.
  const parsed = icpDefinitionSchema.safeParse(doc);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 8)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new FitgateError('INVALID_DEFINITION', `invalid ICP definition: ${problems.join('; ')}`);
  }

  // The content must still be what was derived.
  const definition = parsed.data as IcpDefinition;
  const expected = definitionVersion(definition);
  if (expected === definition.version) return definition;
  if (options.allowEdited) return { ...definition, version: expected };
  throw new FitgateError(
    'INVALID_DEFINITION',
    `the ICP definition was edited after it was derived: its version ${definition.version} does ` +
      `not match its content (${expected}); re-derive it, or load it with allowEdited`,
  );
}
