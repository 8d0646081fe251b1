/**
 * Runs one benchmark child process and measures it from outside: wall time, peak resident memory
 * and CPU share from GNU `/usr/bin/time -v` when it is installed (else the child's own report),
 * with a time cap after which the child's process group is killed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** GNU time, whose `-v` report gives the peak RSS of the child. */
const GNU_TIME = '/usr/bin/time';

/** What one child run gave. `figures` is the child's JSON line; null if it failed or timed out. */
export interface ChildRun {
  figures: Record<string, unknown> | null;
  wallSeconds: number;
  maxRssMb: number | null;
  cpuPercent: number | null;
  timedOut: boolean;
  error: string | null;
  /** The machine's 1-minute load average as the run started (other work on the machine). */
  loadBefore: number;
}

export interface ChildOptions {
  /** Kill the child after this many seconds. */
  capSeconds: number;
  /** Working directory (the repository root, so `--import tsx` resolves). */
  cwd: string;
  /** Pin to one CPU with `taskset -c 0` (for single-core throughput). @default false */
  oneCore?: boolean;
}

let runCounter = 0;

/** Reads "Maximum resident set size" and "Percent of CPU" from a `time -v` report. */
function parseTimeReport(text: string): { maxRssMb: number | null; cpuPercent: number | null } {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  const cpu = /Percent of CPU this job got: (\d+)%/.exec(text);
  return {
    maxRssMb: rss ? Number(rss[1]) / 1024 : null,
    cpuPercent: cpu ? Number(cpu[1]) : null,
  };
}

function lastJsonLine(stdout: string): Record<string, unknown> | null {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The full command line: optionally pinned, optionally under GNU time writing to `reportPath`. */
function commandLine(command: string[], reportPath: string | null, oneCore: boolean): string[] {
  const pinned = oneCore ? ['taskset', '-c', '0', ...command] : command;
  return reportPath === null ? pinned : [GNU_TIME, '-v', '-o', reportPath, ...pinned];
}

/**
 * Runs `command` (program and arguments) to completion or to the cap, and measures it.
 */
export async function measureChild(command: string[], options: ChildOptions): Promise<ChildRun> {
  const reportPath = existsSync(GNU_TIME)
    ? join(tmpdir(), `fitgate-bench-time-${process.pid}-${runCounter++}.txt`)
    : null;
  const [program, ...args] = commandLine(command, reportPath, options.oneCore ?? false);

  // Start the child in its own process group, so the cap can stop it and its children.
  const loadBefore = loadavg()[0];
  const start = performance.now();
  const child = spawn(program, args, { cwd: options.cwd, detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, options.capSeconds * 1000);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearTimeout(timer);
  const wallSeconds = (performance.now() - start) / 1000;

  // Collect the child's figures and the outside measurements.
  const figures = code === 0 ? lastJsonLine(stdout) : null;
  let measured: { maxRssMb: number | null; cpuPercent: number | null } = {
    maxRssMb: null,
    cpuPercent: null,
  };
  if (reportPath !== null && existsSync(reportPath)) {
    measured = parseTimeReport(await readFile(reportPath, 'utf8'));
    await rm(reportPath, { force: true });
  }
  const selfRss = typeof figures?.selfMaxRssMb === 'number' ? figures.selfMaxRssMb : null;
  return {
    figures,
    wallSeconds,
    maxRssMb: measured.maxRssMb ?? selfRss,
    cpuPercent: measured.cpuPercent,
    timedOut,
    loadBefore,
    error:
      code === 0 ? null : timedOut ? `killed after ${options.capSeconds} s` : stderr.slice(-2000),
  };
}
