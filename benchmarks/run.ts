/**
 * The fitgate benchmarks, side by side in one run: `derive` end to end against a scikit-learn
 * pipeline and against `ml-logistic-regression`, at 45k rows (bank-marketing) and at 1M rows
 * (resampled from it), on the fit-like columns and on all columns; then `qualify` throughput on
 * one core. Each measurement is a fresh child process, so peak memory is per run.
 *
 * Usage: `pnpm exec tsx benchmarks/run.ts [--repeats N] [--large-repeats N] [--skip-large]
 * [--keep]`. Prints the figures as Markdown tables and writes them as JSON next to the data.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';

import { COLUMN_SETS, LARGE_ROWS, type ColumnSet } from './bench-config.js';
import { writeHeldOutMask } from './held-out-mask.js';
import { resampleCsv } from './make-1m.js';
import { measureChild, type ChildRun } from './measure-child.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'data/bank-marketing/bank-full.csv.gz');
/** Debian's Python, which has scikit-learn and pandas (the `python3` on PATH may not). */
const PYTHON = '/usr/bin/python3';

/** Time caps per child run, in seconds: small data, and the 1M-row data. */
const CAP_SMALL = 180;
const CAP_LARGE = 300;

/**
 * `ml-logistic-regression` settings. It takes a fixed number of plain gradient steps on the summed
 * (not averaged) gradient, so the rate is given per training row. 100 steps at 4 / n_train reach
 * scikit-learn's held-out AUC to within 0.002 on bank-marketing (both column sets); its default,
 * 50,000 steps at 5e-4, would take over an hour at 45k rows, and 5e-4 overshoots (AUC 0.53 after
 * 100 steps). At 1M rows only a probe of `MLLR_PROBE_STEPS` steps is run, and the full fit is
 * extrapolated from its time per step.
 */
const MLLR_STEPS = 100;
const MLLR_RATE_TIMES_N = 4;
const MLLR_PROBE_STEPS = 10;

/** Aims of the issue: 1M rows derived in under 30 s and 1.5 GB; qualify >= 1M leads/s. */
const AIM_LARGE_SECONDS = 30;
const AIM_LARGE_MB = 1.5e9 / 2 ** 20;
const AIM_QUALIFY_RATE = 1e6;

type Tool = 'fitgate derive' | 'scikit-learn' | 'ml-logistic-regression';

interface Row {
  size: string;
  /** A column set, or `all-but-leak` (all but `duration`, scikit-learn only, for its AUC). */
  set: string;
  tool: Tool;
  runs: ChildRun[];
  note: string;
  /** False for a probe whose model is not fitted far enough for its AUC to mean anything. */
  aucMeaningful?: boolean;
}

interface DataSet {
  size: string;
  csv: string;
  mask: string;
  rows: number;
  large: boolean;
}

const TSX_NODE = [process.execPath, '--import', 'tsx'];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function numberFigure(run: ChildRun, key: string): number {
  const value = run.figures?.[key];
  return typeof value === 'number' ? value : NaN;
}

/** Run a command `repeats` times, logging progress on stderr; stop early on a failure. */
async function repeatRuns(
  label: string,
  command: string[],
  repeats: number,
  capSeconds: number,
  oneCore = false,
): Promise<ChildRun[]> {
  const runs: ChildRun[] = [];
  for (let i = 0; i < repeats; i++) {
    process.stderr.write(`${label}: run ${i + 1}/${repeats}... `);
    const run = await measureChild(command, { cwd: ROOT, capSeconds, oneCore });
    runs.push(run);
    process.stderr.write(run.error === null ? `${run.wallSeconds.toFixed(2)} s\n` : `FAILED\n`);
    if (run.error !== null) {
      process.stderr.write(`${run.error}\n`);
      break;
    }
  }
  return runs;
}

/** The commit measured, marked when the working tree has uncommitted changes (read-only git). */
function treeState(): string {
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
    const commit = git(['rev-parse', '--short', 'HEAD']).trim();
    return git(['status', '--porcelain']).trim() === ''
      ? commit
      : `${commit} + uncommitted changes`;
  } catch {
    return 'unknown commit';
  }
}

/** Decompress the source, make the 1M-row file, and write both held-out masks. */
async function prepareData(dir: string, withLarge: boolean): Promise<DataSet[]> {
  const small = join(dir, 'bank-45k.csv');
  await pipeline(createReadStream(SOURCE), createGunzip(), createWriteStream(small));
  const sets: DataSet[] = [
    { size: '45k', csv: small, mask: join(dir, 'mask-45k.bin'), rows: 0, large: false },
  ];
  if (withLarge) {
    const large = join(dir, 'bank-1m.csv');
    process.stderr.write(`writing ${LARGE_ROWS} resampled rows to ${large}\n`);
    await resampleCsv(small, large);
    sets.push({ size: '1M', csv: large, mask: join(dir, 'mask-1m.bin'), rows: 0, large: true });
  }
  for (const set of sets) set.rows = (await writeHeldOutMask(set.csv, set.mask)).rows;
  return sets;
}

/** The three tools on one data set and column set. */
async function compareTools(data: DataSet, set: ColumnSet, repeats: number, dir: string) {
  const cap = data.large ? CAP_LARGE : CAP_SMALL;
  const label = `${data.size} ${set}`;
  const rows: Row[] = [];

  // fitgate: read + deriveIcp. Each run writes its definition (the same every time); the 45k
  // ones are what the qualify benchmark scores against.
  const icp = join(dir, `icp-${data.size}-${set}.json`);
  const derive = [...TSX_NODE, 'benchmarks/derive-child.ts', data.csv, set, data.mask, icp];
  rows.push({
    size: data.size,
    set,
    tool: 'fitgate derive',
    runs: await repeatRuns(`${label} derive`, derive, repeats, cap),
    note: '',
  });

  // scikit-learn: pandas read + one-hot / scale + LogisticRegression + held-out scores.
  const sklearn = [PYTHON, 'benchmarks/sklearn_pipeline.py', data.csv, set, data.mask];
  rows.push({
    size: data.size,
    set,
    tool: 'scikit-learn',
    runs: await repeatRuns(`${label} scikit-learn`, sklearn, repeats, cap),
    note: '',
  });

  // scikit-learn without the column derive leaves out as leakage: the like-for-like AUC.
  if (set === 'all') {
    const fair = [PYTHON, 'benchmarks/sklearn_pipeline.py', data.csv, 'all-but-leak', data.mask];
    rows.push({
      size: data.size,
      set: 'all-but-leak',
      tool: 'scikit-learn',
      runs: await repeatRuns(`${data.size} all-but-leak scikit-learn`, fair, 1, cap),
      note: 'for the AUC: all columns but duration, which derive leaves out as leakage; 1 run',
    });
  }

  // ml-logistic-regression: full fit once at 45k; a short probe at 1M, extrapolated.
  const steps = data.large ? MLLR_PROBE_STEPS : MLLR_STEPS;
  const mllr = [...TSX_NODE, 'benchmarks/mllr-child.ts', data.csv, set, data.mask];
  const runs = await repeatRuns(
    `${label} ml-logistic-regression (${steps} steps)`,
    [...mllr, String(steps), String(MLLR_RATE_TIMES_N)],
    1,
    cap,
  );
  rows.push({
    size: data.size,
    set,
    tool: 'ml-logistic-regression',
    runs,
    aucMeaningful: !data.large,
    note: data.large
      ? mllrExtrapolation(runs[0])
      : `${MLLR_STEPS} steps at ${MLLR_RATE_TIMES_N} / n_train; 1 run`,
  });
  return rows;
}

/** The time a full `MLLR_STEPS` fit would take, from a probe of `MLLR_PROBE_STEPS` steps. */
function mllrExtrapolation(probe: ChildRun | undefined): string {
  if (probe === undefined || probe.figures === null) return 'probe failed';
  const fixed = numberFigure(probe, 'readSeconds') + numberFigure(probe, 'designSeconds');
  const perStep = numberFigure(probe, 'trainSeconds') / MLLR_PROBE_STEPS;
  const full = fixed + perStep * MLLR_STEPS;
  return (
    `probe of ${MLLR_PROBE_STEPS} steps; ` +
    `${perStep.toFixed(2)} s per step, so ${MLLR_STEPS} steps ≈ ${full.toFixed(0)} s (not run)`
  );
}

/** Format a number with fixed decimals, or a dash. */
function fmt(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '–';
}

/** For a derive run: what it left out, and whether its own AUC matches the recomputed one. */
function deriveNote(run: ChildRun | undefined): string {
  const excluded = run?.figures?.excluded;
  if (!Array.isArray(excluded)) return '';
  const reported = numberFigure(run as ChildRun, 'reportedAuc');
  const same = Math.abs(reported - numberFigure(run as ChildRun, 'auc')) < 1e-12;
  return (
    `left out: ${excluded.join(', ')}` +
    (same ? '' : `; its own validation AUC ${fmt(reported, 4)} differs (split mismatch?)`)
  );
}

function comparisonTable(rows: readonly Row[]): string {
  const lines = [
    '| rows | columns | tool | runs | time in process, s (median) | process wall, s (median) | ' +
      'peak RSS, MB (median / max) | held-out AUC | note |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const ok = row.runs.filter((r) => r.error === null);
    const failed = row.runs.find((r) => r.error !== null);
    const rss = ok.map((r) => r.maxRssMb ?? NaN);
    const auc = ok.length > 0 && row.aucMeaningful !== false ? numberFigure(ok[0], 'auc') : NaN;
    const note = [
      row.note,
      deriveNote(ok[0]),
      failed ? `failed: ${failed.error?.split('\n')[0]}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    lines.push(
      `| ${row.size} | ${row.set} | ${row.tool} | ${ok.length} | ` +
        `${fmt(median(ok.map((r) => numberFigure(r, 'seconds'))), 2)} | ` +
        `${fmt(median(ok.map((r) => r.wallSeconds)), 2)} | ` +
        `${fmt(median(rss), 0)} / ${fmt(Math.max(...rss), 0)} | ${fmt(auc, 4)} | ${note} |`,
    );
  }
  return lines.join('\n');
}

/** Median figure of one tool on one size and column set. */
function medianOf(rows: readonly Row[], size: string, set: string, tool: Tool, key: string) {
  const row = rows.find((r) => r.size === size && r.set === set && r.tool === tool);
  const ok = row?.runs.filter((r) => r.error === null) ?? [];
  if (ok.length === 0) return NaN;
  if (key === 'wall') return median(ok.map((r) => r.wallSeconds));
  if (key === 'rss') return median(ok.map((r) => r.maxRssMb ?? NaN));
  return median(ok.map((r) => numberFigure(r, key)));
}

function verdict(met: boolean): string {
  return met ? 'met' : '**not met**';
}

function aimsTable(
  rows: readonly Row[],
  sizes: readonly string[],
  qualifyRuns: readonly QualifyRow[],
) {
  const lines = ['| aim | measured | verdict |', '| --- | --- | --- |'];
  for (const size of sizes) {
    for (const set of COLUMN_SETS) {
      const ours = medianOf(rows, size, set, 'fitgate derive', 'seconds');
      const theirs = medianOf(rows, size, set, 'scikit-learn', 'seconds');
      const oursWall = medianOf(rows, size, set, 'fitgate derive', 'wall');
      const theirsWall = medianOf(rows, size, set, 'scikit-learn', 'wall');
      lines.push(
        `| derive faster than scikit-learn, ${size} ${set} | in process ${fmt(ours, 2)} s vs ` +
          `${fmt(theirs, 2)} s; process ${fmt(oursWall, 2)} s vs ${fmt(theirsWall, 2)} s | ` +
          `${verdict(ours < theirs && oursWall < theirsWall)} |`,
      );
    }
  }
  if (sizes.includes('1M')) {
    for (const set of COLUMN_SETS) {
      const seconds = medianOf(rows, '1M', set, 'fitgate derive', 'wall');
      const mb = medianOf(rows, '1M', set, 'fitgate derive', 'rss');
      lines.push(
        `| 1M rows (${set}) in under ${AIM_LARGE_SECONDS} s and 1.5 GB | ${fmt(seconds, 1)} s ` +
          `(process), ${fmt(mb, 0)} MB peak RSS | ` +
          `${verdict(seconds < AIM_LARGE_SECONDS && mb < AIM_LARGE_MB)} |`,
      );
    }
  }
  for (const q of qualifyRuns) {
    const rate = q.run ? rates(q.run, 'full').median : NaN;
    const attributes = q.run ? numberFigure(q.run, 'attributes') : NaN;
    lines.push(
      `| qualify >= 1M leads/s with reasons (${q.set}, ${attributes} attributes, ` +
        `${q.shape} leads) | ${fmt(rate / 1e6, 2)}M leads/s (median) | ` +
        `${verdict(rate >= AIM_QUALIFY_RATE)} |`,
    );
  }
  return lines.join('\n');
}

/** The lead shapes timed: CSV row objects (null prototype) and objects from `JSON.parse`. */
type LeadShape = 'csv' | 'json';
const LEAD_SHAPES: readonly LeadShape[] = ['csv', 'json'];

interface QualifyRow {
  set: ColumnSet;
  shape: LeadShape;
  run: ChildRun | null;
}

/** qualify throughput on one core, per definition derived from the 45k rows and lead shape. */
async function qualifyThroughput(data: DataSet, dir: string): Promise<QualifyRow[]> {
  const out: QualifyRow[] = [];
  for (const set of COLUMN_SETS) {
    const icp = join(dir, `icp-45k-${set}.json`);
    for (const shape of LEAD_SHAPES) {
      if (!existsSync(icp)) {
        out.push({ set, shape, run: null });
        continue;
      }
      const command = [...TSX_NODE, 'benchmarks/qualify-child.ts', data.csv, icp, shape];
      const [run] = await repeatRuns(`qualify ${set} ${shape}`, command, 1, CAP_SMALL, true);
      out.push({ set, shape, run: run.error === null ? run : null });
    }
  }
  return out;
}

const SHAPE_NAMES: Record<LeadShape, string> = {
  csv: 'CSV rows (`rowObject`, null prototype)',
  json: 'objects from `JSON.parse`',
};

function rates(run: ChildRun, key: 'full' | 'pure') {
  const all = (run.figures?.all as Record<string, number[]> | undefined)?.[key] ?? [];
  return { median: median(all), best: Math.max(...all), worst: Math.min(...all) };
}

function qualifyTable(rows: readonly QualifyRow[]): string {
  const lines = [
    '| definition | leads as | attributes | calls per repeat | ' +
      'qualify with reasons, M leads/s: median (worst–best) | ' +
      'pure scoring, M leads/s: median (worst–best) | peak RSS, MB |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const m = (x: number) => fmt(x / 1e6, 2);
  for (const q of rows) {
    if (q.run === null) {
      lines.push(`| ${q.set} | ${SHAPE_NAMES[q.shape]} | – | – | failed | failed | – |`);
      continue;
    }
    const full = rates(q.run, 'full');
    const pure = rates(q.run, 'pure');
    lines.push(
      `| ${q.set} | ${SHAPE_NAMES[q.shape]} | ${numberFigure(q.run, 'attributes')} | ` +
        `${numberFigure(q.run, 'callsPerRepeat')} | ` +
        `${m(full.median)} (${m(full.worst)}–${m(full.best)}) | ` +
        `${m(pure.median)} (${m(pure.worst)}–${m(pure.best)}) | ` +
        `${fmt(q.run.maxRssMb ?? NaN, 0)} |`,
    );
  }
  return lines.join('\n');
}

/** The range of the 1-minute load average seen at the start of the runs. */
function loadRange(rows: readonly Row[], qualifyRows: readonly QualifyRow[]): string {
  const loads = [
    ...rows.flatMap((r) => r.runs.map((run) => run.loadBefore)),
    ...qualifyRows.flatMap((q) => (q.run ? [q.run.loadBefore] : [])),
  ];
  return `${fmt(Math.min(...loads), 2)} to ${fmt(Math.max(...loads), 2)}`;
}

async function main() {
  const { values } = parseArgs({
    options: {
      repeats: { type: 'string', default: '5' },
      'large-repeats': { type: 'string', default: '3' },
      'skip-large': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const dir = await mkdtemp(join(tmpdir(), 'fitgate-bench-'));
  const started = new Date();
  process.stderr.write(`data and results in ${dir}\n`);

  // Data, then the side-by-side comparison per size and column set, then qualify.
  const data = await prepareData(dir, !values['skip-large']);
  const rows: Row[] = [];
  for (const d of data) {
    const repeats = Number(d.large ? values['large-repeats'] : values.repeats);
    for (const set of COLUMN_SETS) rows.push(...(await compareTools(d, set, repeats, dir)));
  }
  const qualifyRows = await qualifyThroughput(data[0], dir);

  // Report.
  const sizes = data.map((d) => d.size);
  const report = [
    `fitgate benchmarks, ${started.toISOString().slice(0, 10)}, Node ${process.version}, ` +
      `${cpus().length} CPUs, tree ${treeState()}; ` +
      `1-minute load average at the start of each run: ` +
      loadRange(rows, qualifyRows),
    '',
    comparisonTable(rows),
    '',
    qualifyTable(qualifyRows),
    '',
    aimsTable(rows, sizes, qualifyRows),
    '',
  ].join('\n');
  process.stdout.write(report);
  const json = join(dir, 'results.json');
  await writeFile(json, JSON.stringify({ started, rows, qualify: qualifyRows }, null, 2));
  if (!values.keep) {
    for (const d of data) await rm(d.csv, { force: true });
  }
  process.stderr.write(`results: ${json}\n`);
}

await main();
