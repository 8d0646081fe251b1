/**
 * `fitgate suggest-mappings`: ask the model endpoint where each industry value the taxonomy left
 * unmapped belongs, and write the suggestions for the team to approve. Nothing is applied: the
 * team copies the aliases it agrees with into its taxonomy file.
 */
import { isMissing, missingTokenSet } from '@fitgate/core';
import { writeTextFile } from '@fitgate/io';
import { industryTaxonomy, normalizeIndustry } from '@fitgate/normalize';
import { mappingSuggestionsDocument, openAiChatProvider, suggestMappings } from '@fitgate/review';
import { stringify } from 'yaml';
import { LLM_ENV } from '../adjudicate-table.js';
import { list, numberOption, onePositional, parseCommandArgs, required } from '../args.js';
import type { CliContext, Command } from '../context.js';
import { UsageError } from '../errors.js';
import { readDocument } from '../read-document.js';
import { delimiterOption, readInput } from '../read-input.js';

const usage = `usage: fitgate suggest-mappings FILE --column COL --out SUGGESTIONS.yaml
    [--taxonomy TAXONOMY.yaml] [--missing TOKEN,...] [--delimiter ,|;|tab|pipe]
    [--llm-url URL --llm-model NAME] [--llm-budget N] [--llm-concurrency N] [--llm-timeout MS]

Finds the values of COL that the industry taxonomy (the default one, or --taxonomy) leaves
unmapped, asks the model endpoint (flags, or ${LLM_ENV.url}, ${LLM_ENV.model}, ${LLM_ENV.key})
which industry each belongs to, and writes the suggestions. Nothing is applied.`;

const options = {
  column: { type: 'string' },
  out: { type: 'string' },
  taxonomy: { type: 'string' },
  missing: { type: 'string' },
  delimiter: { type: 'string' },
  'llm-url': { type: 'string' },
  'llm-model': { type: 'string' },
  'llm-budget': { type: 'string' },
  'llm-concurrency': { type: 'string' },
  'llm-timeout': { type: 'string' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

/** The endpoint from the flags or the environment, or a usage error saying what is missing. */
function provider(values: Values, ctx: CliContext) {
  const url = values['llm-url'] ?? ctx.env[LLM_ENV.url];
  const model = values['llm-model'] ?? ctx.env[LLM_ENV.model];
  if (!url || !model) {
    throw new UsageError(
      `suggest-mappings needs a model endpoint: --llm-url or ${LLM_ENV.url}, and --llm-model ` +
        `or ${LLM_ENV.model}`,
    );
  }
  const key = ctx.env[LLM_ENV.key];
  try {
    return openAiChatProvider(key ? { url, model, key } : { url, model });
  } catch (error) {
    throw new UsageError(`--llm-url: ${(error as Error).message}`);
  }
}

export const suggestMappingsCommand: Command = {
  name: 'suggest-mappings',
  summary: 'ask the model where unmapped industry values belong (for the team to approve)',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, options, usage);
    const path = onePositional(positionals, 'file', usage);
    const column = required(values.column, 'column', usage);
    const out = required(values.out, 'out', usage);
    const chat = provider(values, ctx);
    const taxonomy = industryTaxonomy(
      values.taxonomy === undefined ? undefined : await readDocument(values.taxonomy),
    );

    // The distinct values the taxonomy leaves unmapped.
    const table = await readInput(path, ctx, delimiterOption(values.delimiter));
    const at = table.columns.indexOf(column);
    if (at < 0) throw new UsageError(`${path} has no column "${column}"`);
    const missing = missingTokenSet(list(values.missing) ?? []);
    const distinct = [...new Set(table.data[at].filter((v) => !isMissing(v, missing)))];
    const unmapped = distinct.filter((v) => normalizeIndustry(v, taxonomy).label === null);

    // Ask, then write the suggestions for review.
    const { suggestions, usage: cost } = await suggestMappings(
      unmapped,
      Object.keys(taxonomy.aliases),
      chat,
      {
        budget: numberOption(values['llm-budget'], 'llm-budget'),
        concurrency: numberOption(values['llm-concurrency'], 'llm-concurrency'),
        timeoutMs: numberOption(values['llm-timeout'], 'llm-timeout'),
      },
    );
    await writeTextFile(out, stringify(mappingSuggestionsDocument(suggestions)));
    const suggested = suggestions.filter((s) => s.status === 'suggested').length;
    ctx.stdout(
      `${distinct.length} distinct values of ${column}, ${unmapped.length} unmapped; ` +
        `${suggested} suggestions from ${cost.calls} calls\nwrote ${out} (nothing applied)\n`,
    );
    return 0;
  },
};
