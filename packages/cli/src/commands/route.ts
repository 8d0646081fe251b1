/**
 * `fitgate route`: qualify every lead of a file, then route the routed verdicts to reps by smooth
 * weighted round-robin over a rep table, continuing from (and saving) a routing state file. The
 * output keeps every input column and row in order and adds the qualify columns, `rep_id` and
 * `route_reason`.
 */
import { open, readFile, unlink } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { qualify, type IcpDefinition, type QualifyResult } from '@fitgate/core';
import { rowObject, writeCsv, writeJsonLines, writeTextFile, type Table } from '@fitgate/io';
import {
  CAPACITY_PERIODS,
  emptyRouteState,
  loadRouteState,
  parseInstant,
  parseReps,
  routeQualified,
  type CapacityPeriod,
  type Rep,
  type RouteAudit,
  type RouteState,
} from '@fitgate/route';
import { onePositional, parseCommandArgs, required } from '../args.js';
import type { CliContext, Command } from '../context.js';
import { UsageError } from '../errors.js';
import { loadDefinition } from '../load-definition.js';
import { QUALIFY_COLUMNS, qualifyCells } from '../qualify-output.js';
import { reviewIfMalformed, rowProblems } from '../bad-rows.js';
import { delimiterOption, readInput } from '../read-input.js';
import { outputColumns, warnMalformed } from './qualify.js';

const usage = `usage: fitgate route LEADS.csv --icp ICP.json --reps REPS.csv --state STATE.json
    --out ASSIGNED.csv [--at TIME] [--review-queue NAME] [--territory-field FIELD]
    [--capacity-period day|week|month] [--audit AUDIT.jsonl] [--delimiter ,|;|tab|pipe] [--json]

Qualifies each lead, routes QUALIFIED leads to reps (REVIEW leads to --review-queue when given),
and writes every input column, then ${QUALIFY_COLUMNS.join(', ')}, rep_id, route_reason.
STATE.json is created when missing and saved after the run; STATE.json.lock keeps two runs from
using it at once. --at is an ISO 8601 date or date-time (UTC unless it names an offset); default:
now.`;

const options = {
  icp: { type: 'string' },
  reps: { type: 'string' },
  state: { type: 'string' },
  out: { type: 'string' },
  at: { type: 'string' },
  'review-queue': { type: 'string' },
  'territory-field': { type: 'string' },
  'capacity-period': { type: 'string' },
  audit: { type: 'string' },
  delimiter: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** The columns `route` adds after the qualify columns. */
export const ROUTE_COLUMNS = ['rep_id', 'route_reason'] as const;

/** Everything a route run needs, resolved from the command line. */
export interface RouteRun {
  leads: string;
  icp: string;
  reps: string;
  state: string;
  out: string;
  audit?: string;
  at: Date;
  reviewQueue?: string;
  territoryField?: string;
  capacityPeriod: CapacityPeriod;
  delimiter?: string;
  /** Print the summary as JSON. */
  json?: boolean;
}

/** What a run did, as printed (and as `--json` prints it). */
export interface RouteSummary {
  out: string;
  state: string;
  definition: string;
  routedAt: string;
  leads: number;
  verdicts: Record<string, number>;
  /** Leads given to each rep, in table order (reps with none included). */
  assigned: Record<string, number>;
  queued: number;
  unassigned: Record<string, number>;
  revision: { from: number; to: number };
}

/** Test hooks: `whileLocked` runs after the lock is taken and the state read. */
export interface RouteHooks {
  whileLocked?: () => Promise<void>;
}

export const routeCommand: Command = {
  name: 'route',
  summary: 'qualify leads and route the qualified ones to reps (weighted round-robin)',
  usage,
  async run(args, ctx) {
    const run = routeRunFromArgs(args, ctx);
    const summary = await runRoute(run, ctx);
    ctx.stdout(run.json ? `${JSON.stringify(summary, null, 2)}\n` : summaryText(summary));
    return 0;
  },
};

/** The command line, checked, with paths resolved against the working directory. */
export function routeRunFromArgs(args: string[], ctx: CliContext): RouteRun {
  const { values, positionals } = parseCommandArgs(args, options, usage);
  // Relative paths stay as given (and as messages show them) when the context's directory is the
  // process's own; otherwise they are resolved against the context's directory.
  const path = (p: string) =>
    isAbsolute(p) || ctx.cwd === process.cwd() ? p : resolve(ctx.cwd, p);
  const period = values['capacity-period'] ?? 'day';
  if (!(CAPACITY_PERIODS as readonly string[]).includes(period)) {
    throw new UsageError(
      `--capacity-period takes one of ${CAPACITY_PERIODS.join(', ')}; got "${period}"`,
    );
  }
  return {
    leads: path(onePositional(positionals, 'leads file', usage)),
    icp: path(required(values.icp, 'icp', usage)),
    reps: path(required(values.reps, 'reps', usage)),
    state: path(required(values.state, 'state', usage)),
    out: path(required(values.out, 'out', usage)),
    audit: values.audit === undefined ? undefined : path(values.audit),
    at: values.at === undefined ? ctx.now() : atOption(values.at),
    reviewQueue: values['review-queue'],
    territoryField: values['territory-field'],
    capacityPeriod: period as CapacityPeriod,
    delimiter: values.delimiter,
    json: values.json === true,
  };
}

/** `--at`: an ISO 8601 date (its UTC midnight) or date-time. */
function atOption(text: string): Date {
  const at = parseInstant(text);
  if (Number.isNaN(at)) {
    throw new UsageError(
      `--at takes an ISO 8601 date or date-time (2024-05-06 or 2024-05-06T09:00Z); got "${text}"`,
    );
  }
  return new Date(at);
}

/**
 * Run a route: read everything, take the state's lock, route every lead, write the output (and
 * audit), then save the state. The output is written before the state, so a run that fails to
 * save the state can be repeated and routes the same leads the same way.
 */
export async function runRoute(
  run: RouteRun,
  ctx: CliContext,
  hooks: RouteHooks = {},
): Promise<RouteSummary> {
  // Read the definition, the reps and the leads, and check they fit together.
  const icp = await loadDefinition(run.icp);
  const reps = await readReps(run, ctx);
  const leads = await readInput(run.leads, ctx, delimiterOption(run.delimiter), 'keep');
  warnMalformed(leads, ctx);
  checkInputs(run, reps, leads);

  // Hold the lock from reading the state to saving it.
  const release = await acquireLock(`${run.state}.lock`, ctx.now());
  try {
    const start = await readState(run.state);
    await hooks.whileLocked?.();
    const routed = routeLeads(run, icp, reps, leads, start);

    // Check nobody moved the state on, write the output, then save the state.
    await checkUnchanged(run.state, start.revision);
    const added = outputColumns(leads.columns, [...QUALIFY_COLUMNS, ...ROUTE_COLUMNS]);
    await writeCsv(run.out, [...leads.columns, ...added], routed.rows);
    if (run.audit !== undefined) await writeJsonLines(run.audit, routed.audits);
    await writeTextFile(run.state, `${JSON.stringify(routed.state, null, 2)}\n`);
    return summarize(run, icp, reps, routed, start.revision);
  } finally {
    await release();
  }
}

/** The rep table: CSV (or any table `readTable` reads), or a JSON array of row objects. */
async function readReps(run: RouteRun, ctx: CliContext): Promise<Rep[]> {
  const options = { territoryField: run.territoryField, source: run.reps };
  if (run.reps.toLowerCase().endsWith('.json')) {
    const rows = await readJson(run.reps);
    if (!Array.isArray(rows) || rows.some((r) => typeof r !== 'object' || r === null)) {
      throw new Error(`${run.reps}: a JSON rep table must be an array of objects, one per rep`);
    }
    return parseReps(rows as Record<string, unknown>[], options);
  }
  const table = await readInput(run.reps, ctx);
  const rows = Array.from({ length: table.rowCount }, (_, r) => rowObject(table, r));
  return parseReps(rows, { ...options, lines: table.lines });
}

/** Parse a JSON file, naming it in the error. */
async function readJson(path: string): Promise<unknown> {
  return jsonText(await readFile(path, 'utf8'), path);
}

function jsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Territory fields must be lead columns, and the review queue must not be a rep's id. */
function checkInputs(run: RouteRun, reps: readonly Rep[], leads: Table): void {
  const columns = new Set(leads.columns);
  for (const rep of reps) {
    const field = rep.territory.conditions.find((c) => !columns.has(c.field))?.field;
    if (field !== undefined) {
      throw new UsageError(
        `${run.reps}: rep ${JSON.stringify(rep.id)} has territory field ` +
          `${JSON.stringify(field)}, ` +
          `which is not a column of ${run.leads}; columns are: ${leads.columns.join(', ')}`,
      );
    }
  }
  if (run.reviewQueue !== undefined && reps.some((rep) => rep.id === run.reviewQueue)) {
    throw new UsageError(
      `--review-queue ${JSON.stringify(run.reviewQueue)} is also a rep id; name the queue apart`,
    );
  }
}

/**
 * Create the lock file with the `wx` flag: exactly one run can create it; it is removed when the
 * run ends (also on Ctrl-C). A lock left by a crash must be deleted by hand; the error says so.
 */
export async function acquireLock(lock: string, now: Date): Promise<() => Promise<void>> {
  let handle;
  try {
    handle = await open(lock, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new Error(`cannot create the lock file ${lock}: ${(error as Error).message}`);
    }
    throw new Error(await lockedMessage(lock));
  }
  try {
    await handle.writeFile(`${JSON.stringify({ pid: process.pid, since: now.toISOString() })}\n`);
  } finally {
    await handle.close();
  }

  // Remove the lock on Ctrl-C or kill too, then let the signal do what it would have done.
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    signals.forEach((s) => process.removeListener(s, onSignal));
    unlinkQuietly(lock).finally(() => process.kill(process.pid, signal));
  };
  signals.forEach((s) => process.once(s, onSignal));
  return async () => {
    signals.forEach((s) => process.removeListener(s, onSignal));
    await unlinkQuietly(lock);
  };
}

async function unlinkQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

/** Why the lock is taken, with who holds it when the lock file says. */
async function lockedMessage(lock: string): Promise<string> {
  let holder: { pid?: number; since?: string } = {};
  try {
    holder = JSON.parse(await readFile(lock, 'utf8')) as typeof holder;
  } catch {
    // An unreadable or empty lock file still means "taken"; the message just says less.
  }
  const who = holder.pid === undefined ? '' : ` (process ${holder.pid}, since ${holder.since})`;
  return (
    `the routing state is in use by another fitgate route run${who}: ${lock} exists. ` +
    'Wait for that run to finish; if none is running (it crashed), delete the lock file'
  );
}

/** The saved state, or an empty one when the file does not exist yet. */
async function readState(path: string): Promise<RouteState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyRouteState();
    throw error;
  }
  const json = jsonText(text, path);
  try {
    return loadRouteState(json);
  } catch (error) {
    (error as Error).message = `${path}: ${(error as Error).message}`;
    throw error;
  }
}

/**
 * Check that the state file still holds the revision this run started from. The lock keeps other
 * runs out; this catches a state replaced by hand or by a process that ignored the lock. The state
 * is then written atomically (a temporary file renamed over it).
 */
async function checkUnchanged(path: string, from: number): Promise<void> {
  const current = await readState(path);
  if (current.revision !== from) {
    throw new Error(
      `${path} changed during the run (revision ${from} became ${current.revision}); nothing ` +
        'was written: run again to route from the new state',
    );
  }
}

interface Routed {
  rows: string[][];
  audits: RouteAudit[];
  results: QualifyResult[];
  state: RouteState;
}

/** Qualify and route every lead in input order. */
function routeLeads(
  run: RouteRun,
  icp: IcpDefinition,
  reps: readonly Rep[],
  leads: Table,
  start: RouteState,
): Routed {
  const routeOptions = {
    at: run.at,
    reviewQueue: run.reviewQueue ?? null,
    capacityPeriod: run.capacityPeriod,
  };
  const routed: Routed = { rows: [], audits: [], results: [], state: start };
  const problems = rowProblems(leads);
  for (let r = 0; r < leads.rowCount; r++) {
    const lead = rowObject(leads, r);
    const result = reviewIfMalformed(qualify(lead, icp, { at: run.at }), problems.get(r));
    const next = routeQualified(lead, result, reps, routed.state, routeOptions);
    const owner = next.assignment.repId ?? next.assignment.queue ?? '';
    routed.rows.push([
      ...leads.data.map((column) => column[r]),
      ...qualifyCells(result),
      owner,
      next.assignment.reason,
    ]);
    routed.audits.push(next.audit);
    routed.results.push(result);
    routed.state = next.state;
  }
  return routed;
}

function summarize(
  run: RouteRun,
  icp: IcpDefinition,
  reps: readonly Rep[],
  routed: Routed,
  from: number,
): RouteSummary {
  const verdicts: Record<string, number> = { QUALIFIED: 0, NOT_QUALIFIED: 0, REVIEW: 0 };
  for (const result of routed.results) verdicts[result.verdict] += 1;

  // Leads per rep in table order (reps with none included), then what was not assigned.
  const assigned: Record<string, number> = Object.fromEntries(reps.map((rep) => [rep.id, 0]));
  const unassigned: Record<string, number> = {};
  let queued = 0;
  for (const audit of routed.audits) {
    if (audit.repId !== null) assigned[audit.repId] += 1;
    else if (audit.queue !== null) queued += 1;
    else unassigned[audit.rule] = (unassigned[audit.rule] ?? 0) + 1;
  }
  return {
    out: run.out,
    state: run.state,
    definition: icp.version,
    routedAt: run.at.toISOString(),
    leads: routed.rows.length,
    verdicts,
    assigned,
    queued,
    unassigned,
    revision: { from, to: routed.state.revision },
  };
}

/** The summary for people: verdicts, leads per rep, what was left, and the files written. */
export function summaryText(summary: RouteSummary): string {
  const v = summary.verdicts;
  const reps = Object.entries(summary.assigned).map(([id, n]) => `  ${id}: ${n}`);
  const left = Object.entries(summary.unassigned).map(([rule, n]) => `  ${rule}: ${n}`);
  return [
    `routed ${summary.leads} leads at ${summary.routedAt} with ${summary.definition}: ` +
      `${v.QUALIFIED} QUALIFIED, ${v.NOT_QUALIFIED} NOT_QUALIFIED, ${v.REVIEW} REVIEW`,
    'assigned:',
    ...reps,
    ...(summary.queued > 0 ? [`queued for review: ${summary.queued}`] : []),
    ...(left.length > 0 ? ['unassigned:', ...left] : []),
    `wrote ${summary.out}`,
    `saved ${summary.state} (revision ${summary.revision.from} -> ${summary.revision.to})`,
    '',
  ].join('\n');
}
