/**
 * `fitgate derive`: closed deals in, ICP definition out, with a short report on stdout.
 */
import {
  deriveIcp,
  intentSignalsFromDocument,
  rulesFromDocument,
  type DeriveOptions,
  type IcpDefinition,
  type MappingReport,
  type NormalizerSpec,
  type TrendOption,
} from '@fitgate/core';
import { joinTables, writeTextFile } from '@fitgate/io';
import { formatMappingReport, industryTaxonomy, normalizerFor } from '@fitgate/normalize';
import {
  list,
  numberOption,
  onePositional,
  pairs,
  parseCommandArgs,
  required,
  timeOption,
} from '../args.js';
import type { Command, CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { delimiterOption, readInput } from '../read-input.js';
import { objectiveOptions, objectivesFrom, objectiveUsage } from '../objective-args.js';
import { readDocument } from '../read-document.js';
import { briefText } from '../summary-text.js';

const usage = `usage: fitgate derive DEALS.csv --outcome COL --won V[,V] --lost V[,V] --out ICP.json
    [--accounts ACCOUNTS.csv --join COL] [--fit COL,...] [--exclude COL,...]
    [--missing TOKEN,...] [--special COL=V[,V]]...
    [--trend COL=ascending|descending|peak|valley|none]...
    [--numeric COL,...] [--categorical COL,...] [--time COL] [--weight COL] [--seed N]
    [--l2 X] [--keep-leakage [COL,...]] [--decimal ,] [--delimiter ,|;|tab|pipe]
    [--intent COL,...] [--intent-signals SIGNALS.yaml --at ISO] [--rules RULES.yaml]
    [--normalize COL=industry|headcount|revenue|title|country]... [--taxonomy TAXONOMY.yaml]
    [--revenue-scale N] [--mapping-report REPORT.md] [--calibration platt|isotonic|auto]
    [--key COL,...]
${objectiveUsage}
    [--created-at ISO] [--json]

Derives an ICP definition from closed-won and closed-lost deals and writes it to --out.
Rows whose outcome is neither won nor lost (open deals) are left out and counted.
--key names the attributes whose absence sends a lead to REVIEW (default: those whose points can
move the score by 20 or more and that were missing for under 5% of deals); any other blank field
scores by the bin history learned for missing values.`;

const options = {
  outcome: { type: 'string' },
  won: { type: 'string' },
  lost: { type: 'string' },
  out: { type: 'string' },
  accounts: { type: 'string' },
  join: { type: 'string' },
  fit: { type: 'string' },
  exclude: { type: 'string' },
  missing: { type: 'string' },
  special: { type: 'string', multiple: true },
  trend: { type: 'string', multiple: true },
  numeric: { type: 'string' },
  categorical: { type: 'string' },
  time: { type: 'string' },
  weight: { type: 'string' },
  seed: { type: 'string' },
  l2: { type: 'string' },
  'keep-leakage': { type: 'string' },
  decimal: { type: 'string' },
  delimiter: { type: 'string' },
  'created-at': { type: 'string' },
  json: { type: 'boolean' },
  intent: { type: 'string' },
  'intent-signals': { type: 'string' },
  at: { type: 'string' },
  rules: { type: 'string' },
  calibration: { type: 'string' },
  key: { type: 'string' },
  normalize: { type: 'string', multiple: true },
  taxonomy: { type: 'string' },
  'revenue-scale': { type: 'string' },
  'mapping-report': { type: 'string' },
  ...objectiveOptions,
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

const TRENDS = new Set(['ascending', 'descending', 'peak', 'valley', 'none', 'auto']);

function trends(values: string[] | undefined): Record<string, TrendOption> {
  const out: Record<string, TrendOption> = {};
  for (const [column, [trend]] of Object.entries(pairs(values, 'trend'))) {
    if (!TRENDS.has(trend)) throw new UsageError(`--trend ${column}=${trend}: unknown trend`);
    out[column] = trend as TrendOption;
  }
  return out;
}

function decimalOption(value: string | undefined): '.' | ',' | undefined {
  if (value === undefined || value === '.' || value === ',') return value;
  throw new UsageError(`--decimal takes . or ,; got "${value}"`);
}

/** `--keep-leakage` alone (read as `all`) keeps every suspect; with a list, those named. */
function keepLeakage(value: string | undefined): boolean | string[] {
  if (value === undefined) return false;
  return value === 'all' ? true : (list(value) ?? []);
}

function calibrationOption(value: string | undefined): DeriveOptions['calibration'] {
  if (value === undefined || value === 'platt' || value === 'isotonic' || value === 'auto') {
    return value;
  }
  throw new UsageError(`--calibration takes platt, isotonic or auto; got "${value}"`);
}

/** `--created-at` as an ISO time (checked), or now. */
function createdAt(value: string | undefined, ctx: CliContext): string {
  return timeOption(value, 'created-at') ?? ctx.now().toISOString();
}

/** The options of deriveIcp from the command line. */
function deriveOptions(values: Values, ctx: CliContext): DeriveOptions {
  return {
    outcome: required(values.outcome, 'outcome', usage),
    won: list(required(values.won, 'won', usage)) ?? [],
    lost: list(required(values.lost, 'lost', usage)) ?? [],
    fit: list(values.fit),
    exclude: list(values.exclude),
    missingTokens: list(values.missing),
    specialValues: pairs(values.special, 'special'),
    monotonicTrend: trends(values.trend),
    numeric: list(values.numeric),
    categorical: list(values.categorical),
    time: values.time,
    weight: values.weight,
    seed: numberOption(values.seed, 'seed'),
    l2: numberOption(values.l2, 'l2'),
    keepLeakage: keepLeakage(values['keep-leakage']),
    decimal: decimalOption(values.decimal),
    createdAt: createdAt(values['created-at'], ctx),
    intent: list(values.intent),
    calibration: calibrationOption(values.calibration),
    keyAttributes: list(values.key),
    at: timeOption(values.at, 'at'),
    objectives: objectivesFrom(values),
  };
}

/** Normalisers from `--normalize COL=KIND`, with the team's taxonomy when given. */
async function normalizers(values: Values): Promise<NormalizerSpec[]> {
  const kinds = pairs(values.normalize, 'normalize');
  const taxonomy =
    values.taxonomy === undefined
      ? undefined
      : industryTaxonomy(await readDocument(values.taxonomy));
  const revenueScale = numberOption(values['revenue-scale'], 'revenue-scale');
  return Object.entries(kinds).map(([column, [kind]]) => {
    try {
      return normalizerFor(column, kind, { taxonomy, revenueScale });
    } catch (error) {
      throw new UsageError(`--normalize ${column}=${kind}: ${(error as Error).message}`);
    }
  });
}

/** Rules, declared intent signals and normalisers from their files and flags. */
async function declared(values: Values): Promise<Partial<DeriveOptions>> {
  const out: Partial<DeriveOptions> = { normalizers: await normalizers(values) };
  if (values.rules !== undefined) out.rules = rulesFromDocument(await readDocument(values.rules));
  if (values['intent-signals'] !== undefined) {
    out.intentSignals = intentSignalsFromDocument(await readDocument(values['intent-signals']));
  }
  return out;
}

/** `--keep-leakage` with no list means "all": parseArgs needs a value, so accept `all`. */
function normaliseKeepLeakage(args: string[]): string[] {
  return args.flatMap((arg, i) =>
    arg === '--keep-leakage' && (args[i + 1] === undefined || args[i + 1].startsWith('--'))
      ? ['--keep-leakage', 'all']
      : [arg],
  );
}

async function readDeals(path: string, values: Values, ctx: CliContext) {
  const delimiter = delimiterOption(values.delimiter);
  const deals = await readInput(path, ctx, delimiter);
  if (values.accounts === undefined) return deals;
  const key = required(values.join, 'join', usage);
  const accounts = await readInput(values.accounts, ctx, delimiter);
  return joinTables(deals, accounts, key);
}

/** Unmapped values on stderr; the full mapping report to a file when asked. */
async function writeMappingReports(
  reports: MappingReport[],
  path: string | undefined,
  ctx: CliContext,
) {
  for (const r of reports) {
    if (r.unmappedValues.length > 0) {
      const shown = r.unmappedValues.slice(0, 5).map((u) => `"${u.raw}" (${u.count})`);
      const n = r.unmappedValues.length;
      ctx.stderr(`normalize ${r.column}: ${n} distinct values unmapped: ${shown.join(', ')}\n`);
    }
  }
  if (path === undefined) return;
  await writeTextFile(path, reports.map((r) => formatMappingReport(r)).join('\n'));
}

export const deriveCommand: Command = {
  name: 'derive',
  summary: 'derive an ICP definition from closed-won and closed-lost deals',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(normaliseKeepLeakage(args), options, usage);
    const path = onePositional(positionals, 'deals file', usage);
    const out = required(values.out, 'out', usage);
    const derive = { ...deriveOptions(values, ctx), ...(await declared(values)) };

    // Read, derive, write.
    const deals = await readDeals(path, values, ctx);
    const big = deals.rowCount >= 100_000;
    const reports: MappingReport[] = [];
    const icp: IcpDefinition = deriveIcp(deals, {
      ...derive,
      onProgress: big ? (step) => ctx.stderr(`derive: ${step}\n`) : undefined,
      onMappingReport: (report) => reports.push(report),
    });
    await writeTextFile(out, `${JSON.stringify(icp, null, 2)}\n`);
    await writeMappingReports(reports, values['mapping-report'], ctx);

    // Report.
    if (values.json) {
      const { version, metrics, cutoffs, excluded, diagnostics } = icp;
      const attributes = icp.attributes.map(({ name, type, iv, coefficient }) => ({
        name,
        type,
        iv,
        coefficient,
      }));
      ctx.stdout(
        `${JSON.stringify(
          { out, version, attributes, excluded, metrics, cutoffs, warnings: diagnostics.warnings },
          null,
          2,
        )}\n`,
      );
    } else {
      ctx.stdout(`${briefText(icp)}\nwrote ${out} (details: fitgate explain ${out})\n`);
    }
    return 0;
  },
};
